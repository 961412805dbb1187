package dev.terrace.cli;

import dev.terrace.core.cost.CostEstimator;
import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.EstimateJson;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.cost.UsageReader;
import dev.terrace.core.cost.UsageResult;
import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.json.Json;
import dev.terrace.core.stack.Stack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the stack's estimated monthly cost from the bundled price book, without calling any cloud. */
@Command(name = "cost", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class CostCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--usage", paramLabel = "FILE", descriptionKey = "option.usage")
    Path usageFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Stack loaded = stack.loadValidStack(err);

        UsageResult usage = UsageReader.read(loaded, usageFile);
        if (!usage.diagnostics().isEmpty()) {
            err.print(DiagnosticRenderer.render(usage.diagnostics()));
        }
        if (usage.usage().isEmpty()) {
            throw new UserError(Texts.get("error.usage_invalid",
                    DiagnosticRenderer.count(usage.diagnostics())));
        }

        Estimate estimate = CostEstimator.estimate(loaded, usage.usage().get(), PriceBook.bundled());
        if (stack.json) {
            out.println(Json.mapper().writeValueAsString(EstimateJson.of(estimate)));
        } else {
            out.print(CostTable.render(estimate));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
