package dev.terrace.gcp.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the adapter module. */
@AnalyzeClasses(packages = "dev.terrace.gcp", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule adapterStaysFreeOfUiToolkits = noClasses().that().resideInAPackage("dev.terrace.gcp..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the adapter runs headless under the CLI; only desktop-app may use JavaFX");

    @ArchTest
    static final ArchRule adapterDoesNotReachIntoOuterModules = noClasses().that()
            .resideInAPackage("dev.terrace.gcp..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.terrace.cli..", "dev.terrace.desktop..",
                    "dev.terrace.emulator..")
            .because("the CLI and the console depend on the adapter, and the adapter must work against real "
                    + "Google Cloud without the emulator on its class path");

    @ArchTest
    static final ArchRule adapterLogsThroughSlf4j = noClasses().that().resideInAPackage("dev.terrace.gcp..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "java.util.logging..")
            .because("the application that embeds the adapter chooses the logging backend");
}
