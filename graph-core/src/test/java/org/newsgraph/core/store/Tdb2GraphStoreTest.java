package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.resolve.EntityResolver;

class Tdb2GraphStoreTest {

  private static final String PREFIXES =
      "PREFIX ng: <https://newsgraph.org/ontology#>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  @TempDir Path folder;
  private final AtomicBoolean failBeforeCommit = new AtomicBoolean();
  private Tdb2GraphStore store;

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void anIngestedFactCanBeQueriedWithItsSourceSentence() {
    store.replaceArticle(Fixtures.nordvik());

    List<QuerySolution> rows =
        select(
            "SELECT ?person ?company ?sentence ?article WHERE {"
                + " ?person ng:heads ?company ."
                + " ?a rdf:subject ?person ; rdf:predicate ng:heads ; rdf:object ?company ;"
                + "    ng:sentence ?sentence ; ng:sourceArticle ?article }");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getResource("person").getURI()).endsWith("/person/maria-lindqvist");
    assertThat(rows.get(0).getLiteral("sentence").getString())
        .contains("chief executive of Nordvik Robotics");
    assertThat(rows.get(0).getResource("article").getURI()).endsWith("/article/nordvik-1");
  }

  @Test
  void reingestingAnArticleReplacesItsGraph() {
    store.replaceArticle(Fixtures.nordvik());
    Extraction edited = Fixtures.nordvik();
    Extraction withoutCompetition =
        new Extraction(
            edited.article(),
            edited.entities(),
            edited.facts().subList(0, 1),
            edited.events(),
            edited.quotes());

    store.replaceArticle(withoutCompetition);
    store.replaceArticle(withoutCompetition);

    assertThat(count("?s ng:competesWith ?o")).isZero();
    assertThat(count("?s ng:heads ?o")).isEqualTo(1);
    assertThat(count("?a a ng:Assertion")).isEqualTo(1);
    assertThat(count("?a a ng:Article")).isEqualTo(1);
  }

  @Test
  void deletingAnArticleRemovesTheEntitiesOnlyItMentioned() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(
        Fixtures.nordvik(
            "nordvik-2",
            "Maria Lindqvist, chief executive of Nordvik Robotics, spoke"
                + " at a press conference. Nordvik Robotics competes with Kestrel Dynamics."
                + " \u201cWe are ready,\u201d she said."));

    assertThat(store.deleteArticle("nordvik-1")).isTrue();

    assertThat(store.articleIds()).containsExactly("nordvik-2");
    assertThat(count("?p a ng:Person")).isEqualTo(1);
    assertThat(store.deleteArticle("nordvik-2")).isTrue();
    assertThat(count("?p a ng:Person")).isZero();
    assertThat(count("?s ?p ?o")).isZero();
    assertThat(store.deleteArticle("nordvik-2")).isFalse();
  }

  @Test
  void twoArticlesNamingTheSameCompanyShareOneNodeWithEveryAlias() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    assertThat(count("?c a ng:Organization")).isEqualTo(2);
    List<QuerySolution> mentions =
        select(
            "SELECT DISTINCT ?article WHERE { ?article ng:mentions ?c . ?c rdfs:label \"Nordvik Robotics\" }");
    assertThat(mentions).hasSize(2);
    assertThat(count("?p ng:alias ?alias FILTER(?alias = \"Lindqvist\")")).isEqualTo(1);
  }

  @Test
  void aFailedWriteLeavesTheStoreAsItWas() {
    store.replaceArticle(Fixtures.nordvik());
    long before = count("?s ?p ?o");
    failBeforeCommit.set(true);

    assertThatThrownBy(
            () -> store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT)))
        .hasMessage("simulated failure before commit");
    assertThatThrownBy(() -> store.deleteArticle("nordvik-1"))
        .hasMessage("simulated failure before commit");

    failBeforeCommit.set(false);
    assertThat(store.articleIds()).containsExactly("nordvik-1");
    assertThat(count("?s ?p ?o")).isEqualTo(before);
  }

  @Test
  void storedArticlesSurviveClosingAndReopening() {
    store.replaceArticle(Fixtures.nordvik());
    store.close();

    store = open();

    assertThat(store.containsArticle("nordvik-1")).isTrue();
    assertThat(store.contentHash("nordvik-1")).contains(Fixtures.nordvik().article().contentHash());
    assertThat(store.contentHash("missing")).isEmpty();
    assertThat(store.articleGraph("nordvik-1"))
        .get()
        .satisfies(m -> assertThat(m.size()).isGreaterThan(40));
    assertThat(store.articleGraph("missing")).isEmpty();
  }

  @Test
  void aQueryReturningTooManyRowsIsRefusedWithAClearMessage() {
    store.replaceArticle(Fixtures.nordvik());
    QueryLimits limits = new QueryLimits(Duration.ofSeconds(30), 10);

    assertThatThrownBy(() -> store.query(QueryFactory.create("SELECT * { ?s ?p ?o }"), limits))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage("the query returns more than 10 results; add a LIMIT or narrow it down");
    assertThat(store.query(QueryFactory.create("SELECT * { ?s ?p ?o } LIMIT 10"), limits))
        .isInstanceOfSatisfying(
            SparqlAnswer.Rows.class, rows -> assertThat(rows.rows().size()).isEqualTo(10));
  }

  @Test
  void aQueryRunningPastTheTimeoutIsStopped() {
    store.replaceArticle(Fixtures.nordvik());
    QueryLimits limits = new QueryLimits(Duration.ofMillis(200), 10);
    String crossProduct =
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";

    assertThatThrownBy(() -> store.query(QueryFactory.create(crossProduct), limits))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage("the query ran longer than 200 ms and was stopped");
  }

  @Test
  void aGraphThatBreaksTheShapesIsRefusedAndNothingIsWritten() {
    store.close();
    // A resolver that gives two different entities the same IRI makes an entity with two labels.
    store =
        Tdb2GraphStore.open(
            folder,
            entity -> EntityResolver.minting().resolve(Fixtures.nordvik().entities().get(1)),
            Clock.systemUTC(),
            () -> {});

    assertThatThrownBy(() -> store.replaceArticle(Fixtures.nordvik()))
        .isInstanceOf(GraphException.class)
        .hasMessageStartingWith(
            "article nordvik-1: the extracted graph breaks the ontology's shapes:");
    assertThat(store.articleIds()).isEmpty();
  }

  @Test
  void theVersionChangesWithEveryWriteAndWithNoRead() {
    long start = store.version();
    store.replaceArticle(Fixtures.nordvik());
    long afterWrite = store.version();
    store.articleIds();
    count("?s ?p ?o");
    long afterReads = store.version();
    store.deleteArticle("nordvik-1");

    assertThat(afterWrite).isNotEqualTo(start);
    assertThat(afterReads).isEqualTo(afterWrite);
    assertThat(store.version()).isNotEqualTo(afterWrite);
  }

  @Test
  void aBatchIsStoredInOneTransactionOrNotAtAll() {
    store.replaceArticles(
        List.of(Fixtures.nordvik(), Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT)));
    long stored = count("GRAPH ?g { ?s ?p ?o }");
    failBeforeCommit.set(true);

    assertThatThrownBy(
            () ->
                store.replaceArticles(
                    List.of(Fixtures.nordvik("nordvik-3", Fixtures.NORDVIK_TEXT))))
        .hasMessageContaining("simulated failure");
    assertThat(store.articleIds()).containsExactlyInAnyOrder("nordvik-1", "nordvik-2");
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(stored);
  }

  @Test
  void entitiesAreFoundByNameAliasAndTheStartOfAWord() {
    store.replaceArticle(Fixtures.nordvik());

    assertThat(store.searchEntities("nordvik", null, 10, 0))
        .extracting(EntityHit::name)
        .containsExactly("Nordvik Robotics");
    assertThat(store.searchEntities("Lindq", null, 10, 0))
        .extracting(EntityHit::name, EntityHit::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Maria Lindqvist", EntityType.PERSON));
    assertThat(store.searchEntities("robotics nord", EntityType.ORGANIZATION, 10, 0)).hasSize(1);
    assertThat(store.searchEntities("nordvik", EntityType.PERSON, 10, 0)).isEmpty();
  }

  @Test
  void theNameIndexFollowsEveryWrite() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    store.deleteArticle("nordvik-1");
    assertThat(store.searchEntities("kestrel", null, 10, 0)).hasSize(1);

    store.deleteArticle("nordvik-2");
    assertThat(store.searchEntities("kestrel", null, 10, 0)).isEmpty();

    failBeforeCommit.set(true);
    assertThatThrownBy(() -> store.replaceArticle(Fixtures.nordvik()));
    failBeforeCommit.set(false);
    assertThat(store.searchEntities("kestrel", null, 10, 0)).isEmpty();
  }

  @Test
  void aStoreWithoutANameIndexGetsOneWhenOpened() throws Exception {
    store.replaceArticle(Fixtures.nordvik());
    store.close();
    try (var files = java.nio.file.Files.walk(folder.resolve(Tdb2GraphStore.NAME_INDEX))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    store = open();

    assertThat(store.searchEntities("kestrel", null, 10, 0)).hasSize(1);
  }

  @Test
  void aNameIndexThatFellBehindTheStoreIsRebuiltWhenOpened() throws Exception {
    store.replaceArticle(Fixtures.nordvik());
    store.close();
    try (var index =
            org.apache.lucene.store.FSDirectory.open(folder.resolve(Tdb2GraphStore.NAME_INDEX));
        var writer =
            new org.apache.lucene.index.IndexWriter(
                index, new org.apache.lucene.index.IndexWriterConfig())) {
      writer.deleteDocuments(
          new org.apache.lucene.search.WildcardQuery(
              new org.apache.lucene.index.Term("name", "kestrel*")));
    }

    store = open();

    assertThat(store.searchEntities("kestrel", null, 10, 0))
        .extracting(EntityHit::name)
        .containsExactly("Kestrel Dynamics");
  }

  @Test
  void aStoreOpenInThisProcessIsNotOpenedAgain() {
    assertThatThrownBy(() -> Tdb2GraphStore.open(folder))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("is open already in this process");
  }

  @Test
  void aBackupRestoresIntoANewStoreWithItsNameIndex(@TempDir Path other) {
    store.replaceArticle(Fixtures.nordvik());
    java.io.ByteArrayOutputStream backup = new java.io.ByteArrayOutputStream();
    store.export(backup, org.apache.jena.riot.Lang.NQUADS);
    long quads = count("GRAPH ?g { ?s ?p ?o }");

    try (Tdb2GraphStore restored = Tdb2GraphStore.open(other)) {
      long loaded =
          restored.restore(
              new java.io.ByteArrayInputStream(backup.toByteArray()),
              org.apache.jena.riot.Lang.NQUADS);

      assertThat(loaded).isEqualTo(quads);
      assertThat(restored.articleIds()).containsExactly("nordvik-1");
      assertThat(restored.searchEntities("kestrel", null, 10, 0)).hasSize(1);
    }
  }

  @Test
  void aRestoreIntoAStoreWithArticlesOrFromABrokenBackupChangesNothing(@TempDir Path other) {
    store.replaceArticle(Fixtures.nordvik());
    long before = count("GRAPH ?g { ?s ?p ?o }");

    assertThatThrownBy(
            () ->
                store.restore(
                    new java.io.ByteArrayInputStream(new byte[0]),
                    org.apache.jena.riot.Lang.NQUADS))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("is not empty");
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(before);
    try (Tdb2GraphStore empty = Tdb2GraphStore.open(other)) {
      byte[] broken =
          ("<https://e.org/s> <https://e.org/p> <https://e.org/o> <https://e.org/g> .\n"
                  + "<https://e.org/s> <https://e.org/p> \"unclosed <https://e.org/g> .\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThatThrownBy(
              () ->
                  empty.restore(
                      new java.io.ByteArrayInputStream(broken), org.apache.jena.riot.Lang.NQUADS))
          .isInstanceOf(GraphException.class)
          .hasMessageStartingWith("the backup does not parse");
      java.io.ByteArrayOutputStream left = new java.io.ByteArrayOutputStream();
      empty.export(left, org.apache.jena.riot.Lang.NQUADS);
      assertThat(left.size()).isZero();
    }
  }

  @Test
  void compactingKeepsEveryArticle() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik());
    long before = count("GRAPH ?g { ?s ?p ?o }");

    store.compact();

    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(before);
    assertThat(store.searchEntities("maria", null, 10, 0)).hasSize(1);
  }

  @Test
  void searchTextIsNeverReadAsQuerySyntax() {
    store.replaceArticle(Fixtures.nordvik());

    for (String hostile : List.of("*:*", "nordvik OR maria", "\"unclosed", "(", "a:b)", "} .")) {
      assertThat(store.searchEntities(hostile, null, 10, 0))
          .as(hostile)
          .extracting(EntityHit::name)
          .doesNotContain("Kestrel Dynamics");
    }
  }

  @Test
  void theExportHoldsEveryArticleGraphAndReadsBack() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    store.export(out, org.apache.jena.riot.Lang.NQUADS);

    var copy = org.apache.jena.sparql.core.DatasetGraphFactory.create();
    org.apache.jena.riot.RDFParser.fromString(
            out.toString(java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.NQUADS)
        .parse(copy);
    assertThat(copy.size()).isEqualTo(2);
    assertThat(copy.stream().count()).isEqualTo(count("GRAPH ?g { ?s ?p ?o }"));
  }

  @Test
  void anUpdateIsAppliedWhollyOrNotAtAll() {
    store.replaceArticle(Fixtures.nordvik());
    long before = count("?s ?p ?o");

    assertThatThrownBy(
            () -> {
              failBeforeCommit.set(true);
              store.update(
                  org.apache.jena.update.UpdateFactory.create(
                      PREFIXES + "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"a\" } }"));
            })
        .hasMessage("simulated failure before commit");
    failBeforeCommit.set(false);
    assertThat(count("?s ?p ?o")).isEqualTo(before);

    store.update(
        org.apache.jena.update.UpdateFactory.create(
            PREFIXES + "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"a\" } }"));
    assertThat(count("?s ?p ?o")).isEqualTo(before + 1);
  }

  private Tdb2GraphStore open() {
    return Tdb2GraphStore.open(
        folder,
        EntityResolver.minting(),
        Clock.systemUTC(),
        () -> {
          if (failBeforeCommit.get()) {
            throw new IllegalStateException("simulated failure before commit");
          }
        });
  }

  private List<QuerySolution> select(String query) {
    SparqlAnswer answer = store.query(QueryFactory.create(PREFIXES + query), QueryLimits.DEFAULT);
    ResultSetRewindable rows = ((SparqlAnswer.Rows) answer).rows();
    rows.reset();
    List<QuerySolution> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    return list;
  }

  private long count(String pattern) {
    return select("SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }")
        .get(0)
        .getLiteral("n")
        .getLong();
  }
}
