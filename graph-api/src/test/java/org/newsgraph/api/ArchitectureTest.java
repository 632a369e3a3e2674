package org.newsgraph.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the code laid out as the README's "How the code is laid out" says: modules
 * depend one way (ontology, core, extract, api), no package takes part in a cycle, graph-extract is
 * layered (the extractors' contract below the extractors, the extractors below the pipeline that
 * runs them), and only graph-api speaks HTTP. The test lives in graph-api because its class path is
 * the only one that holds every module's main classes.
 */
class ArchitectureTest {

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // graph-core's test fixtures come as a jar of their own, beside its main jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.newsgraph");
  }

  @Test
  void modulesDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Ontology")
        .definedBy("org.newsgraph.ontology..")
        .layer("Core")
        .definedBy("org.newsgraph.core..")
        .layer("Extract")
        .definedBy("org.newsgraph.extract..")
        .layer("Api")
        .definedBy("org.newsgraph.api..")
        .whereLayer("Api")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Extract")
        .mayOnlyBeAccessedByLayers("Api")
        .whereLayer("Core")
        .mayOnlyBeAccessedByLayers("Extract", "Api")
        .whereLayer("Ontology")
        .mayOnlyBeAccessedByLayers("Core", "Extract", "Api")
        .check(mainClasses);
  }

  @Test
  void noPackageTakesPartInACycle() {
    slices().matching("org.newsgraph.(**)").should().beFreeOfCycles().check(mainClasses);
  }

  /**
   * graph-api's root package, the application, is on top: only the commands that start it use it.
   */
  @Test
  void onlyTheCommandLineStartsTheApplication() {
    classes()
        .that()
        .resideInAPackage("org.newsgraph.api")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage("org.newsgraph.api", "org.newsgraph.api.cli..")
        .check(mainClasses);
  }

  @Test
  void extractionIsLayered() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Foundations")
        .definedBy(
            "org.newsgraph.extract",
            "org.newsgraph.extract.nlp..",
            "org.newsgraph.extract.rules..",
            "org.newsgraph.extract.read..",
            "org.newsgraph.extract.entity..",
            "org.newsgraph.extract.link..",
            "org.newsgraph.extract.encoder..")
        .layer("Contract")
        .definedBy("org.newsgraph.extract.contract..")
        .layer("Relations")
        .definedBy("org.newsgraph.extract.relation..")
        .layer("Events")
        .definedBy("org.newsgraph.extract.event..")
        .layer("Quotes")
        .definedBy("org.newsgraph.extract.quote..")
        .layer("Checks")
        .definedBy("org.newsgraph.extract.check..")
        .layer("Pipeline")
        .definedBy("org.newsgraph.extract.pipeline..")
        .layer("Tools")
        .definedBy("org.newsgraph.extract.eval..", "org.newsgraph.extract.json..")
        .whereLayer("Foundations")
        .mayOnlyAccessLayers("Foundations")
        .whereLayer("Contract")
        .mayOnlyAccessLayers("Foundations")
        .whereLayer("Relations")
        .mayOnlyBeAccessedByLayers("Checks", "Pipeline", "Tools")
        .whereLayer("Events")
        .mayOnlyBeAccessedByLayers("Pipeline", "Tools")
        .whereLayer("Quotes")
        .mayOnlyBeAccessedByLayers("Pipeline", "Tools")
        .whereLayer("Checks")
        .mayOnlyBeAccessedByLayers("Pipeline", "Tools")
        .whereLayer("Pipeline")
        .mayOnlyBeAccessedByLayers("Tools")
        .check(mainClasses);
  }

  @Test
  void onlyGraphApiSpeaksHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.newsgraph.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.eclipse.jetty..")
        .check(mainClasses);
  }
}
