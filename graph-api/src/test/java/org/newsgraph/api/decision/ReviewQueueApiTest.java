package org.newsgraph.api.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The analysts' review queues over HTTP, on the sample corpus plus hand-built articles: the facts
 * without a verdict, least confident first and, among equals, those whose entities take part in the
 * most facts first; and the pairs that may be one entity, those touching the most facts first, for
 * one entity when asked. Both are paged, answered items leave them, and bad parameters are refused
 * as problems.
 */
class ReviewQueueApiTest extends ServerTest {

  private static final Entity ODILE = Entity.named(EntityType.PERSON, "Odile Parvane");
  private static final Entity WENNA = Entity.named(EntityType.PERSON, "Wenna Haskor");
  private static final Entity KESTREL = Entity.named(EntityType.ORGANIZATION, "Kestrel Vornix");
  private static final Entity TALMERE = Entity.named(EntityType.ORGANIZATION, "Talmere Groupe");
  private static final Entity QUORRA = Entity.named(EntityType.ORGANIZATION, "Quorra Feldane");
  private static final Entity AMBERLON = Entity.named(EntityType.ORGANIZATION, "Amberlon Tessik");
  private static final Entity BRYNDLE = Entity.named(EntityType.ORGANIZATION, "Bryndle Corvane");
  private static final Entity ORLAN = Entity.named(EntityType.PERSON, "Orlan Mistrade");
  private static final Entity PELLA = Entity.named(EntityType.PERSON, "Pella Mistrade");
  private static final Entity MISTRADE = Entity.named(EntityType.PERSON, "Mistrade");

  private static final List<String> ARTICLES =
      List.of("review-1", "review-2", "review-3", "review-4");

  @Autowired GraphStore store;

  /** A fact as a hand-built article's sentence states it. */
  private record Said(Relation relation, Entity subject, Entity object, double confidence) {}

  /** An article of one sentence a fact, naming these entities besides the facts' ends. */
  private static Extraction article(String id, List<Entity> named, Said... said) {
    StringBuilder text = new StringBuilder("A report.");
    Set<Entity> entities = new LinkedHashSet<>(named);
    List<Fact> facts = new ArrayList<>();
    for (Said s : said) {
      int start = text.length() + 1;
      String sentence = s.subject().name() + " and " + s.object().name() + " are linked.";
      text.append(' ').append(sentence);
      int objectStart = start + s.subject().name().length() + 5;
      facts.add(
          Fact.between(
              s.relation(),
              s.subject(),
              new Mention(s.subject().name(), start, start + s.subject().name().length()),
              s.object(),
              new Mention(s.object().name(), objectStart, objectStart + s.object().name().length()),
              new Evidence(sentence, start, start + sentence.length(), "test", s.confidence())));
      entities.add(s.subject());
      entities.add(s.object());
    }
    return new Extraction(
        new Article(id, text.toString(), "About " + id, null, null),
        List.copyOf(entities),
        facts,
        List.of(),
        List.of());
  }

  @BeforeEach
  void storeTheArticles() {
    // Kestrel Vornix takes part in three facts, Quorra Feldane in two, the others in one; the
    // rivalry of Amberlon and Bryndle would come first among equals by name, not by reach.
    store.replaceArticle(
        article(
            "review-1",
            List.of(),
            new Said(Relation.HEADS, ODILE, KESTREL, 0.5),
            new Said(Relation.COMPETES_WITH, KESTREL, TALMERE, 0.5),
            new Said(Relation.COMPETES_WITH, KESTREL, QUORRA, 0.4)));
    store.replaceArticle(
        article(
            "review-2",
            List.of(),
            new Said(Relation.HEADS, ODILE, KESTREL, 0.3),
            new Said(Relation.HEADS, WENNA, QUORRA, 0.5),
            new Said(Relation.COMPETES_WITH, AMBERLON, BRYNDLE, 0.5)));
    // A lone surname that two full names share: two pairs for review, Orlan's touching two facts.
    store.replaceArticle(
        article(
            "review-3",
            List.of(PELLA),
            new Said(Relation.HEADS, ORLAN, TALMERE, 0.95),
            new Said(Relation.HEADS, ORLAN, QUORRA, 0.95)));
    store.replaceArticle(article("review-4", List.of(MISTRADE)));
  }

  @AfterEach
  void removeThem() {
    store.decisions().forEach(d -> store.undoDecision(d.id()));
    ARTICLES.forEach(store::deleteArticle);
  }

  private List<JsonNode> items(String path) throws Exception {
    HttpResponse<String> answer = get(path, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).get("items").valueStream().toList();
  }

  /** A waiting fact as "subject relation object", by the ids of its ends, or its value. */
  private static String said(JsonNode item) {
    JsonNode fact = item.get("fact");
    JsonNode object = fact.get("object");
    return fact.get("subject").get("id").asString()
        + " "
        + fact.get("relation").asString()
        + " "
        + (object == null || object.isNull()
            ? fact.get("value").asString()
            : object.get("id").asString());
  }

  /** The hand-built facts among the waiting ones, in the queue's order. */
  private static List<String> mine(List<JsonNode> items) {
    return items.stream()
        .map(ReviewQueueApiTest::said)
        .filter(
            s ->
                s.contains("person/odile-parvane")
                    || s.contains("person/wenna-haskor")
                    || s.contains("organization/kestrel-vornix")
                    || s.contains("organization/amberlon-tessik"))
        .toList();
  }

  @Test
  void factsWaitLeastConfidentFirstThenByHowManyFactsTheirEntitiesTouch() throws Exception {
    List<JsonNode> queue = items("/api/decisions/facts?limit=500");

    assertThat(mine(queue))
        .containsExactly(
            "organization/kestrel-vornix competesWith organization/quorra-feldane",
            "organization/kestrel-vornix competesWith organization/talmere-groupe",
            "person/odile-parvane heads organization/kestrel-vornix",
            "person/wenna-haskor heads organization/quorra-feldane",
            "organization/amberlon-tessik competesWith organization/bryndle-corvane");
    // The whole queue, the sample corpus's facts too, keeps the order.
    for (int i = 1; i < queue.size(); i++) {
      double before = queue.get(i - 1).get("fact").get("confidence").asDouble();
      double now = queue.get(i).get("fact").get("confidence").asDouble();
      assertThat(now).isGreaterThanOrEqualTo(before);
      if (now == before) {
        assertThat(queue.get(i).get("facts").asInt())
            .isLessThanOrEqualTo(queue.get(i - 1).get("facts").asInt());
      }
    }
    JsonNode heads =
        queue.stream().filter(i -> said(i).startsWith("person/odile-parvane")).findFirst().get();
    assertThat(heads.get("facts").asInt()).isEqualTo(3);
    assertThat(heads.get("fact").get("confidence").asDouble()).isEqualTo(0.5);
    assertThat(heads.get("fact").get("articles").asInt()).isEqualTo(2);
    assertThat(heads.get("fact").get("sources").valueStream().map(s -> s.get("confidence")))
        .extracting(JsonNode::asDouble)
        .containsExactly(0.5, 0.3);
  }

  @Test
  void factsOfOneRelationAreListedAlone() throws Exception {
    List<JsonNode> heads = items("/api/decisions/facts?limit=500&relation=heads");

    assertThat(heads)
        .isNotEmpty()
        .allMatch(i -> i.get("fact").get("relation").asString().equals("heads"));
    assertThat(mine(heads))
        .containsExactly(
            "person/odile-parvane heads organization/kestrel-vornix",
            "person/wenna-haskor heads organization/quorra-feldane");
  }

  @Test
  void aFactConfirmedOrRejectedLeavesTheQueue() throws Exception {
    assertThat(
            write(
                    "/api/decisions",
                    "application/json",
                    "{\"kind\": \"confirm-fact\", \"entity\": \"organization/quorra-feldane\","
                        + " \"relation\": \"competesWith\", \"other\":"
                        + " \"organization/kestrel-vornix\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            write(
                    "/api/decisions",
                    "application/json",
                    "{\"kind\": \"reject-fact\", \"entity\": \"person/wenna-haskor\","
                        + " \"relation\": \"heads\", \"other\": \"organization/quorra-feldane\"}")
                .statusCode())
        .isEqualTo(201);

    assertThat(mine(items("/api/decisions/facts?limit=500")))
        .containsExactly(
            "organization/kestrel-vornix competesWith organization/talmere-groupe",
            "person/odile-parvane heads organization/kestrel-vornix",
            "organization/amberlon-tessik competesWith organization/bryndle-corvane");
  }

  @Test
  void pagesOfTheFactsFollowOneAnother() throws Exception {
    List<String> whole = items("/api/decisions/facts?limit=6").stream().map(i -> said(i)).toList();
    HttpResponse<String> first = get("/api/decisions/facts?limit=3", null);
    String next = json(first).get("next").asString();

    assertThat(next).contains("offset=3").contains("limit=3");
    List<String> pages = new ArrayList<>();
    json(first).get("items").forEach(i -> pages.add(said(i)));
    items(next.substring(next.indexOf("/api/"))).forEach(i -> pages.add(said(i)));
    assertThat(pages).isEqualTo(whole).hasSize(6);
  }

  @Test
  void pairsWaitMostFactsFirstAndForOneEntityWhenAsked() throws Exception {
    List<JsonNode> all = items("/api/decisions/candidates?limit=500");
    List<String> order =
        all.stream()
            .filter(p -> p.get("first").get("id").asString().contains("mistrade"))
            .map(p -> p.get("second").get("id").asString() + " " + p.get("facts").asLong())
            .toList();

    assertThat(order).containsExactly("person/orlan-mistrade 2", "person/pella-mistrade 0");
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).get("facts").asLong())
          .isLessThanOrEqualTo(all.get(i - 1).get("facts").asLong());
    }
    List<JsonNode> pella = items("/api/decisions/candidates?entity=person/pella-mistrade");
    assertThat(pella)
        .extracting(
            p -> p.get("first").get("id").asString() + " " + p.get("second").get("id").asString())
        .containsExactly("person/mistrade person/pella-mistrade");
    assertThat(items("/api/decisions/candidates?entity=person/mistrade"))
        .extracting(p -> p.get("second").get("id").asString())
        .containsExactly("person/orlan-mistrade", "person/pella-mistrade");
    assertThat(items("/api/decisions/candidates?entity=organization/kestrel-vornix")).isEmpty();
  }

  @Test
  void aPairAnsweredLeavesTheQueueAndPagesFollowOneAnother() throws Exception {
    HttpResponse<String> first =
        get("/api/decisions/candidates?entity=person/mistrade&limit=1", null);
    JsonNode page = json(first);
    assertThat(page.get("items")).hasSize(1);
    String next = page.get("next").asString();
    assertThat(next).contains("entity=person/mistrade").contains("offset=1");
    assertThat(items(next.substring(next.indexOf("/api/"))))
        .extracting(p -> p.get("second").get("id").asString())
        .containsExactly("person/pella-mistrade");

    assertThat(
            write(
                    "/api/decisions",
                    "application/json",
                    "{\"kind\": \"not-same\", \"entity\": \"person/mistrade\", \"other\":"
                        + " \"person/pella-mistrade\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(items("/api/decisions/candidates?entity=person/mistrade"))
        .extracting(p -> p.get("second").get("id").asString())
        .containsExactly("person/orlan-mistrade");
  }

  @Test
  void badParametersAreRefusedAsProblems() throws Exception {
    assertProblem("/api/decisions/facts?relation=likes", 400, "relation must be one of");
    assertProblem("/api/decisions/facts?limit=0", 400, "limit must be between 1 and 500");
    assertProblem("/api/decisions/facts?offset=-1", 400, "offset must be between");
    assertProblem("/api/decisions/candidates?entity=nobody", 400, "entity must be an entity id");
    assertProblem(
        "/api/decisions/candidates?entity=person/nobody-at-all",
        404,
        "no entity person/nobody-at-all");
    assertProblem("/api/decisions/candidates?limit=501", 400, "limit must be between 1 and 500");
  }

  private void assertProblem(String path, int status, String detail) throws Exception {
    HttpResponse<String> answer = get(path, null);
    assertThat(answer.statusCode()).as(path).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(answer).get("detail").asString()).contains(detail);
  }
}
