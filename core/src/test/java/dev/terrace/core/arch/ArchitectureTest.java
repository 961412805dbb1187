package dev.terrace.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the engine module. */
@AnalyzeClasses(packages = "dev.terrace.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreStaysFreeOfUiToolkits = noClasses().that().resideInAPackage("dev.terrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the engine runs headless in the CLI and in tests; only desktop-app may use JavaFX");

    @ArchTest
    static final ArchRule coreStaysFreeOfGrpcAndGoogleCloud = noClasses().that().resideInAPackage("dev.terrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.cloud..", "com.google.api..",
                    "com.google.auth..", "com.google.protobuf..", "com.google.iam..", "com.google.longrunning..")
            .because("cloud calls belong behind the ports, in gcp-adapter, so that the engine can be tested on the "
                    + "in-memory gateway and errors are translated in one place");

    @ArchTest
    static final ArchRule coreDoesNotReachIntoOuterModules = noClasses().that().resideInAPackage("dev.terrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.terrace.gcp..", "dev.terrace.emulator..",
                    "dev.terrace.cli..", "dev.terrace.desktop..")
            .because("the outer modules depend on core, never the other way round");

    @ArchTest
    static final ArchRule onlyTheEngineLogsThroughSlf4j = noClasses().that().resideInAPackage("dev.terrace.core..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "java.util.logging..")
            .because("core logs through the SLF4J API and leaves the choice of backend to the application");
}
