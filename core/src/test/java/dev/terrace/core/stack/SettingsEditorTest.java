package dev.terrace.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsEditorTest {

    private static final String STACK = String.join("\n",
            "# My stack.",
            "blueprint: django-cloud-run",
            "",
            "settings:",
            "  project: mycoolproject-prod   # the production project",
            "  region: southamerica-east1",
            "  # the tag CI pushes",
            "  image_tag: latest",
            "",
            "resources: {}",
            "");

    @Test
    void replacesValueAndKeepsComment() {
        String edited = SettingsEditor.set(STACK, "project", "other-project");

        assertThat(edited).contains("  project: other-project   # the production project");
        assertThat(edited).contains("# My stack.");
        assertThat(edited).contains("  # the tag CI pushes");
    }

    @Test
    void changesOnlyTheEditedLine() {
        String edited = SettingsEditor.set(STACK, "region", "us-central1");

        String[] before = STACK.split("\n", -1);
        String[] after = edited.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int index = 0; index < before.length; index++) {
            if (!before[index].equals(after[index])) {
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void addsMissingKeyAtEndOfBlock() {
        String edited = SettingsEditor.set(STACK, "domain", "example.org");

        assertThat(edited).contains("  image_tag: latest\n  domain: example.org\n\nresources: {}");
    }

    @Test
    void quotesValuesYamlWouldRead() {
        assertThat(SettingsEditor.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(SettingsEditor.scalar("1.0")).isEqualTo("\"1.0\"");
        assertThat(SettingsEditor.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(SettingsEditor.scalar("v1.2-rc")).isEqualTo("v1.2-rc");
    }

    @Test
    void editedTextLoadsWithNewValue() {
        String complete = SettingsEditor.set(SettingsEditor.set(STACK, "app", "mycoolproject"), "domain",
                "mycoolproject.com");
        String edited = SettingsEditor.set(complete, "image_tag", "5a4db0c");

        LoadResult loaded = new StackLoader().load("terrace.yaml", edited);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.stack()).isPresent();
        assertThat(loaded.stack().get().settings().imageTag()).isEqualTo("5a4db0c");
    }

    @Test
    void refusesFlowStyleSettings() {
        assertThatThrownBy(() -> SettingsEditor.set("settings: {project: p}\n", "project", "q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings:");
    }
}
