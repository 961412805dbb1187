package dev.terrace.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Converts protobuf messages to and from Jackson trees for snapshots. */
public final class ProtoJson {
  /** The one Jackson mapper of the emulator; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private ProtoJson() {}

  /** Returns the message as proto3 JSON. Messages holding {@code Any} need {@link #toBytes}. */
  public static JsonNode toJson(Message message) {
    try {
      return MAPPER.readTree(PRINTER.print(message));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print " + message.getDescriptorForType().getFullName(), e);
    }
  }

  /** Parses proto3 JSON into the builder and returns the built message. */
  @SuppressWarnings("unchecked")
  public static <T extends Message> T fromJson(JsonNode json, Message.Builder builder) {
    try {
      PARSER.merge(MAPPER.writeValueAsString(json), builder);
      return (T) builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + builder.getDescriptorForType().getFullName(), e);
    }
  }

  /** Returns the message's wire bytes as base64 text; used for messages that contain {@code Any}. */
  public static JsonNode toBytes(Message message) {
    return TextNode.valueOf(Base64.getEncoder().encodeToString(message.toByteArray()));
  }

  /** Parses what {@link #toBytes} returned. */
  public static <T extends Message> T fromBytes(JsonNode json, Parser<T> parser) {
    try {
      return parser.parseFrom(Base64.getDecoder().decode(json.asText()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("snapshot contains an invalid message; restore the file or delete it to start empty", e);
    }
  }
}
