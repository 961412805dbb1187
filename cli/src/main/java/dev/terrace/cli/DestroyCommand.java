package dev.terrace.cli;

import picocli.CommandLine.Command;

/** Plans, requests approval, and removes every resource the stack manages. */
@Command(name = "destroy", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class DestroyCommand extends ChangeCommand {

    @Override
    boolean destroys() {
        return true;
    }
}
