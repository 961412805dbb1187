package dev.terrace.desktop.connect;

import dev.terrace.core.engine.Validation;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.connection.VisibleProject;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A connector that records each choice and returns what its fields set, so no test reaches Google. */
final class FakeConnector implements Connector {

    final List<ConnectChoice> listed = new ArrayList<>();
    final List<ConnectChoice> opened = new ArrayList<>();
    final List<Path> sandboxes = new ArrayList<>();
    List<VisibleProject> projects = List.of();
    RuntimeException failure;
    private final Path stateRoot;

    FakeConnector(Path stateRoot) {
        this.stateRoot = stateRoot;
    }

    @Override
    public List<VisibleProject> projects(ConnectChoice choice) {
        listed.add(choice);
        if (failure != null) {
            throw failure;
        }
        return projects;
    }

    @Override
    public Workspace openGoogle(ConnectChoice choice) {
        opened.add(choice);
        if (failure != null) {
            throw failure;
        }
        return workspace(choice.stackFile());
    }

    @Override
    public Workspace openSandbox(Path stackFile) {
        sandboxes.add(stackFile);
        return workspace(stackFile);
    }

    /** Returns the stack on an in-memory cloud, standing in for a Google Cloud or sandbox workspace. */
    private Workspace workspace(Path stackFile) {
        Stack stack = Validation.of(stackFile).usableStack().orElseThrow();
        return new Workspace(stack, new MemoryGateway(MemoryGatewayOptions.of(stack.settings().project())), stateRoot);
    }
}
