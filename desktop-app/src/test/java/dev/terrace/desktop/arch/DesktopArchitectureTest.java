package dev.terrace.desktop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The console's layering: views bind, view models decide, and only the adapter talks to Google. */
@AnalyzeClasses(packages = "dev.terrace.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    @ArchTest
    static final ArchRule consoleNeverCallsGoogleClients = noClasses().that().resideInAPackage("dev.terrace.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.cloud..", "com.google.api.gax..",
                    "com.google.devtools..", "com.google.iam..")
            .because("the console reaches the cloud through the gateway's ports, so errors are translated once "
                    + "in gcp-adapter and no client call can end up on the FX thread");

    @ArchTest
    static final ArchRule viewModelsStayFreeOfControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..", "atlantafx..")
            .because("view models hold state and commands and are tested without a robot; views only bind");

    @ArchTest
    static final ArchRule backgroundWorkKnowsNoJavaFx = noClasses().that().resideInAPackage("dev.terrace.desktop.task..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the background runner delivers results through a UI executor, so tests can run it inline");

    @ArchTest
    static final ArchRule consoleDoesNotReachIntoTheCommandLine = noClasses().that()
            .resideInAPackage("dev.terrace.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.terrace.cli..", "picocli..")
            .because("the console and the command line share the session module, never each other");
}
