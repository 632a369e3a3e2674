package org.newsgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An article in, a fact with its source sentence out, over real HTTP. */
class EndToEndTest extends ServerTest {

  private static final String ARTICLE =
      "{\"id\": \"marlow-appoints\", \"title\": \"Marlow Freight picks a new chief\","
          + " \"published\": \"2025-09-16\", \"url\": \"https://news.example.org/marlow\","
          + " \"text\": \"Imogen Achterberg, the chief executive of Marlow Freight, told investors on"
          + " Monday that the shipping company would add six vessels. Achterberg joined the company"
          + " from a rival in 2022.\"}";

  @Test
  void anIngestedChiefExecutiveIsFoundOverSparqlWithTheSourceSentence() throws Exception {
    HttpResponse<String> posted = post("application/json", ARTICLE);

    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location")).contains("/api/articles/marlow-appoints");
    List<QuerySolution> rows =
        select(
            "SELECT ?name ?company ?sentence ?article WHERE {"
                + " ?person ng:heads ?org ; rdfs:label ?name . ?org rdfs:label ?company ."
                + " ?fact rdf:subject ?person ; rdf:predicate ng:heads ; rdf:object ?org ;"
                + "       ng:sentence ?sentence ; ng:sourceArticle ?article ."
                + " FILTER(?article = <https://newsgraph.org/id/article/marlow-appoints>) }");
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
    post("text/plain", "Tove Lund runs Skarholm Ferries.", "?id=skarholm");
    assertThat(count("?a a ng:Article FILTER(?a = <https://newsgraph.org/id/article/skarholm>)"))
        .isEqualTo(1);

    HttpResponse<String> deleted = delete("/api/articles/skarholm");
    HttpResponse<String> again = delete("/api/articles/skarholm");

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
    return write("/api/articles" + query, contentType, body);
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path)).header("X-API-Key", API_KEY).DELETE());
  }

  private long tripleCount() {
    return count("?s ?p ?o");
  }
}
