package dev.terrace.desktop.connect;

import dev.terrace.gcp.connection.VisibleProject;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.List;

/**
 * The blocking work behind the connect dialog, kept behind an interface so that view-model tests
 * can replace it and never reach Google. Every method runs on a background thread.
 */
public interface Connector {

    /**
     * Lists the projects the principal may see with the choice's impersonation and quota project.
     *
     * @throws ConnectFailure when the credentials cannot be loaded or the search fails
     */
    List<VisibleProject> projects(ConnectChoice choice);

    /**
     * Opens the stack on the chosen project and makes one call to prove the credentials work.
     *
     * @throws ConnectFailure when the credentials cannot be loaded or the first call is rejected
     */
    Workspace openGoogle(ConnectChoice choice);

    /** Opens the stack on the sandbox again. */
    Workspace openSandbox(Path stackFile);
}
