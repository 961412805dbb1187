package dev.terrace.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingRulesTest {

    @Test
    void regionsAreSortedAndKnown() {
        assertThat(SettingRules.regions()).contains("southamerica-east1", "us-central1");
        assertThat(SettingRules.regions().first()).isEqualTo("africa-south1");
        assertThat(SettingRules.regions()).doesNotContain("us");
    }

    @Test
    void projectIdRule() {
        assertThat(SettingRules.projectIdProblem("mycoolproject-prod")).isEmpty();
        assertThat(SettingRules.projectIdProblem("My_Project")).isPresent();
        assertThat(SettingRules.projectIdProblem("short")).isPresent();
        assertThat(SettingRules.projectIdProblem("ends-with-")).isPresent();
        assertThat(SettingRules.projectIdProblem(null)).isPresent();
    }
}
