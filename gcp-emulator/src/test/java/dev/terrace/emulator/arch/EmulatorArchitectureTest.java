package dev.terrace.emulator.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The emulator's dependency rule. */
@AnalyzeClasses(packages = "dev.terrace.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorArchitectureTest {

  @ArchTest
  static final ArchRule emulatorKnowsNothingOfTerrace =
      noClasses()
          .that()
          .resideInAPackage("dev.terrace.emulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.terrace.core..", "dev.terrace.gcp..", "dev.terrace.session..", "dev.terrace.cli..",
              "dev.terrace.desktop..")
          .because("the emulator stands in for Google Cloud, so it must answer as Google would, not as Terrace expects");

  @ArchTest
  static final ArchRule emulatorServesWithoutClientLibraries =
      noClasses()
          .that()
          .resideInAPackage("dev.terrace.emulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.api.gax.rpc..", "com.google.cloud.run.v2.stub..")
          .because("the emulator speaks the wire protocols through server stubs; the client libraries are what it tests");
}
