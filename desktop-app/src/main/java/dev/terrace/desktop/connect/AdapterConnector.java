package dev.terrace.desktop.connect;

import dev.terrace.core.port.CloudException;
import dev.terrace.desktop.WorkspaceOpener;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.connection.GcpConnection;
import dev.terrace.gcp.connection.ProjectDirectory;
import dev.terrace.gcp.connection.VisibleProject;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.List;

/**
 * The connector of the real console: Application Default Credentials through the adapter.
 * NOTE: no test runs this class, because every path loads real credentials and calls Google; the
 * view-model tests replace it, and the adapter's project search is tested on the emulator.
 */
public final class AdapterConnector implements Connector {

    private final WorkspaceOpener opener;

    public AdapterConnector(WorkspaceOpener opener) {
        this.opener = opener;
    }

    @Override
    public List<VisibleProject> projects(ConnectChoice choice) {
        GcpConnection connection;
        try {
            connection = GcpConnection.google(choice.project(), choice.region(), choice.impersonate(),
                    choice.quotaProject());
        } catch (CloudException failed) {
            throw ConnectFailure.loading(failed);
        }
        try (ClientFactory clients = new ClientFactory(connection)) {
            return new ProjectDirectory(clients).search();
        } catch (CloudException failed) {
            throw ConnectFailure.calling(failed, choice.impersonate() != null);
        }
    }

    @Override
    public Workspace openGoogle(ConnectChoice choice) {
        Workspace workspace;
        try {
            workspace = opener.google(choice.stackFile(), choice.region(), choice.impersonate(),
                    choice.quotaProject());
        } catch (CloudException failed) {
            throw ConnectFailure.loading(failed);
        }
        try {
            // Listing the enabled APIs is cheap and needs a token, so it proves the credentials work.
            workspace.gateway().enabledServices();
            return workspace;
        } catch (CloudException failed) {
            workspace.close();
            throw ConnectFailure.calling(failed, choice.impersonate() != null);
        }
    }

    @Override
    public Workspace openSandbox(Path stackFile) {
        return opener.sandbox(stackFile);
    }
}
