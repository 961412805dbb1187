package dev.terrace.desktop;

import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import dev.terrace.gcp.GcpGatewayOptions;
import dev.terrace.gcp.connection.GcpConnection;
import dev.terrace.session.Sandbox;
import dev.terrace.session.Workspace;
import java.nio.file.Path;

/** Opens a stack file on the sandbox or on a Google Cloud project; blocking, so off the UI thread. */
public final class WorkspaceOpener {

    private final Path stateRoot;
    private final Path sandboxRoot;

    public WorkspaceOpener(Path stateRoot, Path sandboxRoot) {
        this.stateRoot = stateRoot;
        this.sandboxRoot = sandboxRoot;
    }

    /**
     * Reads and validates the stack, then starts the sandbox on its project.
     *
     * @throws StackProblem when the stack has errors, with every diagnostic in its text
     */
    public Workspace sandbox(Path stackFile) {
        Stack stack = load(stackFile);
        return new Workspace(stack, Sandbox.start(stack, sandboxRoot), stateRoot);
    }

    /** Reads the stack and connects to its project on Google Cloud, optionally as another account. */
    public Workspace google(Path stackFile, String region, String impersonate) {
        return google(stackFile, region, impersonate, null);
    }

    /**
     * Reads the stack and connects to its project on Google Cloud with Application Default
     * Credentials. Nothing is called yet, so a refused impersonation shows on the first call.
     *
     * @param quotaProject the project charged for quota, or null or blank for the credentials' own
     */
    public Workspace google(Path stackFile, String region, String impersonate, String quotaProject) {
        Stack stack = load(stackFile);
        String chosenRegion = region == null || region.isBlank() ? stack.settings().region() : region;
        GcpConnection connection = GcpConnection.google(stack.settings().project(), chosenRegion,
                blankToNull(impersonate), blankToNull(quotaProject));
        return new Workspace(stack, new GcpGateway(connection, GcpGatewayOptions.defaults()), stateRoot);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public Stack load(Path stackFile) {
        Validation validation = Validation.of(stackFile);
        return validation.usableStack().orElseThrow(() ->
                new StackProblem(Texts.get("error.stack_invalid", stackFile), validation));
    }

    /** A stack file that cannot be used yet; the diagnostics say why and how to fix it. */
    public static final class StackProblem extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Validation validation;

        StackProblem(String message, Validation validation) {
            super(message + "\n" + DiagnosticRenderer.render(validation.diagnostics()));
            this.validation = validation;
        }

        public Validation validation() {
            return validation;
        }
    }
}
