package dev.terrace.core.validate;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Resource;
import dev.terrace.core.stack.DiagnosticSink;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.Stack;
import java.util.List;

/**
 * Checks a stack before any call is made: names against each product's rules, regions, cron
 * expressions, reserved environment variables, scheduler tokens, API names, duplicates, cycles and
 * redundant grants. Every fault becomes a diagnostic; none stops the others from being found.
 */
public final class Validator {

    public List<Diagnostic> validate(Stack stack) {
        DiagnosticSink sink = new DiagnosticSink(stack.document());
        checkSettings(stack.settings(), sink);
        ResourceChecks resourceChecks = new ResourceChecks(sink);
        for (Resource resource : stack.all()) {
            resourceChecks.check(resource);
        }
        new StackChecks(sink).check(stack);
        return sink.diagnostics();
    }

    private static void checkSettings(Settings settings, DiagnosticSink sink) {
        setting(sink, "project", settings.project(), NamingRules.PROJECT_ID);
        if (!Regions.KNOWN.contains(settings.region())) {
            sink.atSetting(Severity.ERROR, "region", settings.region(), "validate.unknown_region",
                    settings.region(), Regions.closest(settings.region()));
        }
        setting(sink, "image_tag", settings.imageTag(), NamingRules.IMAGE_TAG);
        if (settings.domain() != null) {
            setting(sink, "domain", settings.domain(), NamingRules.DOMAIN);
        }
        if (settings.githubRepository() != null) {
            setting(sink, "github_repository", settings.githubRepository(), NamingRules.GITHUB_REPOSITORY);
        }
        setting(sink, "name", settings.name(), NamingRules.LABEL_VALUE);
    }

    private static void setting(DiagnosticSink sink, String field, String value, NamingRule rule) {
        rule.check(value).ifPresent(words -> sink.atSetting(Severity.ERROR, field, value, "validate.invalid_name",
                rule.subject(), value, words, rule.example()));
    }
}
