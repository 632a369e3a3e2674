package org.newsgraph.core.store;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Amount;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.ontology.NG;

/**
 * What every {@link GraphStore} must do, whatever keeps the graph: each store's test extends this
 * class (TDB2, and the remote store on Fuseki and on Virtuoso), so all are held to the same
 * behaviour. A case that a server cannot pass is overridden in its test, with the reason, and
 * asserts what that server does instead.
 */
abstract class GraphStoreContract {

  static final String PREFIXES =
      "PREFIX ng: <https://newsgraph.org/ontology#>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  GraphStore store;

  /**
   * Opens the store under test with a resolver: empty for each test, and holding what the test
   * wrote when opened again within it.
   */
  abstract GraphStore open(EntityResolver resolver);

  @BeforeEach
  void openStore() {
    store = open(EntityResolver.minting());
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
  void anEventsStatusAndAmountAndAFactsTimeReadBackFromTheStore() {
    Extraction nordvik = Fixtures.nordvik();
    Event deal =
        nordvik
            .events()
            .get(0)
            .withStructure(
                EventStatus.PLANNED,
                new Amount(new BigDecimal("2500000.50"), "EUR", "2.5 million euros"),
                "2025-06");
    Fact former = nordvik.facts().get(0).withTime(true, "2019-04-01", "2024");
    store.replaceArticle(
        new Extraction(
            nordvik.article(),
            nordvik.entities(),
            List.of(former, nordvik.facts().get(1)),
            List.of(deal),
            nordvik.quotes()));

    List<QuerySolution> events =
        select(
            "SELECT ?status ?value ?currency ?effective WHERE { ?e ng:status ?status ;"
                + " ng:effectiveDate ?effective ;"
                + " ng:amount [ ng:amountValue ?value ; ng:currency ?currency ] }");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getResource("status")).isEqualTo(NG.Planned);
    assertThat(new BigDecimal(events.get(0).getLiteral("value").getLexicalForm()))
        .isEqualByComparingTo("2500000.5");
    assertThat(events.get(0).getLiteral("currency").getString()).isEqualTo("EUR");
    assertThat(events.get(0).getLiteral("effective").getLexicalForm()).isEqualTo("2025-06");
    List<QuerySolution> facts =
        select(
            "SELECT ?start ?end WHERE { ?a rdf:predicate ng:heads ; ng:former true ;"
                + " ng:startDate ?start ; ng:endDate ?end }");
    assertThat(facts).hasSize(1);
    assertThat(facts.get(0).getLiteral("start").getLexicalForm()).isEqualTo("2019-04-01");
    assertThat(facts.get(0).getLiteral("end").getLexicalForm()).isEqualTo("2024");
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
    assertThat(storedQuads()).isZero();
    assertThat(store.deleteArticle("nordvik-2")).isFalse();
  }

  @Test
  void twoArticlesNamingTheSameCompanyShareOneNodeWithEveryAlias() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    assertThat(count("SELECT DISTINCT ?c { ?c a ng:Organization }")).isEqualTo(2);
    List<QuerySolution> mentions =
        select(
            "SELECT DISTINCT ?article WHERE { ?article ng:mentions ?c . ?c rdfs:label \"Nordvik Robotics\" }");
    assertThat(mentions).hasSize(2);
    assertThat(count("SELECT DISTINCT ?p { ?p ng:alias \"Lindqvist\" }")).isEqualTo(1);
  }

  @Test
  void storedArticlesSurviveClosingAndReopening() {
    store.replaceArticle(Fixtures.nordvik());
    store.close();

    store = open(EntityResolver.minting());

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
  void federatedQueriesFileLoadsAndJavaFunctionsAreRefusedBeforeAnythingRuns() {
    store.replaceArticle(Fixtures.nordvik());
    long before = count("?s ?p ?o");

    assertThatThrownBy(
            () ->
                store.query(
                    QueryFactory.create(
                        "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"),
                    QueryLimits.DEFAULT))
        .isInstanceOf(QueryRefusedException.class)
        .hasMessageContaining("federated queries are off");
    assertThatThrownBy(
            () ->
                store.query(
                    QueryFactory.create("SELECT * { BIND(<java:java.lang.System>(1) AS ?x) }"),
                    QueryLimits.DEFAULT))
        .isInstanceOf(QueryRefusedException.class)
        .hasMessageContaining("<java:java.lang.System> is not available");
    assertThatThrownBy(
            () ->
                store.update(
                    org.apache.jena.update.UpdateFactory.create("LOAD <file:///etc/hostname>"),
                    QueryLimits.DEFAULT))
        .isInstanceOf(QueryRefusedException.class)
        .hasMessageContaining("never files");
    assertThat(count("?s ?p ?o")).isEqualTo(before);
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
    store = open(entity -> EntityResolver.minting().resolve(Fixtures.nordvik().entities().get(1)));

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

    var copy = exported();

    assertThat(copy.size()).isEqualTo(2);
    assertThat(copy.stream().count()).isEqualTo(storedQuads());
  }

  @Test
  void aBatchWithOneRefusedArticleStoresNoneOfIt() {
    store.replaceArticle(Fixtures.nordvik());
    long stored = count("GRAPH ?g { ?s ?p ?o }");
    // "Collider" is given Nordvik Robotics' IRI: that entity then has two names, which the
    // shapes refuse. The article before it in the batch is fine on its own.
    Extraction fine = Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT);
    Extraction clashing = Fixtures.nordvik("nordvik-3", Fixtures.NORDVIK_TEXT);
    List<org.newsgraph.core.Entity> entities = new ArrayList<>(clashing.entities());
    entities.add(org.newsgraph.core.Entity.named(EntityType.ORGANIZATION, "Collider"));
    Extraction refused =
        new Extraction(
            clashing.article(), entities, clashing.facts(), clashing.events(), clashing.quotes());
    store.close();
    store =
        open(
            entity ->
                EntityResolver.minting()
                    .resolve(entity.name().equals("Collider") ? fine.entities().get(1) : entity));

    assertThatThrownBy(() -> store.replaceArticles(List.of(fine, refused)))
        .isInstanceOf(GraphException.class)
        .hasMessageStartingWith("article nordvik-3:");
    assertThat(store.articleIds()).containsExactly("nordvik-1");
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(stored);

    store.replaceArticles(List.of(fine));
    assertThat(store.articleIds()).containsExactly("nordvik-1", "nordvik-2");
  }

  @Test
  void graphsBuiltElsewhereReplaceTheArticlesOfTheSameName() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
    var articles = exported();
    long quads = count("GRAPH ?g { ?s ?p ?o }");
    store.deleteArticle("nordvik-2");

    store.replaceGraphs(articles);

    assertThat(store.articleIds()).containsExactly("nordvik-1", "nordvik-2");
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(quads);
  }

  @Test
  void graphsNotNamedForAnArticleAreRefusedAndNothingIsWritten() {
    var graphs = org.apache.jena.sparql.core.DatasetGraphFactory.create();
    org.apache.jena.riot.RDFParser.fromString(
            "<https://newsgraph.org/id/article/a> <urn:p> <urn:o>"
                + " <https://newsgraph.org/id/article/a> .\n"
                + "<urn:s> <urn:p> <urn:o> <urn:not-an-article> .\n",
            org.apache.jena.riot.Lang.NQUADS)
        .parse(graphs);

    assertThatThrownBy(() -> store.replaceGraphs(graphs))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("urn:not-an-article is not an article's");
    assertThat(storedQuads()).isZero();
  }

  @Test
  void anUpdateIsApplied() {
    store.replaceArticle(Fixtures.nordvik());
    long before = count("?s ?p ?o");

    store.update(
        org.apache.jena.update.UpdateFactory.create(
            PREFIXES + "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"a\" } }"),
        QueryLimits.DEFAULT);

    assertThat(count("?s ?p ?o")).isEqualTo(before + 1);
    assertThat(store.articleIds()).containsExactly("nordvik-1");
  }

  @Test
  void entityIrisDependOnTheEntityAloneSoSeparateWritersAgree() {
    store.replaceArticle(Fixtures.nordvik());
    store.close();
    // A second writer, knowing nothing of the first, names the same company in another article.
    store = open(EntityResolver.minting());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    assertThat(
            select("SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c rdfs:label \"Nordvik Robotics\" } }"))
        .hasSize(1);
    assertThat(count("GRAPH ?g { ?c rdfs:label \"Nordvik Robotics\" }")).isEqualTo(2);
  }

  @Test
  void aTripleThatTwoArticlesStateIsOnceInTheDefaultGraph() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    assertThat(count("GRAPH ?g { ?c rdfs:label \"Nordvik Robotics\" }")).isEqualTo(2);
    assertThat(count("?c rdfs:label \"Nordvik Robotics\"")).isEqualTo(1);
  }

  /**
   * Returns the graphs the server keeps of its own beside what Newsgraph writes, which its default
   * graph shows too: none, but on servers that have them.
   */
  Set<String> serversOwnGraphs() {
    return Set.of();
  }

  /** Counts the quads of every graph but the server's own. */
  long storedQuads() {
    String own = serversOwnGraphs().stream().map(graph -> "<" + graph + ">").collect(joining(", "));
    return count(
        "GRAPH ?g { ?s ?p ?o }" + (own.isEmpty() ? "" : " FILTER(?g NOT IN (" + own + "))"));
  }

  /** Exports the store as N-Quads and reads them back. */
  org.apache.jena.sparql.core.DatasetGraph exported() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    store.export(out, org.apache.jena.riot.Lang.NQUADS);
    var copy = org.apache.jena.sparql.core.DatasetGraphFactory.create();
    org.apache.jena.riot.RDFParser.fromString(
            out.toString(java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.NQUADS)
        .parse(copy);
    return copy;
  }

  List<QuerySolution> select(String query) {
    SparqlAnswer answer = store.query(QueryFactory.create(PREFIXES + query), QueryLimits.DEFAULT);
    ResultSetRewindable rows = ((SparqlAnswer.Rows) answer).rows();
    rows.reset();
    List<QuerySolution> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    return list;
  }

  /** Counts the solutions of a pattern, or of a sub-query, in the store's default graph. */
  long count(String pattern) {
    return select("SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }")
        .get(0)
        .getLiteral("n")
        .getLong();
  }
}
