package org.newsgraph.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.ontology.IriMinter;

/**
 * Identity across articles in a store: the resolution graph follows the articles in, out and in any
 * order, and the analysts' decisions outrank the rules.
 */
class ResolutionGraphTest {

  private static final String BASE = IriMinter.ENTITY_BASE;

  @TempDir Path folder;

  private static Extraction article(String id, Entity... entities) {
    return new Extraction(
        new Article(id, "An article about " + entities[0].name() + ".", null, null, null),
        List.of(entities),
        List.of(),
        List.of(),
        List.of());
  }

  private static Entity person(String name) {
    return Entity.named(EntityType.PERSON, name);
  }

  private static Entity company(String name) {
    return Entity.named(EntityType.ORGANIZATION, name);
  }

  private static List<Extraction> corpus() {
    return List.of(
        article("a1", person("Priya Raman"), company("Lumora Labs")),
        article("a2", person("Raman"), company("Lumora Labs Inc.")),
        article("a3", Entity.named(EntityType.PRODUCT, "Lumora Labs"), company("Tessaract")),
        article("a4", person("GM"), company("Tessaract")),
        article("a5", company("GM")),
        article("a6", company("General Motors"), company("GM")),
        article("a7", company("IMF").withLink("International_Monetary_Fund")),
        article("a8", company("IMF"), person("Helena Okafor")));
  }

  private static Set<String> resolutionOf(Path folder, List<Extraction> articles) {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      for (Extraction article : articles) {
        store.replaceArticle(article);
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      store.export(out, org.apache.jena.riot.Lang.NQUADS);
      Set<String> quads = new TreeSet<>();
      for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.endsWith("<" + IriMinter.RESOLUTION_GRAPH + "> .")) {
          quads.add(line);
        }
      }
      return quads;
    }
  }

  private String canonical(Path store, String id) {
    Dataset dataset = TDB2Factory.connectDataset(store.toString());
    try {
      return Txn.calculateRead(
          dataset, () -> ResolutionGraph.canonical(dataset.asDatasetGraph(), BASE + id));
    } finally {
      org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    }
  }

  @Test
  void namesOfOneThingAcrossArticlesAreMergedIntoTheOneKept() {
    Path store = folder.resolve("store");
    resolutionOf(store, corpus());

    assertThat(canonical(store, "person/raman")).isEqualTo(BASE + "person/priya-raman");
    assertThat(canonical(store, "product/lumora-labs"))
        .isEqualTo(BASE + "organization/lumora-labs");
    assertThat(canonical(store, "person/gm")).isEqualTo(BASE + "organization/gm");
    assertThat(canonical(store, "organization/imf"))
        .isEqualTo(BASE + "wiki/international-monetary-fund");
    assertThat(canonical(store, "organization/general-motors"))
        .isEqualTo(BASE + "organization/general-motors");
  }

  @Test
  void theSameArticlesInAnyOrderGiveTheSameResolution() {
    Set<String> first = resolutionOf(folder.resolve("first"), corpus());
    assertThat(first).isNotEmpty();
    for (long seed = 1; seed <= 3; seed++) {
      List<Extraction> shuffled = new ArrayList<>(corpus());
      Collections.shuffle(shuffled, new Random(seed));

      assertThat(resolutionOf(folder.resolve("order-" + seed), shuffled)).isEqualTo(first);
    }
  }

  @Test
  void aSecondPersonOfTheSameSurnameUndoesTheMergeAndLeavesPairsForReview() {
    Path store = folder.resolve("store");
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(store)) {
      corpus().forEach(graph::replaceArticle);
      graph.replaceArticle(article("a9", person("Arjun Raman")));
    }

    assertThat(canonical(store, "person/raman")).isEqualTo(BASE + "person/raman");
    assertThat(resolutionOf(store, List.of()))
        .anySatisfy(q -> assertThat(q).contains("PossiblySame"))
        .anySatisfy(q -> assertThat(q).contains("person/arjun-raman"));

    try (Tdb2GraphStore graph = Tdb2GraphStore.open(store)) {
      graph.deleteArticle("a9");
    }
    assertThat(canonical(store, "person/raman")).isEqualTo(BASE + "person/priya-raman");
  }

  @Test
  void analystsDecisionsOutrankTheRulesAndSurviveReingest() {
    Path store = folder.resolve("store");
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(store)) {
      corpus().forEach(graph::replaceArticle);
    }
    Dataset dataset = TDB2Factory.connectDataset(store.toString());
    Txn.executeWrite(
        dataset,
        () -> {
          DatasetGraph dsg = dataset.asDatasetGraph();
          Decisions.record(
              dsg,
              Decisions.Kind.NOT_SAME,
              BASE + "person/raman",
              BASE + "person/priya-raman",
              null,
              "analyst@example.org",
              Instant.parse("2026-01-01T00:00:00Z"),
              "the Raman of a2 is the Zendesk engineer");
          Decisions.record(
              dsg,
              Decisions.Kind.MERGE,
              BASE + "organization/general-motors",
              BASE + "organization/gm",
              null,
              "analyst@example.org",
              Instant.parse("2026-01-01T00:00:00Z"),
              "GM is General Motors");
        });
    org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(store)) {
      corpus().forEach(graph::replaceArticle);
    }

    assertThat(canonical(store, "person/raman")).isEqualTo(BASE + "person/raman");
    assertThat(canonical(store, "organization/general-motors")).isEqualTo(BASE + "organization/gm");
  }

  @Test
  void decisionsThroughTheStoreTakeEffectAtOnceAndUndoCleanly() {
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(folder.resolve("store"))) {
      corpus().forEach(graph::replaceArticle);
      String raman = BASE + "person/raman";
      String priya = BASE + "person/priya-raman";
      assertThat(graph.keptEntity(raman)).isEqualTo(priya);

      Decisions.Decision apart =
          graph.decide(Decisions.Kind.NOT_SAME, raman, priya, null, "ana", "another Raman");
      assertThat(graph.keptEntity(raman)).isEqualTo(raman);

      Decisions.Decision merge =
          graph.decide(
              Decisions.Kind.MERGE,
              BASE + "organization/general-motors",
              BASE + "organization/gm",
              null,
              "ana",
              null);
      assertThat(graph.keptEntity(BASE + "organization/general-motors"))
          .isEqualTo(BASE + "organization/gm");
      assertThat(graph.mergedInto(BASE + "organization/gm"))
          .contains(BASE + "organization/general-motors");
      assertThat(graph.decisions())
          .extracting(Decisions.Decision::id)
          .containsExactlyInAnyOrder(apart.id(), merge.id());

      assertThat(graph.undoDecision(apart.id())).isPresent();
      assertThat(graph.keptEntity(raman)).isEqualTo(priya);
      assertThat(graph.undoDecision(merge.id())).isPresent();
      assertThat(graph.keptEntity(BASE + "organization/general-motors"))
          .isEqualTo(BASE + "organization/general-motors");
      assertThat(graph.undoDecision(merge.id())).isEmpty();
    }
  }

  @Test
  void aDecisionAboutAnUnknownEntityOrAcrossKindsChangesNothing() {
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(folder.resolve("store"))) {
      corpus().forEach(graph::replaceArticle);
      long before = graph.version();

      assertThatThrownBy(
              () ->
                  graph.decide(
                      Decisions.Kind.MERGE,
                      BASE + "person/priya-raman",
                      BASE + "organization/tessaract",
                      null,
                      "ana",
                      null))
          .isInstanceOf(DecisionException.class)
          .hasMessageContaining("cannot merge the Person \"Priya Raman\" into the Organization")
          .extracting(e -> ((DecisionException) e).reason())
          .isEqualTo(DecisionException.Reason.CONFLICT);
      assertThatThrownBy(
              () ->
                  graph.decide(
                      Decisions.Kind.NOT_SAME,
                      BASE + "person/nobody",
                      BASE + "person/priya-raman",
                      null,
                      "ana",
                      null))
          .isInstanceOf(DecisionException.class)
          .extracting(e -> ((DecisionException) e).reason())
          .isEqualTo(DecisionException.Reason.UNKNOWN_ENTITY);
      assertThat(graph.decisions()).isEmpty();
      assertThat(graph.version()).isEqualTo(before);
    }
  }
}
