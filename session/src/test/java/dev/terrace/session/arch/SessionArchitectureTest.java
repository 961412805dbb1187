package dev.terrace.session.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the module the command line and the console share. */
@AnalyzeClasses(packages = "dev.terrace.session", importOptions = ImportOption.DoNotIncludeTests.class)
class SessionArchitectureTest {

    @ArchTest
    static final ArchRule sessionKnowsNoFrontEnd = noClasses().that().resideInAPackage("dev.terrace.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.terrace.cli..", "dev.terrace.desktop..",
                    "picocli..", "javafx..")
            .because("the command line and the console both build on the session, so it must not lean on either");

    @ArchTest
    static final ArchRule sessionLeavesGoogleCallsToTheAdapter = noClasses().that()
            .resideInAPackage("dev.terrace.session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.cloud..", "com.google.api.gax..")
            .because("errors are translated once, in gcp-adapter; the session reaches the cloud through the gateway");
}
