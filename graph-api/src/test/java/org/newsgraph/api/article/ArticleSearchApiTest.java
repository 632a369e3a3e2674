package org.newsgraph.api.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.api.FactArticles.FIRST;
import static org.newsgraph.api.FactArticles.SECOND;
import static org.newsgraph.api.FactArticles.SECOND_TEXT;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.FactArticles;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Searching the articles' text over HTTP, on a TDB2 store that holds two articles. */
class ArticleSearchApiTest extends ServerTest {

  @Autowired GraphStore store;

  @BeforeEach
  void twoArticles() {
    FactArticles.store(store);
  }

  @AfterEach
  void removeThem() {
    FactArticles.remove(store);
  }

  private HttpResponse<String> search(String q, String more) throws Exception {
    return get("/api/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, null);
  }

  @Test
  void aWordNoEntityCarriesIsFoundInTheTextWithItsPassage() throws Exception {
    // "grew fast" names no entity: the name search has nothing, the text search the article.
    assertThat(json(get("/api/entities?q=grew+fast", null)).get("items")).isEmpty();

    HttpResponse<String> response = search("Grew FAST", "");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode items = json(response).get("items");
    assertThat(items).hasSize(1);
    JsonNode hit = items.get(0);
    assertThat(hit.get("article").get("id").asString()).isEqualTo(SECOND);
    assertThat(hit.get("score").asDouble()).isPositive();
    int start = hit.get("start").asInt();
    String passage = hit.get("passage").asString();
    assertThat(SECOND_TEXT.substring(start, start + passage.length())).isEqualTo(passage);
    assertThat(SECOND_TEXT.substring(hit.get("matchStart").asInt(), hit.get("matchEnd").asInt()))
        .isEqualTo("grew");
  }

  @Test
  void theArticlesMatchingAreListedInPages() throws Exception {
    JsonNode all = json(search("vantorq riv", ""));
    List<String> ids =
        all.get("items").valueStream().map(i -> i.get("article").get("id").asString()).toList();
    assertThat(ids).containsExactlyInAnyOrder(FIRST, SECOND);

    JsonNode first = json(search("vantorq riv", "&limit=1"));
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("next").asString()).contains("offset=1");
    JsonNode second = json(search("vantorq riv", "&limit=1&offset=1"));
    assertThat(second.get("items")).hasSize(1);
    assertThat(
            List.of(
                first.get("items").get(0).get("article").get("id").asString(),
                second.get("items").get(0).get("article").get("id").asString()))
        .containsExactlyElementsOf(ids);
  }

  @Test
  void luceneSyntaxInTheSearchIsReadAsWords() throws Exception {
    for (String q :
        List.of(
            "grew) fast",
            "(grew) [fast]",
            "grew\" fast",
            "grew:fast",
            "fast~ grew",
            "+grew -fast",
            "grew fast*")) {
      JsonNode items = json(search(q, "")).get("items");
      assertThat(items.valueStream().map(i -> i.get("article").get("id").asString()))
          .as(q)
          .containsExactly(SECOND);
    }
  }

  @Test
  void theSearchIsDescribedInTheOpenApiBesideTheList() throws Exception {
    JsonNode get =
        json(get("/v3/api-docs", "application/json")).get("paths").get("/api/articles").get("get");

    assertThat(get.get("parameters").valueStream().map(p -> p.get("name").asString()))
        .contains("q", "limit", "offset");
  }

  @Test
  void badSearchesAreRefusedNamingTheProblem() throws Exception {
    assertProblem(search("", ""), "q must hold a word to find");
    assertProblem(search("*) ~", ""), "q must hold a word to find");
    assertProblem(search("a".repeat(201), ""), "200 characters long at most, not 201");
    assertProblem(search("grew", "&limit=0"), "limit must be between 1 and 100, not 0");
    assertProblem(search("grew", "&offset=-1"), "offset must be between 0 and 10000, not -1");
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("detail").asString()).contains(detail);
  }
}
