package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.Article;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.read.ArticleReader;
import org.newsgraph.ontology.IriMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills a server with SIGKILL in the middle of a batch ingest, at several points, and restarts it
 * on the same store: every article of the batch must be either wholly there (its graph exactly as a
 * clean ingest writes it, its names in the search index) or wholly absent; the store must open
 * without repair; and the resubmitted batch must complete with nothing twice. The reference is the
 * same batch ingested in this process into a store of its own.
 */
class CrashSafetyTest extends ServerTest {

  /** Each article of a batch in a transaction of its own, so that a kill can fall between two. */
  private static final String ONE_AT_A_TIME = "--newsgraph.ingest.articles-per-transaction=1";

  private static final String[][] COMPANIES = {
    {"Arden Robotics", "Leeds", "maker of farm robots", "Corin Aldous", "Brightfield Automation"},
    {"Bexley Foods", "Cork", "frozen food company", "Maeve Doyle", "Larchmont Kitchens"},
    {"Calder Freight", "Rotterdam", "shipping company", "Joost Verhagen", "Nordstrand Lines"},
    {"Dunmore Energy", "Calgary", "solar developer", "Priya Raman", "Westwind Power"},
    {"Elstow Media", "Manchester", "podcast studio", "Tobias Grant", "Harbourlight Audio"},
    {"Fenwick Bio", "Basel", "biotech startup", "Lena Vogt", "Ostrava Therapeutics"},
    {"Garrow Textiles", "Porto", "clothing maker", "Rui Carvalho", "Minho Fabrics"},
    {"Halden Motors", "Oslo", "electric van maker", "Ingrid Solberg", "Fjordline Vehicles"},
    {"Irvine Optics", "Glasgow", "lens manufacturer", "Callum Reid", "Clydebank Photonics"},
    {"Jarrow Games", "Montreal", "video game studio", "Amelie Roy", "Saint-Laurent Interactive"}
  };

  @TempDir Path store;
  @TempDir Path reference;

  @Test
  void aServerKilledMidBatchLeavesEachArticleWhollyThereOrAbsent() throws Exception {
    List<Article> batch = batch();
    Map<String, Long> expected = referenceCounts(batch);
    String body = ArticleReader.jsonLines(batch);
    List<String> report = new ArrayList<>();

    for (int killAfter : new int[] {1, 4, 7}) {
      try (ServerProcess server = ServerProcess.start(store, ONE_AT_A_TIME)) {
        if (killAfter == 1) {
          assertThatThrownBy(() -> Tdb2GraphStore.open(store))
              .isInstanceOf(GraphException.class)
              .hasMessageContaining("in use by another process");
          assertThat(String.join("\n", server.startupOutput())).doesNotContain(ServerProcess.KEY);
        }
        report.add(checkWholeOrAbsent(server, batch, expected));
        server.awaitIngestReady();
        String job = submit(server, body);
        waitUntilDone(server, job, killAfter);
        server.kill();
        report.add("killed after " + killAfter + " stored");
      }
    }
    try (ServerProcess server = ServerProcess.start(store, ONE_AT_A_TIME)) {
      report.add(checkWholeOrAbsent(server, batch, expected));
      server.awaitIngestReady();
      waitUntilDone(server, submit(server, body), batch.size());
      String last = checkWholeOrAbsent(server, batch, expected);

      report.add("resubmitted: " + last);
      assertThat(last).isEqualTo(batch.size() + " whole, 0 absent");
      assertThat(count(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))
          .isEqualTo(referenceCount("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
      assertThat(count(server, "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a ng:Article }"))
          .isEqualTo(batch.size());
    }
    System.out.println("Crash safety: " + String.join("; ", report));
  }

  /** Checks every article of the batch; returns how many are whole and how many absent. */
  private String checkWholeOrAbsent(
      ServerProcess server, List<Article> batch, Map<String, Long> expected) throws Exception {
    int whole = 0;
    int absent = 0;
    for (Article article : batch) {
      String graph = IriMinter.article(article.id()).getURI();
      long triples =
          count(server, "SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }");
      if (triples == 0) {
        absent++;
        continue;
      }
      assertThat(triples)
          .as(article.id() + " is partly there")
          .isEqualTo(expected.get(article.id()));
      for (String name : names(article)) {
        JsonNode hits = search(server, name);
        assertThat(hits.valueStream().map(h -> h.get("entity").get("name").asString()))
            .as(name + " of " + article.id() + " is in the name index")
            .contains(name);
      }
      whole++;
    }
    return whole + " whole, " + absent + " absent";
  }

  private Map<String, Long> referenceCounts(List<Article> batch) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Tdb2GraphStore clean = Tdb2GraphStore.open(reference)) {
      for (Article article : batch) {
        clean.replaceArticle(extractor.extract(article));
      }
      for (Article article : batch) {
        counts.put(
            article.id(),
            countIn(
                clean,
                "SELECT (COUNT(*) AS ?n) { GRAPH <"
                    + IriMinter.article(article.id()).getURI()
                    + "> { ?s ?p ?o } }"));
      }
    }
    return counts;
  }

  private long referenceCount(String query) {
    try (Tdb2GraphStore clean = Tdb2GraphStore.open(reference)) {
      return countIn(clean, query);
    }
  }

  private static long countIn(Tdb2GraphStore graph, String query) {
    SparqlAnswer.Rows rows =
        (SparqlAnswer.Rows)
            graph.query(
                org.apache.jena.query.QueryFactory.create(PREFIXES + query), QueryLimits.DEFAULT);
    rows.rows().reset();
    return rows.rows().next().getLiteral("n").getLong();
  }

  private static long count(ServerProcess server, String query) {
    try (QueryExecutionHTTP execution =
        QueryExecutionHTTP.service(server.base() + "/sparql").query(PREFIXES + query).build()) {
      QuerySolution row = execution.execSelect().next();
      return row.getLiteral("n").getLong();
    }
  }

  private static List<String> names(Article article) {
    for (String[] company : COMPANIES) {
      if (article.id().equals(Article.idFrom(company[0]).toLowerCase())) {
        return List.of(company[0], company[3]);
      }
    }
    throw new IllegalArgumentException(article.id());
  }

  private JsonNode search(ServerProcess server, String name) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.base()
                            + "/api/entities?q="
                            + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JsonMapper.shared().readTree(answer.body()).get("items");
  }

  private String submit(ServerProcess server, String body) throws Exception {
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/articles"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-API-Key", ServerProcess.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return accepted.headers().firstValue("Location").orElseThrow();
  }

  private void waitUntilDone(ServerProcess server, String job, int articles) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int polls = 0; polls < 6_000; polls++) {
      JsonNode progress =
          JsonMapper.shared()
              .readTree(
                  client
                      .send(
                          HttpRequest.newBuilder(URI.create(server.base() + job)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      assertThat(progress.get("failed").asInt()).as(progress.toString()).isZero();
      if (progress.get("done").asInt() >= articles) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the job did not store " + articles + " articles in two minutes");
  }

  private static List<Article> batch() {
    List<Article> batch = new ArrayList<>();
    for (String[] c : COMPANIES) {
      String surname = c[3].substring(c[3].lastIndexOf(' ') + 1);
      String text =
          c[0]
              + ", the "
              + c[1]
              + "-based "
              + c[2]
              + ", named "
              + c[3]
              + " as its chief executive on Monday. "
              + surname
              + " previously ran "
              + c[4]
              + ", a competitor of "
              + c[0]
              + ". \u201cWe have a lot of work to do, and the board"
              + " has given us the time to do it,\u201d "
              + surname
              + " said in a statement.";
      batch.add(
          new Article(
              Article.idFrom(c[0]).toLowerCase(),
              text,
              c[0] + " names " + c[3] + " chief executive",
              null,
              java.time.LocalDate.of(2025, 6, 10)));
    }
    return batch;
  }
}
