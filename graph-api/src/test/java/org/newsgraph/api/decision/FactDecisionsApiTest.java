package org.newsgraph.api.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.api.FactArticles.BRISELA;
import static org.newsgraph.api.FactArticles.FIRST;
import static org.newsgraph.api.FactArticles.FIRST_TEXT;
import static org.newsgraph.api.FactArticles.VANTORQ;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.FactArticles;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Confirming and rejecting a fact over HTTP: a rejected fact is gone from the entity and article
 * views, the neighbourhood and SPARQL's default graph, stays gone when its article is ingested
 * again, and comes back when the rejection is undone; a confirmed one says who confirmed it and
 * when; a request about no stored fact, or a malformed one, changes nothing.
 */
class FactDecisionsApiTest extends ServerTest {

  private static final String ENTITY = "https://newsgraph.org/id/entity/";
  private static final String TRIPLE =
      "<" + ENTITY + VANTORQ + "> ng:competesWith <" + ENTITY + BRISELA + ">";

  @Autowired GraphStore store;

  @BeforeEach
  void twoArticlesStateOneFactThreeTimes() {
    FactArticles.store(store);
  }

  @AfterEach
  void removeThem() {
    FactArticles.remove(store);
  }

  /** A decision about a fact as JSON; the object and reason are left out where null. */
  private static String fact(
      String kind, String subject, String relation, String object, String reason) {
    return "{\"kind\": \""
        + kind
        + "\", \"entity\": \""
        + subject
        + "\", \"relation\": \""
        + relation
        + "\""
        + (object == null ? "" : ", \"other\": \"" + object + "\"")
        + (reason == null ? "" : ", \"reason\": \"" + reason + "\"")
        + "}";
  }

  private HttpResponse<String> decide(String body) throws Exception {
    return write("/api/decisions", "application/json", body);
  }

  private List<String> relationsOf(String path) throws Exception {
    return json(get(path, null))
        .get("facts")
        .valueStream()
        .map(f -> f.get("relation").asString())
        .toList();
  }

  private List<String> neighbourhoodRelations() throws Exception {
    return json(get("/api/entities/" + VANTORQ + "/neighbourhood", null))
        .get("edges")
        .valueStream()
        .map(e -> e.get("relation").asString())
        .toList();
  }

  private long assertions() {
    return count(
        "?a a ng:Assertion ; rdf:predicate ng:competesWith ; ng:sourceArticle ?g"
            + " FILTER(?g IN (<https://newsgraph.org/id/article/facts-first>,"
            + " <https://newsgraph.org/id/article/facts-second>))");
  }

  /** How many sources of competesWith facts {@code /api/stats} counts, in the whole store. */
  private long competesWithInStats() throws Exception {
    JsonNode count = json(get("/api/stats", null)).get("facts").get("competesWith");
    return count == null ? 0 : count.asLong();
  }

  @Test
  void aRejectedFactIsHiddenEverywhereStaysHiddenOnReingestAndComesBackWhenUndone()
      throws Exception {
    assertThat(neighbourhoodRelations()).contains("competesWith");
    long counted = competesWithInStats();
    // Named the other way round from the first sentence: a symmetric fact either way is one.
    HttpResponse<String> rejected =
        decide(fact("reject-fact", BRISELA, "competesWith", VANTORQ, "they make different things"));

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(201);
    JsonNode decision = json(rejected);
    assertThat(decision.get("kind").asString()).isEqualTo("reject-fact");
    assertThat(decision.get("relation").asString()).isEqualTo("competesWith");
    assertThat(List.of(decision.get("entity").asString(), decision.get("other").asString()))
        .containsExactlyInAnyOrder(VANTORQ, BRISELA);
    assertThat(decision.get("reason").asString()).isEqualTo("they make different things");
    assertThat(relationsOf("/api/entities/" + VANTORQ)).containsExactly("heads");
    assertThat(relationsOf("/api/entities/" + BRISELA)).isEmpty();
    assertThat(relationsOf("/api/articles/" + FIRST)).containsExactly("heads");
    assertThat(neighbourhoodRelations()).doesNotContain("competesWith").contains("heads");
    assertThat(count(TRIPLE)).isZero();
    assertThat(assertions()).isEqualTo(3);
    assertThat(competesWithInStats()).isEqualTo(counted - assertions());
    assertThat(json(get("/api/decisions", null)))
        .extracting(d -> d.get("kind").asString())
        .containsExactly("reject-fact");

    store.replaceArticle(FactArticles.article(FIRST, FIRST_TEXT, 0.8, 0.6, 0.7));
    assertThat(count(TRIPLE)).isZero();
    assertThat(relationsOf("/api/entities/" + VANTORQ)).containsExactly("heads");

    HttpResponse<String> undone =
        send(
            HttpRequest.newBuilder(
                    URI.create(base() + rejected.headers().firstValue("Location").orElseThrow()))
                .header("X-API-Key", API_KEY)
                .DELETE());

    assertThat(undone.statusCode()).isEqualTo(204);
    assertThat(count(TRIPLE)).isEqualTo(1);
    assertThat(relationsOf("/api/entities/" + VANTORQ)).contains("competesWith", "heads");
    assertThat(neighbourhoodRelations()).contains("competesWith");
    assertThat(competesWithInStats()).isEqualTo(counted);
    assertThat(json(get("/api/decisions", null))).isEmpty();
  }

  @Test
  void aConfirmedFactSaysWhoConfirmedItAndWhen() throws Exception {
    HttpResponse<String> confirmed =
        decide(fact("confirm-fact", VANTORQ, "competesWith", BRISELA, null));

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    JsonNode decision = json(confirmed);
    JsonNode review = json(get("/api/entities/" + BRISELA, null)).get("facts").get(0).get("review");
    assertThat(review.get("verdict").asString()).isEqualTo("confirmed");
    assertThat(review.get("by").asString()).isNotBlank().isEqualTo(decision.get("by").asString());
    assertThat(review.get("at").asString()).isEqualTo(decision.get("at").asString());
    assertThat(review.get("decision").asString()).isEqualTo(decision.get("id").asString());
    assertThat(count(TRIPLE)).isEqualTo(1);
  }

  @Test
  void aRequestAboutNoStoredFactOrAMalformedOneIsRefusedAndChangesNothing() throws Exception {
    long quads = count("GRAPH ?g { ?s ?p ?o }");
    HttpResponse<String> unknown = decide(fact("reject-fact", VANTORQ, "acquired", BRISELA, null));
    HttpResponse<String> noSuchRelation =
        decide(fact("reject-fact", VANTORQ, "admires", BRISELA, null));
    HttpResponse<String> noObject =
        decide(fact("reject-fact", VANTORQ, "competesWith", null, null));
    HttpResponse<String> dateAsEntity =
        decide(fact("reject-fact", VANTORQ, "foundedOn", BRISELA, null));
    HttpResponse<String> anonymous =
        post(
            "/api/decisions",
            "application/json",
            fact("reject-fact", VANTORQ, "competesWith", BRISELA, null),
            Map.of());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(unknown).get("detail").asString())
        .contains("no stored article states the fact <" + ENTITY + VANTORQ + ">");
    assertThat(noSuchRelation.statusCode()).isEqualTo(400);
    assertThat(json(noSuchRelation).get("detail").asString()).contains("not \"admires\"");
    assertThat(noObject.statusCode()).isEqualTo(400);
    assertThat(json(noObject).get("detail").asString()).contains("other must be an entity id");
    assertThat(dateAsEntity.statusCode()).isEqualTo(400);
    assertThat(json(dateAsEntity).get("detail").asString())
        .contains("foundedOn has a date as its value");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(get("/api/decisions", null))).isEmpty();
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(quads);
  }
}
