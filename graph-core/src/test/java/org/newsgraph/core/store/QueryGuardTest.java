package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;

/**
 * Queries and updates cannot reach beyond the store, run code, or work without bound. Each test
 * here would hang or leave the machine without the guard; the class's timeout turns a hang into a
 * failure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class QueryGuardTest {

  private static final String PREFIXES = GraphStoreContract.PREFIXES;

  /** A pattern that tries about n^5 ways on this text before it fails: hours. */
  private static final String BACKTRACKING = ".*a.*a.*a.*a.*b";

  private static final String BACKTRACKING_TEXT = "a".repeat(500);

  @TempDir Path folder;
  private Tdb2GraphStore store;
  private HttpServer canary;
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void openStoreAndCanary() throws IOException {
    store = Tdb2GraphStore.open(folder);
    store.replaceArticle(Fixtures.nordvik());
    // An endpoint that counts the requests that reach it and answers one row.
    canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    canary.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          byte[] body =
              "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"from afar\"}}]}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    canary.start();
  }

  @AfterEach
  void close() {
    store.close();
    canary.stop(0);
  }

  private String canaryUrl() {
    return "http://127.0.0.1:" + canary.getAddress().getPort() + "/sparql";
  }

  private SparqlAnswer query(String sparql, QueryLimits limits) {
    return store.query(QueryFactory.create(PREFIXES + sparql), limits);
  }

  @Test
  void federatedQueriesAreRefusedAndNoRequestLeaves() {
    String[] federated = {
      "SELECT * { SERVICE <" + canaryUrl() + "> { ?s ?p ?o } }",
      "SELECT * { SERVICE SILENT <" + canaryUrl() + "> { ?s ?p ?o } }",
      "SELECT * { { SELECT ?s { SERVICE <" + canaryUrl() + "> { ?s ?p ?o } } } }",
      "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <" + canaryUrl() + "> { ?s ?p ?o } } }",
      "SELECT * { VALUES ?port { 1 2 3 } BIND(IRI(CONCAT('http://127.0.0.1:', STR(?port)))"
          + " AS ?svc) SERVICE SILENT ?svc { ?s ?p ?o } }"
    };
    for (String query : federated) {
      assertThatThrownBy(() -> query(query, QueryLimits.DEFAULT))
          .as(query)
          .isInstanceOf(QueryRefusedException.class)
          .hasMessageContaining("federated queries are off on this server");
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void anAllowedEndpointIsCalledAndOthersAreNot() {
    QueryLimits allowed =
        new QueryLimits(Duration.ofSeconds(10), 100, 1000, 10_000, Set.of(canaryUrl()));

    SparqlAnswer answer =
        query("SELECT ?x { SERVICE <" + canaryUrl() + "> { ?x ?p ?o } }", allowed);

    assertThat(answer)
        .isInstanceOfSatisfying(
            SparqlAnswer.Rows.class,
            rows ->
                assertThat(rows.rows().next().getLiteral("x").getString()).isEqualTo("from afar"));
    assertThat(calls).hasValue(1);
    String other = "http://127.0.0.1:" + canary.getAddress().getPort() + "/other";
    assertThatThrownBy(() -> query("SELECT * { SERVICE <" + other + "> { ?s ?p ?o } }", allowed))
        .isInstanceOf(QueryRefusedException.class)
        .hasMessageContaining("not an endpoint this server may call");
    assertThat(calls).hasValue(1);
  }

  @Test
  void javaFunctionsAreRefusedBeforeTheirClassIsLoaded() {
    String[] calls = {
      "SELECT * { BIND(<java:" + Loaded.class.getName() + ">(1) AS ?x) }",
      "SELECT * { ?s <java:" + Loaded.class.getName() + "> ?o }",
      "SELECT * { BIND(<http://www.w3.org/2005/xpath-functions#apply>(<java:"
          + Loaded.class.getName()
          + ">, 1) AS ?x) }"
    };
    for (String query : calls) {
      assertThatThrownBy(() -> query(query, QueryLimits.DEFAULT))
          .as(query)
          .isInstanceOf(QueryRefusedException.class)
          .hasMessageContaining("is not available on this endpoint");
    }
    // Reading a field of Loaded would initialise it: its initialiser leaves a system property.
    assertThat(System.getProperty(Loaded.PROPERTY)).isNull();
  }

  @Test
  void functionsThatRunUnboundedAreRefusedAndOrdinaryOnesRun() {
    for (String function :
        new String[] {
          "<http://www.w3.org/2005/xpath-functions#matches>('a', 'a')",
          "<http://www.w3.org/2005/xpath-functions/math#pow>(10, 100000000)",
          "<http://jena.apache.org/ARQ/function#wait>(100000)",
          "<http://jena.apache.org/ARQ/function#sprintf>('%999999999d', 1)"
        }) {
      assertThatThrownBy(
              () -> query("SELECT * { BIND(" + function + " AS ?x) }", QueryLimits.DEFAULT))
          .as(function)
          .isInstanceOf(QueryRefusedException.class);
    }
    SparqlAnswer answer =
        query(
            "SELECT ?x { BIND(CONCAT(<http://www.w3.org/2005/xpath-functions#upper-case>('a'),"
                + " STR(<http://www.w3.org/2005/xpath-functions/math#sqrt>(4)),"
                + " <http://jena.apache.org/ARQ/function#localname>(ng:heads)) AS ?x) }",
            QueryLimits.DEFAULT);
    assertThat(answer)
        .isInstanceOfSatisfying(
            SparqlAnswer.Rows.class,
            rows ->
                assertThat(rows.rows().next().getLiteral("x").getString())
                    .isEqualTo("A2.0e0heads"));
  }

  @Test
  void aRegularExpressionThatBacktracksForeverIsStoppedAtTheTimeout() {
    QueryLimits limits = new QueryLimits(Duration.ofMillis(300), 100);

    for (String query :
        new String[] {
          "SELECT * { BIND('"
              + BACKTRACKING_TEXT
              + "' AS ?t) FILTER regex(?t, '"
              + BACKTRACKING
              + "') }",
          "SELECT * { BIND(REPLACE('"
              + BACKTRACKING_TEXT
              + "', '"
              + BACKTRACKING
              + "', 'x') AS ?r) }",
          "SELECT * { FILTER regex('" + BACKTRACKING_TEXT + "', '" + BACKTRACKING + "') }"
        }) {
      assertThatThrownBy(() -> query(query, limits))
          .as(query)
          .isInstanceOf(QueryLimitException.class)
          .hasMessage("the query ran longer than 300 ms and was stopped");
    }
  }

  @Test
  void regularExpressionsStillMatchAsSparqlSays() {
    SparqlAnswer answer =
        query(
            "SELECT ?r ?m { BIND(REPLACE('Nordvik Energy'@en, 'e(n)', '[$1]', 'i') AS ?r)"
                + " BIND(regex('Nordvik', '^NORD', 'i') AS ?m) }",
            QueryLimits.DEFAULT);

    assertThat(answer)
        .isInstanceOfSatisfying(
            SparqlAnswer.Rows.class,
            rows -> {
              var row = rows.rows().next();
              assertThat(row.getLiteral("r").getString()).isEqualTo("Nordvik [n]ergy");
              assertThat(row.getLiteral("r").getLanguage()).isEqualTo("en");
              assertThat(row.getLiteral("m").getBoolean()).isTrue();
            });
  }

  @Test
  void valuesThatOutgrowTheLimitStopTheQueryWithAClearMessage() {
    QueryLimits limits = new QueryLimits(Duration.ofSeconds(30), 1000, 10_000, 100_000, Set.of());
    StringBuilder doubling = new StringBuilder("SELECT * { BIND('ab' AS ?v0) ");
    for (int i = 1; i <= 30; i++) {
      doubling.append("BIND(CONCAT(?v%d, ?v%d) AS ?v%d) ".formatted(i - 1, i - 1, i));
    }
    String[] growing = {
      doubling.append("}").toString(),
      "SELECT * { BIND(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("
          + "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE('ab', '.', '$0$0'), '.', '$0$0'),"
          + " '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0'),"
          + " '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0'), '.', '$0$0')"
          + " AS ?x) }",
      "SELECT (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o . ?a ?b ?c }",
      "SELECT * { ?s ?p ?o FILTER(STRLEN(CONCAT(STR(?o), '" + "x".repeat(10_000) + "')) > 0) }"
    };
    for (String query : growing) {
      assertThatThrownBy(() -> query(query, limits))
          .as(query)
          .isInstanceOf(QueryLimitException.class)
          .hasMessageContaining("characters");
    }
  }

  @Test
  void updatesMayNotLoadFilesOrFromHostsThatAreNotAllowed() {
    long before = store.articleIds().size();
    for (String update :
        new String[] {
          "LOAD <file:///etc/hostname>",
          "LOAD <" + canaryUrl() + ">",
          "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { SERVICE <"
              + canaryUrl()
              + "> { ?s ?p ?o } }"
        }) {
      assertThatThrownBy(() -> store.update(UpdateFactory.create(update), QueryLimits.DEFAULT))
          .as(update)
          .isInstanceOf(QueryRefusedException.class);
    }
    assertThat(calls).hasValue(0);
    assertThat(store.articleIds()).hasSize((int) before);
  }

  @Test
  void anUpdateRunningPastTheTimeoutIsStoppedAndWritesNothing() {
    QueryLimits limits = new QueryLimits(Duration.ofMillis(300), 100);
    long quads = store.articleGraph("nordvik-1").orElseThrow().size();

    assertThatThrownBy(
            () ->
                store.update(
                    UpdateFactory.create(
                        "INSERT { GRAPH <urn:x> { ?a ?b ?c } } WHERE { ?a ?b ?c . ?d ?e ?f ."
                            + " ?g ?h ?i . ?j ?k ?l }"),
                    limits))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage("the query ran longer than 300 ms and was stopped");
    assertThat(store.articleGraph("nordvik-1").orElseThrow().size()).isEqualTo(quads);
    assertThat(query("ASK { GRAPH <urn:x> { ?s ?p ?o } }", QueryLimits.DEFAULT))
        .isEqualTo(new SparqlAnswer.Bool(false));
  }

  @Test
  void closingTheStoreStopsARunningQueryAndClosesCleanly() throws Exception {
    QueryLimits long_ = new QueryLimits(Duration.ofMinutes(10), 100);
    CompletableFuture<Throwable> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                query(
                    "SELECT * { BIND('"
                        + BACKTRACKING_TEXT
                        + "' AS ?t) FILTER regex(?t, '"
                        + BACKTRACKING
                        + "') }",
                    long_);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    Thread.sleep(500);

    store.close();

    assertThat(running.get(1, TimeUnit.MINUTES))
        .isInstanceOf(GraphException.class)
        .hasMessage("the store was stopped while the query ran, and the query with it");
    store = Tdb2GraphStore.open(folder);
    assertThat(store.articleIds()).containsExactly("nordvik-1");
  }

  @Test
  void cancellingWhatRunsStopsARunningQueryAndLeavesTheStoreServing() throws Exception {
    QueryLimits long_ = new QueryLimits(Duration.ofMinutes(10), 100);
    String backtracking =
        "SELECT * { BIND('"
            + BACKTRACKING_TEXT
            + "' AS ?t) FILTER regex(?t, '"
            + BACKTRACKING
            + "') }";
    CompletableFuture<Throwable> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                query(backtracking, long_);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    Thread.sleep(500);

    store.cancelRunning();

    assertThat(running.get(1, TimeUnit.MINUTES)).isInstanceOf(StoreClosedException.class);
    assertThat(query("ASK { ?s ?p ?o }", QueryLimits.DEFAULT))
        .isEqualTo(new SparqlAnswer.Bool(true));
  }

  @Test
  void queriesStoppedTogetherLeaveEveryThreadAbleToReadAndTheStoreAbleToClose() throws Exception {
    for (int i = 0; i < 10; i++) {
      store.replaceArticle(Fixtures.nordvik("nordvik-copy-" + i, Fixtures.NORDVIK_TEXT));
    }
    QueryLimits limits = new QueryLimits(Duration.ofMillis(300), 100, 100_000, 1_000_000, Set.of());
    String[] stopped = {
      "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
      "SELECT (GROUP_CONCAT(?t) AS ?all) { ?a ng:text ?t . ?b ng:text ?u . ?c a ?k }"
    };
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<String>> reads = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String query = stopped[i % 2];
      reads.add(
          threads.submit(
              () -> {
                try {
                  query(query, limits);
                } catch (QueryLimitException expected) {
                  // stopped, as it should be
                }
                return store.articleIds().size() + " articles";
              }));
    }
    for (var read : reads) {
      assertThat(read.get(1, TimeUnit.MINUTES)).isEqualTo("11 articles");
    }
    threads.shutdown();

    store.close();
    store = Tdb2GraphStore.open(folder);
    assertThat(store.articleIds()).hasSize(11);
  }

  /** A class whose static initialiser would show that a query loaded it. */
  public static final class Loaded {
    static final String PROPERTY = "newsgraph.test.loaded-by-a-query";

    static {
      System.setProperty(PROPERTY, "yes");
    }
  }
}
