package dev.terrace.emulator.run;

import static dev.terrace.emulator.run.Sandbox.IMAGE;
import static dev.terrace.emulator.run.Sandbox.PARENT;
import static dev.terrace.emulator.run.Sandbox.RUN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.logging.v2.LogEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunServicesTest {

  private static Sandbox sandbox;
  private static ServicesClient services;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.startSeeded();
    services = sandbox.services();
  }

  @AfterAll
  static void stop() {
    services.close();
    sandbox.close();
  }

  static Service webService(String image, EnvVar... env) {
    return Service.newBuilder()
        .setTemplate(
            RevisionTemplate.newBuilder()
                .setServiceAccount(RUN_ACCOUNT)
                .addContainers(Container.newBuilder().setImage(image).addAllEnv(List.of(env))))
        .build();
  }

  static EnvVar secretEnv(String name, String secret) {
    return EnvVar.newBuilder()
        .setName(name)
        .setValueSource(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder().setSecret(secret).setVersion("latest")))
        .build();
  }

  private static Service create(String id, Service service) throws Exception {
    return services.createServiceAsync(CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId(id).setService(service).build()).get();
  }

  private static ApiException createFailure(String id, Service service) {
    ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> create(id, service));
    assertThat(failure).as("create of %s should fail", id).isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApiException.class);
    return (ApiException) failure.getCause();
  }

  @Test
  void createServiceReconcilesThenIsReady() throws Exception {
    var operation = services.createServiceAsync(
        CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("web").setService(webService(IMAGE, secretEnv("DATABASE_URL", "DATABASE_URL"))).build());
    operation.getInitialFuture().get();
    Service reconciling = services.getService(PARENT + "/services/web");
    Service ready = operation.get();

    assertThat(reconciling.getReconciling()).isTrue();
    assertThat(reconciling.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_RECONCILING);
    assertThat(ready.getReconciling()).isFalse();
    assertThat(ready.getTerminalCondition().getType()).isEqualTo("Ready");
    assertThat(ready.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    assertThat(ready.getLatestReadyRevision()).matches(PARENT + "/services/web/revisions/web-00001-[a-z0-9]{3}");
    assertThat(ready.getUri()).isEqualTo(sandbox.serviceUrlBase() + "/s/" + Sandbox.REGION + "/web");
    assertThat(ready.getTrafficStatuses(0).getPercent()).isEqualTo(100);
    assertThat(ready.getObservedGeneration()).isEqualTo(1);
  }

  @Test
  void updateMakesRevisionOnlyForTemplateChange() throws Exception {
    Service first = create("api", webService(IMAGE));

    var labelling = services.updateServiceAsync(first.toBuilder().putLabels("managed-by", "terrace").build());
    Service inProgress = ((com.google.protobuf.Any) labelling.getInitialFuture().get().getMetadata()).unpack(Service.class);
    Service labelled = labelling.get();
    Service changed = services.updateServiceAsync(
        UpdateServiceRequest.newBuilder()
            .setService(labelled.toBuilder().setTemplate(labelled.getTemplate().toBuilder().putLabels("deploy", "2")))
            .build()).get();

    assertThat(inProgress.getReconciling()).isTrue();
    assertThat(inProgress.getTrafficStatusesList()).hasSize(1);
    assertThat(labelled.getGeneration()).isEqualTo(2);
    assertThat(labelled.getLatestReadyRevision()).isEqualTo(first.getLatestReadyRevision());
    assertThat(changed.getLatestReadyRevision()).matches(".*/revisions/api-00002-[a-z0-9]{3}");
    List<Revision> revisions = new java.util.ArrayList<>();
    try (var client = sandbox.revisions()) {
      client.listRevisions(PARENT + "/services/api").iterateAll().forEach(revisions::add);
    }
    assertThat(revisions).hasSize(2);
  }

  @Test
  void validateOnlyCreatesNothing() throws Exception {
    Service checked = services.createServiceAsync(
        CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("dry-run").setService(webService(IMAGE)).setValidateOnly(true).build()).get();
    ApiException missing = catchThrowableOfType(ApiException.class, () -> services.getService(PARENT + "/services/dry-run"));
    Service created = create("dry-run", webService(IMAGE));

    assertThat(checked.getName()).isEqualTo(PARENT + "/services/dry-run");
    assertThat(missing.getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
    assertThat(created.getLatestReadyRevision()).matches(".*/revisions/dry-run-00001-[a-z0-9]{3}");
  }

  @Test
  void updateMaskChangesOnlyMaskedFields() throws Exception {
    Service first = create("masked", webService(IMAGE));

    Service labelsOnly = Service.newBuilder().setName(first.getName()).putLabels("stack", "guide").build();
    Service updated = services.updateServiceAsync(
        UpdateServiceRequest.newBuilder().setService(labelsOnly).setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("labels")).build()).get();

    assertThat(updated.getLabelsMap()).containsEntry("stack", "guide");
    assertThat(updated.getTemplate().getContainers(0).getImage()).isEqualTo(IMAGE);
    assertThat(updated.getLatestReadyRevision()).isEqualTo(first.getLatestReadyRevision());
  }

  @Test
  void serviceListGetDeleteRoundTrip() throws Exception {
    create("round-trip", webService(IMAGE));

    List<String> names = new java.util.ArrayList<>();
    services.listServices(PARENT).iterateAll().forEach(service -> names.add(service.getName()));
    Service deleted = services.deleteServiceAsync(PARENT + "/services/round-trip").get();
    ApiException missing = catchThrowableOfType(ApiException.class, () -> services.getService(PARENT + "/services/round-trip"));

    assertThat(names).contains(PARENT + "/services/round-trip");
    assertThat(deleted.hasDeleteTime()).isTrue();
    assertThat(missing.getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
  }

  @Test
  void healthAnswersOkWhenReadyAndLogsRequest() throws Exception {
    Service service = create("public-web", webService(IMAGE));
    Policy policy = services.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(service.getName()).build());
    services.setIamPolicy(
        SetIamPolicyRequest.newBuilder()
            .setResource(service.getName())
            .setPolicy(policy.toBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers")))
            .build());

    HttpResponse<String> health =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\": \"ok\"}");
    LogEntry logged = sandbox.world().logs().entries().stream()
        .filter(entry -> entry.hasHttpRequest() && entry.getResource().getLabelsMap().get("service_name").equals("public-web"))
        .findFirst()
        .orElseThrow();
    assertThat(logged.getResource().getType()).isEqualTo("cloud_run_revision");
    assertThat(logged.getResource().getLabelsMap()).containsKeys("revision_name", "location", "project_id", "configuration_name");
    assertThat(logged.getHttpRequest().getStatus()).isEqualTo(200);
    assertThat(logged.getHttpRequest().getRequestUrl()).endsWith("/health/");
  }

  @Test
  void privateServiceRejectsRequestWithoutToken() throws Exception {
    Service service = create("private-web", webService(IMAGE));

    HttpResponse<String> health =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(403);
  }

  @Test
  void iamPolicyWriteWithStaleEtagIsAborted() throws Exception {
    String name = PARENT + "/services/iam-web";
    services.createServiceAsync(CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("iam-web").setService(webService(IMAGE)).build())
        .getInitialFuture()
        .get();
    Policy read = services.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(name).build());

    Policy written = services.setIamPolicy(
        SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers"))).build());
    AbortedException stale = catchThrowableOfType(AbortedException.class, () -> services.setIamPolicy(
        SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(read).build()));
    var granted = services.testIamPermissions(
        TestIamPermissionsRequest.newBuilder().setResource(name).addPermissions("run.services.get").addPermissions("run.routes.invoke").build());

    assertThat(written.getEtag()).isNotEqualTo(read.getEtag());
    assertThat(stale).isNotNull();
    assertThat(granted.getPermissionsList()).containsExactly("run.services.get", "run.routes.invoke");
  }

  @Test
  void missingImageFailsRevisionButKeepsService() throws Exception {
    String image = Sandbox.REGION + "-docker.pkg.dev/" + Sandbox.PROJECT + "/app-repo/app:not-pushed";

    ApiException error = createFailure("no-image", webService(image));
    Service left = services.getService(PARENT + "/services/no-image");
    HttpResponse<String> health =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(left.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(error.getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
    assertThat(error.getMessage()).matches("(?s).*Revision 'no-image-00001-[a-z0-9]{3}' is not ready and cannot serve traffic\\. Image '" + java.util.regex.Pattern.quote(image) + "' not found\\..*");
    assertThat(left.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(left.getTerminalCondition().getReason()).isEqualTo(Condition.CommonReason.CONTAINER_MISSING);
    assertThat(left.getLatestReadyRevision()).isEmpty();
    assertThat(health.statusCode()).isEqualTo(503);
  }

  @Test
  void failedUpdateKeepsOldRevisionServing() throws Exception {
    Service first = create("rolling", webService(IMAGE));
    services.setIamPolicy(SetIamPolicyRequest.newBuilder()
        .setResource(first.getName())
        .setPolicy(Policy.newBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers")))
        .build());
    String missing = Sandbox.REGION + "-docker.pkg.dev/" + Sandbox.PROJECT + "/app-repo/app:not-pushed";
    Service broken = first.toBuilder().setTemplate(first.getTemplate().toBuilder().setContainers(0, first.getTemplate().getContainers(0).toBuilder().setImage(missing))).build();

    ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> services.updateServiceAsync(broken).get());
    Service left = services.getService(first.getName());
    HttpResponse<String> health =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(left.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(((ApiException) failure.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
    assertThat(left.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(left.getLatestCreatedRevision()).matches(".*/revisions/rolling-00002-[a-z0-9]{3}");
    assertThat(left.getLatestReadyRevision()).isEqualTo(first.getLatestReadyRevision());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void trafficTagGetsItsOwnUrl() throws Exception {
    Service first = create("tagged", webService(IMAGE));
    services.setIamPolicy(SetIamPolicyRequest.newBuilder()
        .setResource(first.getName())
        .setPolicy(Policy.newBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers")))
        .build());
    String firstRevision = first.getLatestReadyRevision().substring(first.getLatestReadyRevision().lastIndexOf('/') + 1);
    Service split = services.updateServiceAsync(first.toBuilder()
        .setTemplate(first.getTemplate().toBuilder().putLabels("deploy", "2"))
        .clearTraffic()
        .addTraffic(TrafficTarget.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST).setPercent(100))
        .addTraffic(TrafficTarget.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION).setRevision(firstRevision).setTag("blue"))
        .build()).get();
    String taggedUri = split.getTrafficStatusesList().stream().filter(status -> status.getTag().equals("blue")).findFirst().orElseThrow().getUri();

    HttpResponse<String> health =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(taggedUri + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(taggedUri).isEqualTo(sandbox.serviceUrlBase() + "/s/" + Sandbox.REGION + "/blue---tagged");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(sandbox.world().logs().entries()).anySatisfy(entry -> {
      assertThat(entry.getHttpRequest().getRequestUrl()).isEqualTo(taggedUri + "/health/");
      assertThat(entry.getResource().getLabelsMap()).containsEntry("revision_name", firstRevision);
    });
  }

  @Test
  void servingRevisionCannotBeDeleted() throws Exception {
    Service first = create("pruned", webService(IMAGE));
    Service second = services.updateServiceAsync(
        first.toBuilder().setTemplate(first.getTemplate().toBuilder().putLabels("deploy", "2")).build()).get();

    try (var revisions = sandbox.revisions()) {
      ExecutionException serving = catchThrowableOfType(ExecutionException.class, () -> revisions.deleteRevisionAsync(second.getLatestReadyRevision()).get());
      Revision deleted = revisions.deleteRevisionAsync(first.getLatestReadyRevision()).get();

      assertThat(((ApiException) serving.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
      assertThat(deleted.getName()).isEqualTo(first.getLatestReadyRevision());
      assertThat(deleted.hasDeleteTime()).isTrue();
    }
  }

  @Test
  void reservedPortEnvIsInvalidArgument() {
    ApiException error = createFailure("with-port", webService(IMAGE, EnvVar.newBuilder().setName("PORT").setValue("8080").build()));

    assertThat(error.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
    assertThat(error.getMessage()).contains("spec.template.spec.containers[0].env: The following reserved env names were provided: PORT. These values are automatically set by the system.");
    assertThat(error.getErrorDetails().getBadRequest().getFieldViolations(0).getField()).isEqualTo("spec.template.spec.containers[0].env");
    assertThat(catchThrowableOfType(ApiException.class, () -> services.getService(PARENT + "/services/with-port"))).isNotNull();
  }

  @Test
  void secretWithoutEnabledVersionFailsRevision() throws Exception {
    ApiException error = createFailure("no-secret-version", webService(IMAGE, secretEnv("SECRET_KEY", "EMPTY")));
    Service left = services.getService(PARENT + "/services/no-secret-version");

    assertThat(error.getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
    assertThat(error.getMessage()).contains(
        "spec.template.spec.containers[0].env[0].value_from.secret_key_ref.name: Secret projects/"
            + sandbox.emulator.config().projectNumber() + "/secrets/EMPTY/versions/latest was not found");
    assertThat(left.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(left.getTerminalCondition().getReason()).isEqualTo(Condition.CommonReason.SECRETS_ACCESS_CHECK_FAILED);
  }

  @Test
  void runtimeAccountWithoutSecretAccessFails() throws Exception {
    Service withSecret = webService(IMAGE, secretEnv("DATABASE_URL", "DATABASE_URL"));
    Service asScheduler =
        withSecret.toBuilder().setTemplate(withSecret.getTemplate().toBuilder().setServiceAccount(Sandbox.SCHEDULER_ACCOUNT)).build();

    ApiException error = createFailure("no-secret-access", asScheduler);

    assertThat(error.getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
    assertThat(error.getMessage()).contains(
        "Permission denied on secret: projects/" + sandbox.emulator.config().projectNumber() + "/secrets/DATABASE_URL/versions/latest for Revision service account "
            + Sandbox.SCHEDULER_ACCOUNT + ".");
    assertThat(error.getMessage()).contains("roles/secretmanager.secretAccessor");
  }

  @Test
  void otherProjectIsPermissionDenied() {
    String otherParent = "projects/someone-else/locations/" + Sandbox.REGION;

    ApiException listed = catchThrowableOfType(ApiException.class, () -> services.listServices(otherParent).iterateAll().iterator().next());
    ApiException read = catchThrowableOfType(ApiException.class, () -> services.getService(otherParent + "/services/web"));

    assertThat(listed.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED);
    assertThat(listed.getReason()).isEqualTo("IAM_PERMISSION_DENIED");
    assertThat(listed.getMessage()).contains("Permission 'run.services.list' denied on resource '" + otherParent + "'");
    assertThat(read.getMessage()).contains("Permission 'run.services.get' denied");
  }

  @Test
  void rolloutFinishesWhenClockAdvances() throws Exception {
    try (Sandbox slow = Sandbox.start(Sandbox.config().runRolloutDelay(java.time.Duration.ofHours(1)).build());
        ServicesClient client = slow.services()) {
      slow.seed();
      var operation = client.createServiceAsync(
          CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("web").setService(webService(IMAGE)).build());
      operation.getInitialFuture().get();

      slow.emulator.clock().advance(java.time.Duration.ofHours(1));
      Service ready = operation.get(10, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(ready.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    }
  }

  @Test
  void actAsDeniedIsPermissionDenied() throws Exception {
    try (Sandbox developer = Sandbox.start(Sandbox.config().callerPrincipal("user:developer@example.com").build());
        ServicesClient client = developer.services()) {
      developer.seed();
      Policy onlyRunAdmin = developer.world().project().policy().toBuilder()
          .clearBindings()
          .addBindings(Binding.newBuilder().setRole("roles/run.admin").addMembers("user:developer@example.com"))
          .build();
      developer.world().project().setPolicy(onlyRunAdmin);

      ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> client.createServiceAsync(
          CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("web").setService(webService(IMAGE)).build()).get());
      ApiException error = (ApiException) failure.getCause();

      assertThat(error.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED);
      assertThat(error.getReason()).isEqualTo("IAM_PERMISSION_DENIED");
      assertThat(error.getDomain()).isEqualTo("iam.googleapis.com");
      assertThat(error.getMetadata()).containsEntry("permission", "iam.serviceaccounts.actAs");
      assertThat(error.getMessage()).contains("Permission 'iam.serviceaccounts.actAs' denied on service account " + RUN_ACCOUNT + " (or it may not exist).");
    }
  }
}
