package dev.terrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options and the run of the two commands that change the cloud, apply and destroy. */
abstract class ChangeCommand implements Callable<Integer> {

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

    /** Returns whether the command removes every resource instead of applying the stack. */
    abstract boolean destroys();

    @Override
    public Integer call() {
        return new ApplyFlow(stack, gateway, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(destroys(), parallelism, autoApprove, forceUnlock);
    }
}
