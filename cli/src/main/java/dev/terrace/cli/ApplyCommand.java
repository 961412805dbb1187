package dev.terrace.cli;

import picocli.CommandLine.Command;

/** Plans, requests approval, and makes the cloud match the stack. */
@Command(name = "apply", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class ApplyCommand extends ChangeCommand {

    @Override
    boolean destroys() {
        return false;
    }
}
