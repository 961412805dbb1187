package dev.terrace.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.json.Json;
import dev.terrace.core.plan.PlanJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks a stack file without calling any cloud. */
@Command(name = "validate", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Validation validation = Validation.of(stack.stackFile);
        if (stack.json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("valid", !validation.hasErrors());
            root.put("resources", validation.stack().map(found -> found.resources().size()).orElse(0));
            root.set("diagnostics", PlanJson.diagnostics(validation.diagnostics()));
            out.println(Json.mapper().writeValueAsString(root));
        } else {
            out.print(DiagnosticRenderer.render(validation.diagnostics()));
            if (validation.hasErrors()) {
                out.println(Texts.get("validate.invalid", stack.stackFile,
                        DiagnosticRenderer.count(validation.diagnostics())));
            } else {
                out.println(Texts.get("validate.valid", stack.stackFile,
                        validation.stack().orElseThrow().resources().size(),
                        DiagnosticRenderer.count(validation.diagnostics())));
            }
        }
        out.flush();
        return validation.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
    }
}
