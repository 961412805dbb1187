package dev.terrace.cli;

import dev.terrace.core.engine.Engine;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanJson;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.PlanRenderer;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import dev.terrace.session.PreflightStep;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows what apply would change, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class PlanCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "10", descriptionKey = "option.parallelism")
    int parallelism;

    @Option(names = "--detailed-exitcode", descriptionKey = "option.detailedExitcode")
    boolean detailedExitcode;

    @Option(names = "--destroy", descriptionKey = "option.planDestroy")
    boolean destroy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Stack loaded = stack.loadValidStack(err);
        Plan plan;
        try (Gateway opened = GatewayFactory.open(gateway, loaded, stack.stateRoot())) {
            Engine engine = new Engine(opened, stack.stateRoot(), null);
            plan = engine.plan(loaded, new PlanOptions(Parallelism.check(parallelism), destroy, null));
            plan = PreflightStep.addTo(plan, loaded, opened);
        }
        out.print(stack.json ? PlanJson.render(plan) + "\n" : PlanRenderer.render(plan));
        out.flush();
        if (plan.hasErrors()) {
            return ExitCodes.ERROR;
        }
        return detailedExitcode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
