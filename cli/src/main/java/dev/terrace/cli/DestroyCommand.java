package dev.terrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans, requests approval, and removes every resource the stack manages. */
@Command(name = "destroy", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class DestroyCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "10", descriptionKey = "option.parallelism")
    int parallelism;

    @Option(names = "--auto-approve", descriptionKey = "option.autoApprove")
    boolean autoApprove;

    @Option(names = "--force-unlock", descriptionKey = "option.forceUnlock")
    boolean forceUnlock;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new ApplyFlow(stack, gateway, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(true, parallelism, autoApprove, forceUnlock);
    }
}
