package org.newsgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.api.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The server on a random port over a fresh TDB2 folder, driven by real HTTP clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndToEndTest {

  private static final String PREFIXES =
      "PREFIX ng: <https://newsgraph.org/ontology#>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  private static final String ARTICLE =
      "{\"id\": \"marlow-appoints\", \"title\": \"Marlow Freight picks a new chief\","
          + " \"published\": \"2025-09-16\", \"url\": \"https://news.example.org/marlow\","
          + " \"text\": \"Imogen Achterberg, the chief executive of Marlow Freight, told investors on"
          + " Monday that the shipping company would add six vessels. Achterberg joined the company"
          + " from a rival in 2022.\"}";

  @TempDir static Path store;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("newsgraph.store.path", () -> store.toString());
  }

  @LocalServerPort int port;

  @Autowired IngestService ingest;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anIngestedChiefExecutiveIsFoundOverSparqlWithTheSourceSentence() throws Exception {
    ingest.loadPipeline();

    HttpResponse<String> posted = post("application/json", ARTICLE);

    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location")).contains("/api/articles/marlow-appoints");
    List<QuerySolution> rows =
        select(
            "SELECT ?name ?company ?sentence ?article WHERE {"
                + " ?person ng:heads ?org ; rdfs:label ?name . ?org rdfs:label ?company ."
                + " ?fact rdf:subject ?person ; rdf:predicate ng:heads ; rdf:object ?org ;"
                + "       ng:sentence ?sentence ; ng:sourceArticle ?article }");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getLiteral("name").getString()).isEqualTo("Imogen Achterberg");
    assertThat(rows.get(0).getLiteral("company").getString()).isEqualTo("Marlow Freight");
    assertThat(rows.get(0).getLiteral("sentence").getString())
        .startsWith("Imogen Achterberg, the chief executive of Marlow Freight, told investors");
    assertThat(rows.get(0).getResource("article").getURI())
        .isEqualTo("https://newsgraph.org/id/article/marlow-appoints");
  }

  @Test
  void deletingAnArticleRemovesItsGraphAndAnUnknownIdIsNotFound() throws Exception {
    ingest.loadPipeline();
    post("text/plain", "Tove Lund runs Skarholm Ferries.", "?id=skarholm");
    assertThat(count("?a a ng:Article FILTER(?a = <https://newsgraph.org/id/article/skarholm>)"))
        .isEqualTo(1);

    HttpResponse<String> deleted =
        send(HttpRequest.newBuilder(URI.create(base() + "/api/articles/skarholm")).DELETE());
    HttpResponse<String> again =
        send(HttpRequest.newBuilder(URI.create(base() + "/api/articles/skarholm")).DELETE());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(count("?s ?p \"Tove Lund\"")).isZero();
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(JsonMapper.shared().readTree(again.body()).get("detail").asString())
        .isEqualTo("no article with id \"skarholm\" is stored");
  }

  @Test
  void malformedJsonIsRefusedWithAProblemAndTheStoreIsUnchanged() throws Exception {
    long before = tripleCount();

    HttpResponse<String> posted = post("application/json", "{\"id\": \"broken\", \"text\": ");

    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(posted.body()).contains("malformed JSON").doesNotContain("at org.");
    assertThat(tripleCount()).isEqualTo(before);
  }

  @Test
  void emptyTextIsRefusedAndTheStoreIsUnchanged() throws Exception {
    long before = tripleCount();

    HttpResponse<String> posted = post("application/json", "{\"id\": \"blank\", \"text\": \"  \"}");

    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.body()).contains("article blank: text is empty");
    assertThat(tripleCount()).isEqualTo(before);
  }

  @Test
  void theSparqlEndpointRefusesUpdates() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/sparql"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP ALL")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("read-only");
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    return post(contentType, body, "");
  }

  private HttpResponse<String> post(String contentType, String body, String query)
      throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base() + "/api/articles" + query))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<QuerySolution> select(String query) {
    try (QueryExecutionHTTP execution =
        QueryExecutionHTTP.service(base() + "/sparql").query(PREFIXES + query).build()) {
      ResultSet results = execution.execSelect();
      List<QuerySolution> rows = new ArrayList<>();
      results.forEachRemaining(rows::add);
      return rows;
    }
  }

  private long tripleCount() {
    return count("?s ?p ?o");
  }

  private long count(String pattern) {
    return select("SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }")
        .get(0)
        .getLiteral("n")
        .getLong();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
