package dev.terrace.gcp.driver;

import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import java.util.List;
import java.util.Optional;

/** One member in one role of the project's policy; writes go through the project's batcher. */
final class ProjectIamMemberDriver implements Driver<ProjectIamMemberSpec> {

    private final DriverContext context;

    ProjectIamMemberDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<ProjectIamMemberSpec>> read(ProjectIamMemberSpec spec) {
        List<String> members = ResourcePolicy.roles(context.projectPolicy().read()).getOrDefault(spec.role(), List.of());
        return members.contains(spec.member()) ? Optional.of(Observed.of(spec)) : Optional.empty();
    }

    @Override
    public Observed<ProjectIamMemberSpec> create(ProjectIamMemberSpec spec) {
        context.projectPolicy().add(spec.role(), spec.member());
        return Observed.of(spec);
    }

    @Override
    public Observed<ProjectIamMemberSpec> update(ProjectIamMemberSpec desired, Observed<ProjectIamMemberSpec> current) {
        // Role and member are the whole identity, so any change is a replace.
        return current;
    }

    @Override
    public void delete(ProjectIamMemberSpec spec) {
        context.projectPolicy().remove(spec.role(), spec.member());
    }
}
