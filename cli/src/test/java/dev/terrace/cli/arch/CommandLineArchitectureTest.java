package dev.terrace.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The command line's dependency rules. */
@AnalyzeClasses(packages = "dev.terrace.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandLineArchitectureTest {

    @ArchTest
    static final ArchRule commandLineStaysHeadless = noClasses().that().resideInAPackage("dev.terrace.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.terrace.desktop..", "javafx..")
            .because("the command line runs on servers and in CI without a display; the console is a separate module");

    @ArchTest
    static final ArchRule commandLineLeavesClientsToTheAdapter = noClasses().that().resideInAPackage("dev.terrace.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.cloud..", "com.google.api.gax..")
            .because("errors are translated once, in gcp-adapter; commands print diagnostics, not client exceptions");
}
