package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.DecisionException;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;

/** The TDB2 store: the shared behaviour, and what only a store in a local folder does. */
class Tdb2GraphStoreTest extends GraphStoreContract {

  @TempDir Path folder;
  private final AtomicBoolean failBeforeCommit = new AtomicBoolean();

  @Override
  Tdb2GraphStore open(EntityResolver resolver) {
    return Tdb2GraphStore.open(
        folder,
        resolver,
        Clock.systemUTC(),
        () -> {
          if (failBeforeCommit.get()) {
            throw new IllegalStateException("simulated failure before commit");
          }
        });
  }

  private Tdb2GraphStore open() {
    return open(EntityResolver.minting());
  }

  private Tdb2GraphStore tdb() {
    return (Tdb2GraphStore) store;
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
    assertThat(removeFromIndex("name", "kestrel*")).isPositive();

    store = open();

    assertThat(store.searchEntities("kestrel", null, 10, 0))
        .extracting(EntityHit::name)
        .containsExactly("Kestrel Dynamics");
  }

  @Test
  void articleTextIsFoundWithThePassageAroundTheFirstMatch() {
    store.replaceArticle(Fixtures.nordvik());

    // "conference" is no entity: only the article's text holds it.
    assertThat(store.searchEntities("conference", null, 10, 0)).isEmpty();
    List<ArticleHit> hits = store.searchArticles("press CONFER", 10, 0);

    assertThat(hits)
        .singleElement()
        .satisfies(hit -> assertThat(hit.articleId()).isEqualTo("nordvik-1"));
    ArticleHit hit = hits.get(0);
    String text = Fixtures.NORDVIK_TEXT;
    assertThat(text.substring(hit.matchStart(), hit.matchEnd())).isEqualTo("press");
    assertThat(text.substring(hit.start(), hit.start() + hit.passage().length()))
        .isEqualTo(hit.passage());
    assertThat(hit.passage()).startsWith("Maria").contains("conference in Gothenburg");
    assertThat(store.searchArticles("press absentword", 10, 0)).isEmpty();
  }

  @Test
  void searchedArticleTextIsNeverReadAsQuerySyntax() {
    store.replaceArticle(Fixtures.nordvik());

    for (String hostile : List.of("text:*", "press AND", "(press", "conf~", "\\", "\"\"", "*")) {
      assertThat(store.searchArticles(hostile, 10, 0)).as(hostile).hasSizeLessThanOrEqualTo(1);
    }
    assertThat(store.searchArticles("(press)", 10, 0)).hasSize(1);
    assertThat(store.searchArticles("  ", 10, 0)).isEmpty();
  }

  @Test
  void theArticleTextIndexFollowsIngestReingestAndDelete() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(
        Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT + " Analysts mentioned OpenAI twice."));
    assertThat(store.searchArticles("openai", 10, 0))
        .extracting(ArticleHit::articleId)
        .containsExactly("nordvik-2");

    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    assertThat(store.searchArticles("openai", 10, 0)).isEmpty();
    assertThat(store.searchArticles("gothenburg", 10, 0)).hasSize(2);
    assertThat(store.searchArticles("gothenburg", 1, 1)).hasSize(1);

    store.deleteArticle("nordvik-1");
    assertThat(store.searchArticles("gothenburg", 10, 0))
        .extracting(ArticleHit::articleId)
        .containsExactly("nordvik-2");

    failBeforeCommit.set(true);
    assertThatThrownBy(() -> store.replaceArticle(Fixtures.nordvik()));
    failBeforeCommit.set(false);
    assertThat(store.searchArticles("gothenburg", 10, 0)).hasSize(1);

    store.close();
    store = open();
    assertThat(store.searchArticles("gothenburg", 10, 0)).hasSize(1);
  }

  @Test
  void aStoreWhoseIndexHoldsNamesOnlyGetsItsArticleTextIndexedWhenOpened() throws Exception {
    store.replaceArticle(Fixtures.nordvik());
    store.close();
    // As a store indexed before the index held text: its names, and no article text.
    assertThat(removeFromIndex(SearchIndex.TEXT_FIELD, "*")).isPositive();
    store = open();
    assertThat(store.searchArticles("gothenburg", 10, 0))
        .extracting(ArticleHit::articleId)
        .containsExactly("nordvik-1");
    assertThat(store.searchEntities("kestrel", null, 10, 0)).hasSize(1);
  }

  @Test
  void restoredArticlesAreFoundByTheirText(@TempDir Path other) {
    store.replaceArticle(Fixtures.nordvik());
    var backup = new java.io.ByteArrayOutputStream();
    store.export(backup, org.apache.jena.riot.Lang.NQUADS);

    try (Tdb2GraphStore restored = Tdb2GraphStore.open(other)) {
      restored.restore(
          new java.io.ByteArrayInputStream(backup.toByteArray()), org.apache.jena.riot.Lang.NQUADS);
      assertThat(restored.searchArticles("gothenburg", 10, 0))
          .extracting(ArticleHit::articleId)
          .containsExactly("nordvik-1");
    }
  }

  /**
   * Removes the documents of a closed store's index whose field matches a wildcard, as a crash or
   * an older version may have left it.
   *
   * @return how many documents the index still holds
   */
  private int removeFromIndex(String field, String wildcard) throws java.io.IOException {
    try (var index =
            org.apache.lucene.store.FSDirectory.open(folder.resolve(Tdb2GraphStore.NAME_INDEX));
        var writer =
            new org.apache.lucene.index.IndexWriter(
                index, new org.apache.lucene.index.IndexWriterConfig())) {
      writer.deleteDocuments(
          new org.apache.lucene.search.WildcardQuery(
              new org.apache.lucene.index.Term(field, wildcard)));
      writer.commit();
      return writer.getDocStats().numDocs;
    }
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
                tdb()
                    .restore(
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
  void theBulkLoaderFillsAnEmptyStoreAndTheNameIndexFollows(@TempDir Path other) throws Exception {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    Path quads = other.resolve("articles.nq");
    try (var out = java.nio.file.Files.newOutputStream(quads)) {
      store.export(out, org.apache.jena.riot.Lang.NQUADS);
    }
    long expected = count("GRAPH ?g { ?s ?p ?o }");
    Path loaded = other.resolve("loaded");
    List<String> progress = new java.util.ArrayList<>();

    long count =
        Tdb2GraphStore.bulkLoad(
            loaded, List.of(quads), (format, args) -> progress.add(String.format(format, args)));

    assertThat(count).isEqualTo(expected);
    assertThat(progress).isNotEmpty();
    try (Tdb2GraphStore copy = Tdb2GraphStore.open(loaded)) {
      assertThat(copy.articleIds()).containsExactly("nordvik-1", "nordvik-2");
      assertThat(copy.searchEntities("kestrel", null, 10, 0)).hasSize(1);
      assertThat(copy.searchArticles("gothenburg", 10, 0)).hasSize(2);
    }
    assertThatThrownBy(() -> Tdb2GraphStore.bulkLoad(loaded, List.of(quads), (f, a) -> {}))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("bulk loading needs an empty store");
    assertThatThrownBy(() -> Tdb2GraphStore.bulkLoad(folder, List.of(quads), (f, a) -> {}))
        .hasMessageContaining("is open already in this process");
  }

  @Test
  void compactingKeepsEveryArticle() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik());
    long before = count("GRAPH ?g { ?s ?p ?o }");

    tdb().compact();

    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(before);
    assertThat(store.searchEntities("maria", null, 10, 0)).hasSize(1);
  }

  @Test
  void aStoreThatHasGrownEnoughCompactsOnItsOwnAndKeepsEveryArticle(@TempDir Path other) {
    // Due at any growth, so that the first write sets it off.
    AutoCompaction.Policy atOnce = new AutoCompaction.Policy(1.0, 0);
    long before;
    try (Tdb2GraphStore grown =
        Tdb2GraphStore.open(other, EntityResolver.minting(), Clock.systemUTC(), () -> {}, atOnce)) {
      grown.replaceArticle(Fixtures.nordvik());
      grown.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

      assertThat(grown.autoCompactions()).isPositive();
      before = grown.articleIds().size();
      assertThat(grown.searchEntities("maria", null, 10, 0)).hasSize(1);
    }
    assertThat(other.resolve("Data-0001")).doesNotExist();
    try (Tdb2GraphStore reopened = Tdb2GraphStore.open(other, false)) {
      assertThat(reopened.articleIds()).hasSize((int) before).contains("nordvik-1", "nordvik-2");
    }
  }

  @Test
  void aSmallStoreIsNotCompactedOnItsOwn() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik());

    assertThat(tdb().autoCompactions()).isZero();
    assertThat(folder.resolve("Data-0001")).exists();
  }

  @Test
  void aCompactionPolicyThatWouldCompactForeverIsRefused() {
    assertThatThrownBy(() -> new AutoCompaction.Policy(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factor of at least 1");
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
                      PREFIXES + "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"a\" } }"),
                  QueryLimits.DEFAULT);
            })
        .hasMessage("simulated failure before commit");
    failBeforeCommit.set(false);
    assertThat(count("?s ?p ?o")).isEqualTo(before);

    store.update(
        org.apache.jena.update.UpdateFactory.create(
            PREFIXES + "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"a\" } }"),
        QueryLimits.DEFAULT);
    assertThat(count("?s ?p ?o")).isEqualTo(before + 1);
  }

  private static final String NORDVIK = IriMinter.ENTITY_BASE + "organization/nordvik-robotics";
  private static final String KESTREL = IriMinter.ENTITY_BASE + "organization/kestrel-dynamics";
  private static final String COMPETES = "<" + NORDVIK + "> ng:competesWith <" + KESTREL + ">";

  /** Competes with, as an analyst names it: the other way round from the articles. */
  private static FactKey kestrelCompetesWithNordvik() {
    return new FactKey(KESTREL, NG.competesWith.getURI(), NORDVIK, null);
  }

  /** Counts the quads of the article graphs. */
  private long articleQuads() {
    return count(
        "GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + IriMinter.ARTICLE_BASE + "\"))");
  }

  private long statedAssertions() {
    return count(
        "GRAPH ?g { ?a a ng:Assertion ; rdf:predicate ng:competesWith ; rdf:subject <"
            + NORDVIK
            + "> }");
  }

  @Test
  void aRejectedFactLeavesEveryArticleGraphAndStaysOutWhenTheArticleIsIngestedAgain() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    assertThat(count("GRAPH ?g { " + COMPETES + " }")).isEqualTo(2);

    Decisions.Decision rejected =
        store.decideFact(
            Decisions.Kind.REJECT_FACT, kestrelCompetesWithNordvik(), "ana", "a rumour");

    // Stated both ways in two articles, a symmetric fact is one fact: every plain triple goes.
    assertThat(count(COMPETES)).isZero();
    assertThat(count("<" + KESTREL + "> ng:competesWith <" + NORDVIK + ">")).isZero();
    assertThat(statedAssertions()).isEqualTo(2);
    assertThat(rejected.fact())
        .isEqualTo(FactKey.of(NORDVIK, NG.competesWith.getURI(), KESTREL, null));
    assertThat(store.decisions())
        .extracting(Decisions.Decision::kind)
        .containsExactly(Decisions.Kind.REJECT_FACT);
    // The other facts of the articles stay.
    assertThat(count("?p ng:heads <" + NORDVIK + ">")).isEqualTo(1);

    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    store.close();
    store = open();

    assertThat(count(COMPETES)).isZero();
    assertThat(count("GRAPH ?g { " + COMPETES + " }")).isZero();
    assertThat(statedAssertions()).isEqualTo(2);
  }

  @Test
  void undoingARejectionPutsThePlainTriplesBackWhereTheArticlesStateThem() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    long before = articleQuads();
    Decisions.Decision rejected =
        store.decideFact(Decisions.Kind.REJECT_FACT, kestrelCompetesWithNordvik(), "ana", null);
    assertThat(articleQuads()).isEqualTo(before - 4);

    assertThat(store.undoDecision(rejected.id()))
        .hasValueSatisfying(
            undone -> assertThat(undone.kind()).isEqualTo(Decisions.Kind.REJECT_FACT));

    assertThat(count("GRAPH ?g { " + COMPETES + " }")).isEqualTo(2);
    assertThat(count("GRAPH ?g { <" + KESTREL + "> ng:competesWith <" + NORDVIK + "> }"))
        .isEqualTo(2);
    assertThat(articleQuads()).isEqualTo(before);
    assertThat(store.decisions()).isEmpty();
  }

  @Test
  void aFactHasOneVerdictAndAnUnknownFactIsRefusedWithNothingWritten() {
    store.replaceArticle(Fixtures.nordvik());
    store.decideFact(Decisions.Kind.REJECT_FACT, kestrelCompetesWithNordvik(), "ana", null);

    Decisions.Decision confirmed =
        store.decideFact(Decisions.Kind.CONFIRM_FACT, kestrelCompetesWithNordvik(), "bo", "seen");

    assertThat(store.decisions()).containsExactly(confirmed);
    assertThat(confirmed.by()).isEqualTo("bo");
    assertThat(count(COMPETES)).isEqualTo(1);
    long version = store.version();
    long quads = storedQuads();
    FactKey never = new FactKey(KESTREL, NG.acquired.getURI(), NORDVIK, null);
    assertThatThrownBy(() -> store.decideFact(Decisions.Kind.REJECT_FACT, never, "ana", null))
        .isInstanceOf(DecisionException.class)
        .hasMessageContaining("no stored article states the fact <" + KESTREL + ">")
        .extracting(e -> ((DecisionException) e).reason())
        .isEqualTo(DecisionException.Reason.UNKNOWN_FACT);
    assertThat(store.version()).isEqualTo(version);
    assertThat(storedQuads()).isEqualTo(quads);
    assertThat(store.decisions()).containsExactly(confirmed);
  }

  @Test
  void aMergeHidesWhatARejectionCoversAndItsUndoingShowsItAgain() {
    store.replaceArticle(Fixtures.nordvik());
    String text = "Nordvik Robotics competes with Kestrel Dyn.";
    Entity nordvik = Entity.named(EntityType.ORGANIZATION, "Nordvik Robotics");
    Entity dyn = Entity.named(EntityType.ORGANIZATION, "Kestrel Dyn");
    store.replaceArticle(
        new Extraction(
            new Article("kestrel-dyn", text, null, null, null),
            List.of(nordvik, dyn),
            List.of(
                Fact.between(
                    Relation.COMPETES_WITH,
                    nordvik,
                    Fixtures.mention(text, "Nordvik Robotics"),
                    dyn,
                    Fixtures.mention(text, "Kestrel Dyn"),
                    new Evidence(text, 0, text.length(), "test", 0.8))),
            List.of(),
            List.of()));
    String dynIri = IriMinter.ENTITY_BASE + "organization/kestrel-dyn";
    String dynTriple = "<" + NORDVIK + "> ng:competesWith <" + dynIri + ">";
    assertThat(store.keptEntity(dynIri)).isEqualTo(dynIri);
    store.decideFact(Decisions.Kind.REJECT_FACT, kestrelCompetesWithNordvik(), "ana", null);
    assertThat(count(dynTriple)).isEqualTo(1);

    Decisions.Decision merge =
        store.decide(Decisions.Kind.MERGE, dynIri, KESTREL, null, "ana", "one company");

    // Now one fact with the rejected one: hidden too.
    assertThat(count(dynTriple)).isZero();
    assertThat(count(COMPETES)).isZero();

    store.undoDecision(merge.id());

    // Two companies again: only the fact rejected stays hidden.
    assertThat(count(dynTriple)).isEqualTo(1);
    assertThat(count("<" + dynIri + "> ng:competesWith <" + NORDVIK + ">")).isEqualTo(1);
    assertThat(count(COMPETES)).isZero();
  }
}
