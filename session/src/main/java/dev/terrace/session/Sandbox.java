package dev.terrace.session;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.ImageRegistry;
import dev.terrace.core.port.JobRuns;
import dev.terrace.core.port.LogSource;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox: the emulator started in this process on the stack's project, with its data in
 * the user's data folder, and the Google Cloud adapter pointed at it, so that every sandbox call
 * crosses the official client libraries.
 *
 * <p>The sandbox also plays the part of CI and of the operator. Once the stack's image repository
 * exists, the sandbox publishes the image the stack runs into it, tagged with the stack's tag and
 * a git-style SHA, as a push would. A secret the stack creates gets a placeholder first version,
 * where on Google Cloud the operator adds the real value before a first deploy.
 */
public final class Sandbox implements Gateway {

    /** The SHA tag the sandbox gives its image, beside the stack's own tag. */
    public static final String SANDBOX_SHA = "5a4db0c";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final Emulator emulator;
    private final GcpGateway gateway;
    private final Settings settings;

    private Sandbox(Emulator emulator, GcpGateway gateway, Settings settings) {
        this.emulator = emulator;
        this.gateway = gateway;
        this.settings = settings;
    }

    /**
     * Starts the emulator on the stack's project under {@code dataRoot/PROJECT} and connects the
     * adapter to it.
     *
     * @throws SandboxException when the data folder cannot be used
     */
    public static Sandbox start(Stack stack, Path dataRoot) {
        Settings settings = stack.settings();
        Path dataDir = dataRoot.resolve(settings.project());
        Emulator emulator;
        try {
            emulator = Emulator.start(EmulatorConfig.builder()
                    .projectId(settings.project())
                    .region(settings.region())
                    .dataDir(dataDir)
                    .build());
        } catch (UncheckedIOException failed) {
            throw new SandboxException(Texts.get("sandbox.start_failed", dataDir, failed.getCause().getMessage()));
        }
        LOG.info("Sandbox for project {} serves {}", settings.project(), emulator.endpoints().all());
        GcpGateway gateway = GcpGateway.sandbox(settings.project(), settings.region(),
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost());
        Sandbox sandbox = new Sandbox(emulator, gateway, settings);
        sandbox.publishImageIfMissing();
        sandbox.seedExistingSecrets(stack);
        return sandbox;
    }

    /**
     * Publishes the stack's image when its repository exists and the image does not; called at
     * start and after apply creates the repository.
     */
    public void publishImageIfMissing() {
        boolean present = emulator.world().read(() ->
                emulator.world().artifactRegistry().findImage(settings.imageUrl()).isPresent());
        if (present) {
            return;
        }
        try {
            emulator.publishImage(settings.repositoryId(), settings.imageName(), settings.imageTag(), SANDBOX_SHA);
            LOG.info("Published {} into the sandbox", settings.imageUrl());
        } catch (IllegalArgumentException repositoryMissing) {
            LOG.debug("Not publishing {} yet: {}", settings.imageUrl(), repositoryMissing.getMessage());
        }
    }

    /**
     * Adds a placeholder version to a secret that has none, so that the services and jobs that
     * read it can start in the sandbox. Returns whether it added one.
     */
    public boolean seedSecretIfEmpty(String secretId) {
        if (!gateway.secretValues().versions(secretId).isEmpty()) {
            return false;
        }
        byte[] value = SandboxSecrets.placeholder(secretId);
        try {
            gateway.secretValues().add(secretId, value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
        LOG.info("Gave sandbox secret {} a placeholder version", secretId);
        return true;
    }

    /**
     * Returns the listener that plays CI and the operator during an apply: once the image
     * repository is created the image is published into it, and each created secret gets a
     * placeholder version. {@code onSecretSeeded} hears the id of each secret seeded.
     */
    public EngineListener operatorSteps(Stack stack, Consumer<String> onSecretSeeded) {
        return event -> {
            if (!(event instanceof EngineEvent.ResourceFinished finished)
                    || finished.outcome().status() != ResourceOutcome.Status.SUCCEEDED
                    || finished.outcome().action() == Action.DELETE) {
                return;
            }
            Resource resource = stack.find(finished.outcome().address()).orElse(null);
            if (resource == null) {
                return;
            }
            if (isImageRepository(resource)) {
                publishImageIfMissing();
            } else if (resource.spec() instanceof SecretSpec secret && seedSecretIfEmpty(secret.secretId())) {
                onSecretSeeded.accept(secret.secretId());
            }
        };
    }

    /** Seeds the stack's secrets that exist from an earlier run but still have no version. */
    private void seedExistingSecrets(Stack stack) {
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof SecretSpec secret) {
                try {
                    seedSecretIfEmpty(secret.secretId());
                } catch (CloudException notThereYet) {
                    LOG.debug("Not seeding {} yet: {}", secret.secretId(), notThereYet.getMessage());
                }
            }
        }
    }

    /** Returns whether a resource is the repository the sandbox publishes its image into. */
    public boolean isImageRepository(Resource resource) {
        return resource.spec() instanceof ArtifactRepositorySpec repository
                && repository.repositoryId().equals(settings.repositoryId());
    }

    public Emulator emulator() {
        return emulator;
    }

    public GcpGateway gcpGateway() {
        return gateway;
    }

    @Override
    public String project() {
        return gateway.project();
    }

    @Override
    public Set<String> enabledServices() {
        return gateway.enabledServices();
    }

    @Override
    public <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return gateway.driver(kind);
    }

    @Override
    public SecretValues secretValues() {
        return gateway.secretValues();
    }

    @Override
    public StatusSource status() {
        return gateway.status();
    }

    @Override
    public JobRuns jobRuns() {
        return gateway.jobRuns();
    }

    @Override
    public ImageRegistry images() {
        return gateway.images();
    }

    @Override
    public LogSource logs() {
        return gateway.logs();
    }

    @Override
    public String describe() {
        return gateway.describe();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            emulator.close();
        }
    }
}
