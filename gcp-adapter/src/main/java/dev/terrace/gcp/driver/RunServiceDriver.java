package dev.terrace.gcp.driver;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.IngressTraffic;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Duration;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.RunServiceSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Cloud Run services (Admin API v2) and their IAM; create, update and delete are long-running. */
final class RunServiceDriver implements Driver<RunServiceSpec> {

    private static final Map<String, IngressTraffic> INGRESS = Map.of(
            "all", IngressTraffic.INGRESS_TRAFFIC_ALL,
            "internal", IngressTraffic.INGRESS_TRAFFIC_INTERNAL_ONLY,
            "internal-and-cloud-load-balancing", IngressTraffic.INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER);

    private final DriverContext context;

    RunServiceDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<RunServiceSpec>> read(RunServiceSpec spec) {
        ServicesClient client = context.clients().runServices();
        Optional<Service> service = Calls.find("read Cloud Run service " + spec.name(), () -> client.getService(
                GetServiceRequest.newBuilder().setName(name(spec)).build()));
        if (service.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> iam = RunIamPolicies.read("Cloud Run service " + spec.name(), name(spec),
                client.getIamPolicyCallable());
        return Optional.of(observed(spec, service.get(), iam));
    }

    @Override
    public Observed<RunServiceSpec> create(RunServiceSpec spec) {
        ServicesClient client = context.clients().runServices();
        String action = "create Cloud Run service " + spec.name();
        Operation started = Calls.call(action, () -> client.createServiceCallable().call(
                CreateServiceRequest.newBuilder()
                        .setParent(parent(spec))
                        .setServiceId(spec.name())
                        .setService(service(spec))
                        .build()));
        Service created = context.waiter().await(action, client.getOperationsClient(), started, Service.class);
        writeIam(spec, Set.of());
        return observed(spec, created, spec.iam());
    }

    @Override
    public Observed<RunServiceSpec> update(RunServiceSpec desired, Observed<RunServiceSpec> current) {
        ServicesClient client = context.clients().runServices();
        String action = "update Cloud Run service " + desired.name();
        Operation started = Calls.call(action, () -> client.updateServiceCallable().call(
                UpdateServiceRequest.newBuilder()
                        .setService(redeployable(service(desired), current).setName(name(desired)))
                        .build()));
        Service updated = context.waiter().await(action, client.getOperationsClient(), started, Service.class);
        writeIam(desired, current.spec().iam().keySet());
        return observed(desired, updated, desired.iam());
    }

    @Override
    public void delete(RunServiceSpec spec) {
        ServicesClient client = context.clients().runServices();
        String action = "delete Cloud Run service " + spec.name();
        Operation started = Calls.call(action, () -> client.deleteServiceCallable().call(
                DeleteServiceRequest.newBuilder().setName(name(spec)).build()));
        context.waiter().await(action, client.getOperationsClient(), started, null);
    }

    @Override
    public Optional<Observed<RunServiceSpec>> resume(String operationName, RunServiceSpec spec) {
        ServicesClient client = context.clients().runServices();
        String action = "deploy Cloud Run service " + spec.name();
        Operation operation = context.waiter().lookUp(action, client.getOperationsClient(), operationName);
        context.waiter().await(action, client.getOperationsClient(), operation, null);
        // The earlier run stopped before the IAM write that follows the deploy, so make it now.
        writeIam(spec, Set.of());
        return read(spec);
    }

    private void writeIam(RunServiceSpec spec, Set<String> previouslyOwned) {
        ServicesClient client = context.clients().runServices();
        RunIamPolicies.write("Cloud Run service " + spec.name(), name(spec), client.getIamPolicyCallable(),
                client.setIamPolicyCallable(), spec.iam(), previouslyOwned);
    }

    private static Service.Builder redeployable(Service service, Observed<RunServiceSpec> current) {
        Service.Builder builder = service.toBuilder();
        builder.getTemplateBuilder().putAllAnnotations(RunRedeploy.annotations(current, Clock.systemUTC()));
        return builder;
    }

    private static Service service(RunServiceSpec spec) {
        Container.Builder container = RunContainers.container(spec.image(), spec.cpu(), spec.memory(), spec.env(),
                spec.secretEnv()).addPorts(ContainerPort.newBuilder().setContainerPort(spec.containerPort()));
        RevisionTemplate.Builder template = RevisionTemplate.newBuilder()
                .addContainers(container)
                .setScaling(RevisionScaling.newBuilder().setMinInstanceCount(spec.minInstances())
                        .setMaxInstanceCount(spec.maxInstances()))
                .setTimeout(Duration.newBuilder().setSeconds(spec.timeoutSeconds()));
        if (spec.serviceAccount() != null) {
            template.setServiceAccount(spec.serviceAccount());
        }
        return Service.newBuilder()
                .setIngress(INGRESS.getOrDefault(spec.ingress(), IngressTraffic.INGRESS_TRAFFIC_ALL))
                .putAllLabels(spec.labels())
                .setTemplate(template)
                .build();
    }

    private String parent(RunServiceSpec spec) {
        return "projects/" + context.project() + "/locations/" + spec.location();
    }

    private String name(RunServiceSpec spec) {
        return parent(spec) + "/services/" + spec.name();
    }

    private static Observed<RunServiceSpec> observed(RunServiceSpec spec, Service service,
            Map<String, List<String>> iam) {
        RevisionTemplate template = service.getTemplate();
        Container container = template.getContainersCount() == 0 ? Container.getDefaultInstance()
                : template.getContainers(0);
        Integer port = container.getPortsCount() == 0 ? null : container.getPorts(0).getContainerPort();
        String ingress = INGRESS.entrySet().stream().filter(entry -> entry.getValue() == service.getIngress())
                .map(Map.Entry::getKey).findFirst().orElse(service.getIngress().name());
        RunServiceSpec read = new RunServiceSpec(spec.name(), spec.location(), container.getImage(),
                // Without an account in the spec, Cloud Run's default account is not the user's choice.
                spec.serviceAccount() == null ? null : ServiceAccountDriver.emptyToNull(template.getServiceAccount()),
                port,
                RunContainers.cpu(container.getResources().getLimitsMap().get("cpu"), spec.cpu()),
                RunContainers.memory(container.getResources().getLimitsMap().get("memory"), spec.memory()),
                template.getScaling().getMinInstanceCount(), template.getScaling().getMaxInstanceCount(),
                template.hasTimeout() ? (int) template.getTimeout().getSeconds() : null, ingress,
                RunContainers.plainEnv(container), RunContainers.secretEnv(container),
                RunContainers.userLabels(service.getLabelsMap()), iam);
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("uri", service.getUri());
        attributes.put("etag", service.getEtag());
        attributes.put("latest_ready_revision", service.getLatestReadyRevision());
        RunRedeploy.addFailure(service.getTerminalCondition(), attributes);
        return new Observed<>(read, attributes);
    }
}
