package org.newsgraph.api.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Identity over HTTP: a merged entity's id keeps answering by sending its readers on, the kept
 * entity shows what its members say, and analysts' decisions go in, take effect, are refused with
 * the reason when they contradict the graph, and come out again.
 */
class DecisionsApiTest extends ServerTest {

  @Autowired GraphStore store;

  private static Extraction article(String id, Entity... entities) {
    return new Extraction(
        new Article(id, "An article about " + entities[0].name() + ".", null, null, null),
        List.of(entities),
        List.of(),
        List.of(),
        List.of());
  }

  @BeforeEach
  void twoArticlesNameOnePersonTwoWays() {
    store.replaceArticle(
        article(
            "decisions-1",
            Entity.named(EntityType.PERSON, "Tomasz Quillfeather"),
            Entity.named(EntityType.ORGANIZATION, "Quillon Systems")));
    store.replaceArticle(
        article(
            "decisions-2",
            Entity.named(EntityType.PERSON, "Quillfeather"),
            Entity.named(EntityType.ORGANIZATION, "Quillon Systems Inc.")));
  }

  @AfterEach
  void removeThem() {
    store.decisions().forEach(d -> store.undoDecision(d.id()));
    store.deleteArticle("decisions-1");
    store.deleteArticle("decisions-2");
  }

  @Test
  void aMergedIdSendsItsReadersToTheEntityKept() throws Exception {
    HttpResponse<String> merged = get("/api/entities/person/quillfeather", "application/json");
    HttpResponse<String> kept = get("/api/entities/person/tomasz-quillfeather", "application/json");

    assertThat(merged.statusCode()).isEqualTo(308);
    assertThat(merged.headers().firstValue("Location"))
        .hasValue("/api/entities/person/tomasz-quillfeather");
    assertThat(kept.statusCode()).isEqualTo(200);
    JsonNode entity = json(kept);
    assertThat(entity.get("aliases").toString()).contains("Quillfeather", "Tomasz Quillfeather");
    assertThat(entity.get("sameAs").toString()).contains("/entity/person/quillfeather");
    assertThat(entity.get("articles")).hasSize(2);
    // The company's two names are one key: one entity, whatever the legal form.
    assertThat(get("/api/entities/organization/quillon-systems", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aDecisionTakesEffectAtOnceAndIsUndone() throws Exception {
    HttpResponse<String> apart =
        decide(
            "{\"kind\": \"not-same\", \"entity\": \"person/quillfeather\","
                + " \"other\": \"person/tomasz-quillfeather\", \"reason\": \"another Quillfeather\"}");

    assertThat(apart.statusCode()).as(apart.body()).isEqualTo(201);
    JsonNode decision = json(apart);
    assertThat(decision.get("by").asString()).isNotBlank();
    assertThat(decision.get("reason").asString()).isEqualTo("another Quillfeather");
    assertThat(get("/api/entities/person/quillfeather", null).statusCode()).isEqualTo(200);
    assertThat(json(get("/api/decisions", null))).hasSize(1);

    HttpResponse<String> undone =
        send(
            HttpRequest.newBuilder(
                    URI.create(base() + apart.headers().firstValue("Location").orElseThrow()))
                .header("X-API-Key", API_KEY)
                .DELETE());

    assertThat(undone.statusCode()).isEqualTo(204);
    assertThat(get("/api/entities/person/quillfeather", null).statusCode()).isEqualTo(308);
  }

  @Test
  void aRenameShowsEverywhereTheEntityIsNamed() throws Exception {
    HttpResponse<String> renamed =
        decide(
            "{\"kind\": \"rename\", \"entity\": \"organization/quillon-systems\","
                + " \"name\": \"Quillon Systems Ltd\"}");

    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
    assertThat(
            json(get("/api/entities/organization/quillon-systems", null))
                .get("entity")
                .get("name")
                .asString())
        .isEqualTo("Quillon Systems Ltd");
  }

  @Test
  void aDecisionThatContradictsTheGraphIsRefusedWithItsReasonAndChangesNothing() throws Exception {
    HttpResponse<String> acrossKinds =
        decide(
            "{\"kind\": \"merge\", \"entity\": \"person/tomasz-quillfeather\","
                + " \"other\": \"organization/quillon-systems\"}");
    HttpResponse<String> unknown =
        decide(
            "{\"kind\": \"merge\", \"entity\": \"person/nobody-at-all\","
                + " \"other\": \"person/tomasz-quillfeather\"}");
    HttpResponse<String> badKind =
        decide("{\"kind\": \"explode\", \"entity\": \"person/tomasz-quillfeather\"}");
    HttpResponse<String> anonymous =
        post(
            "/api/decisions",
            "application/json",
            "{\"kind\": \"rename\", \"entity\": \"person/tomasz-quillfeather\", \"name\": \"X\"}",
            Map.of());

    assertThat(acrossKinds.statusCode()).isEqualTo(409);
    assertThat(acrossKinds.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(acrossKinds).get("detail").asString())
        .contains("cannot merge the Person \"Tomasz Quillfeather\" into the Organization");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(badKind.statusCode()).isEqualTo(400);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> oversized =
        decide(
            "{\"kind\": \"rename\", \"entity\": \"person/tomasz-quillfeather\", \"name\": \""
                + "x".repeat(100_000)
                + "\"}");
    HttpResponse<String> malformed = decide("{\"kind\": ");
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).get("title").asString()).isEqualTo("Malformed JSON");
    assertThat(json(get("/api/decisions", null))).isEmpty();
  }

  @Test
  void pairsTheRulesCouldNotSettleWaitForReview() throws Exception {
    store.replaceArticle(
        article("decisions-3", Entity.named(EntityType.PERSON, "Marta Quillfeather")));
    try {
      HttpResponse<String> queue = get("/api/decisions/candidates", null);

      assertThat(queue.statusCode()).isEqualTo(200);
      assertThat(queue.body()).contains("person/quillfeather", "person/marta-quillfeather");
      assertThat(get("/api/entities/person/quillfeather", null).statusCode()).isEqualTo(200);
    } finally {
      store.deleteArticle("decisions-3");
    }
  }

  @Test
  void aLinkedEntityIsServedByItsWikipediaTitleWhateverTheArticlesCallIt() throws Exception {
    store.replaceArticle(
        article(
            "decisions-4",
            Entity.named(EntityType.ORGANIZATION, "QSG").withLink("Quillon_Systems_Group")));
    try {
      HttpResponse<String> linked = get("/api/entities/wiki/quillon-systems-group", null);

      assertThat(linked.statusCode()).isEqualTo(200);
      JsonNode entity = json(linked);
      assertThat(entity.get("entity").get("name").asString()).isEqualTo("Quillon Systems Group");
      assertThat(entity.get("entity").get("type").asString()).isEqualTo("Organization");
      assertThat(entity.get("sameAs").toString())
          .contains(
              "http://dbpedia.org/resource/Quillon_Systems_Group",
              "https://en.wikipedia.org/wiki/Quillon_Systems_Group");
    } finally {
      store.deleteArticle("decisions-4");
    }
  }

  private HttpResponse<String> decide(String body) throws Exception {
    return write("/api/decisions", "application/json", body);
  }
}
