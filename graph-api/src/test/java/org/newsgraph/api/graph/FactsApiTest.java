package org.newsgraph.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.api.FactArticles.BRISELA;
import static org.newsgraph.api.FactArticles.FIRST;
import static org.newsgraph.api.FactArticles.FIRST_TEXT;
import static org.newsgraph.api.FactArticles.SECOND;
import static org.newsgraph.api.FactArticles.VANTORQ;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.FactArticles;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Facts over HTTP, on a TDB2 store that holds two articles stating one fact three times (twice in
 * one article, once each way round, as a symmetric relation may be): each fact is listed once, with
 * every sentence that states it.
 */
class FactsApiTest extends ServerTest {

  @Autowired GraphStore store;

  @BeforeEach
  void twoArticlesStateOneFactThreeTimes() {
    FactArticles.store(store);
  }

  @AfterEach
  void removeThem() {
    FactArticles.remove(store);
  }

  static JsonNode fact(JsonNode facts, String relation) {
    List<JsonNode> found =
        facts.valueStream().filter(f -> f.get("relation").asString().equals(relation)).toList();
    assertThat(found).as("the facts %s of %s", relation, facts).hasSizeLessThanOrEqualTo(1);
    return found.isEmpty() ? null : found.get(0);
  }

  @Test
  void anEntityListsAFactOnceWithEverySentenceThatStatesIt() throws Exception {
    JsonNode facts = json(get("/api/entities/" + VANTORQ, null)).get("facts");

    JsonNode competes = fact(facts, "competesWith");
    assertThat(competes).isNotNull();
    assertThat(
            List.of(
                competes.get("subject").get("id").asString(),
                competes.get("object").get("id").asString()))
        .containsExactlyInAnyOrder(VANTORQ, BRISELA);
    assertThat(competes.get("articles").asInt()).isEqualTo(2);
    assertThat(competes.get("confidence").asDouble()).isEqualTo(0.9);
    List<JsonNode> sources = competes.get("sources").valueStream().toList();
    assertThat(sources)
        .extracting(s -> s.get("article").get("id").asString())
        .containsExactly(SECOND, FIRST, FIRST);
    assertThat(sources)
        .extracting(s -> s.get("confidence").asDouble())
        .containsExactly(0.9, 0.8, 0.6);
    JsonNode rivals = sources.get(2);
    assertThat(rivals.get("sentence").asString())
        .isEqualTo("Brisela Systems and Vantorq Labs are rivals.");
    assertThat(
            FIRST_TEXT.substring(
                rivals.get("sentenceStart").asInt(), rivals.get("sentenceEnd").asInt()))
        .isEqualTo(rivals.get("sentence").asString());
    assertThat(rivals.get("extractor").asString()).isEqualTo("test");
    assertThat(competes.get("review").isNull()).isTrue();
    JsonNode heads = fact(facts, "heads");
    assertThat(heads.get("articles").asInt()).isEqualTo(1);
    assertThat(heads.get("sources")).hasSize(1);
    // The other end sees the same one fact.
    JsonNode other = fact(json(get("/api/entities/" + BRISELA, null)).get("facts"), "competesWith");
    assertThat(other.get("sources")).hasSize(3);
  }

  @Test
  void anArticleListsAFactItStatesTwiceOnceWithBothSentences() throws Exception {
    JsonNode facts = json(get("/api/articles/" + FIRST, null)).get("facts");

    assertThat(facts).hasSize(2);
    JsonNode competes = fact(facts, "competesWith");
    assertThat(competes.get("articles").asInt()).isEqualTo(1);
    assertThat(competes.get("sources").valueStream().map(s -> s.get("sentence").asString()))
        .containsExactly(
            "Vantorq Labs competes with Brisela Systems.",
            "Brisela Systems and Vantorq Labs are rivals.");
  }
}
