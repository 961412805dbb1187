package dev.terrace.core.blueprint;

import java.util.List;
import java.util.Optional;

/** The blueprints a stack file may name. */
public final class Blueprints {

    /** The blueprint of a stack file that states every resource itself. */
    public static final String NONE = "none";

    private static final List<Blueprint> ALL = List.of(new DjangoCloudRunBlueprint());

    private Blueprints() {
    }

    public static Optional<Blueprint> byName(String name) {
        return ALL.stream().filter(blueprint -> blueprint.name().equals(name)).findFirst();
    }

    public static String defaultName() {
        return DjangoCloudRunBlueprint.NAME;
    }

    public static List<String> names() {
        return ALL.stream().map(Blueprint::name).toList();
    }
}
