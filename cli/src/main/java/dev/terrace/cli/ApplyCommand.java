package dev.terrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans, requests approval, and makes the cloud match the stack. */
@Command(name = "apply", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class ApplyCommand implements Callable<Integer> {

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
                .run(false, parallelism, autoApprove, forceUnlock);
    }
}
