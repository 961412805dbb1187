package dev.terrace.emulator;

import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-modify-write of IAM policies with etags, as every IAM-bearing API does it: a write whose etag
 * is not the current one fails with ABORTED, and each accepted write gets a new etag.
 */
public final class IamPolicies {
  private static final AtomicLong NEXT_ETAG = new AtomicLong(System.nanoTime());

  private IamPolicies() {}

  /** Returns a new empty policy with a fresh etag, the state of a resource without grants. */
  public static Policy empty() {
    return Policy.newBuilder().setVersion(1).setEtag(newEtag()).build();
  }

  /**
   * Returns the policy to store for a setIamPolicy request: the requested one with a new etag.
   *
   * @throws io.grpc.StatusRuntimeException ABORTED when the request carries a stale etag
   */
  public static Policy replace(Policy current, Policy requested) {
    if (!requested.getEtag().isEmpty() && !requested.getEtag().equals(current.getEtag())) {
      throw GrpcErrors.aborted(
          "The policy was changed after it was read (stale etag). Read it again, reapply the change"
              + " and retry.");
    }
    int version = requested.getVersion() == 0 ? 1 : requested.getVersion();
    return requested.toBuilder().setVersion(version).setEtag(newEtag()).build();
  }

  /** Returns an etag in the real format: 8 opaque bytes (base64 in JSON). */
  public static ByteString newEtag() {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(NEXT_ETAG.incrementAndGet()).array());
  }
}
