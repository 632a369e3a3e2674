package org.newsgraph.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout of graph-api's packages: the application at the root, on top; the features below it;
 * the shared pieces (problems and pages, configuration, reading the graph) at the bottom; and no
 * cycle among them.
 */
@AnalyzeClasses(
    packages = "org.newsgraph.api",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("org.newsgraph.api.(*)..").should().beFreeOfCycles();

  /** The slices above leave the root out: it is on top, used only by the commands that start it. */
  @ArchTest
  static final ArchRule onlyTheCommandLineDependsOnTheApplication =
      classes()
          .that()
          .resideInAPackage("org.newsgraph.api")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage(
              "org.newsgraph.api", "org.newsgraph.api.cli..", "org.newsgraph.api.bench..");
}
