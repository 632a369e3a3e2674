package org.newsgraph.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.Amount;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * One deal that two articles report (agreed in January, blocked in June) is one event with two
 * reports in every listing, and a deal of the same buyer with another target stays apart; over
 * HTTP, on hand-built articles whose names no sample article uses.
 */
class StorylineApiTest extends ServerTest {

  private static final String AGREED = "storyline-agreed";
  private static final String BLOCKED = "storyline-blocked";
  private static final String HALDEN = "organization/halden-freight";
  private static final String MORAVO = "organization/moravo-logistics";

  private static final Entity HALDEN_FREIGHT =
      Entity.named(EntityType.ORGANIZATION, "Halden Freight");
  private static final Entity MORAVO_LOGISTICS =
      Entity.named(EntityType.ORGANIZATION, "Moravo Logistics");
  private static final Entity KESTA_PORTS = Entity.named(EntityType.ORGANIZATION, "Kesta Ports");

  @Autowired GraphStore store;

  @BeforeEach
  void storeTheArticles() {
    String agreed =
        "Halden Freight agreed to buy Moravo Logistics for $900 million. Halden Freight also"
            + " bought Kesta Ports.";
    store.replaceArticle(
        article(
            AGREED,
            agreed,
            LocalDate.of(2026, 1, 13),
            List.of(
                deal(agreed, MORAVO_LOGISTICS, "agreed to buy", "2026-01-12")
                    .withStructure(
                        EventStatus.ANNOUNCED,
                        new Amount(new BigDecimal("900000000"), "USD", "$900 million"),
                        null),
                deal(agreed, KESTA_PORTS, "bought", "2026-01-12")
                    .withStructure(EventStatus.COMPLETED, null, null))));
    String blocked = "Regulators blocked the takeover of Moravo Logistics by Halden Freight.";
    store.replaceArticle(
        article(
            BLOCKED,
            blocked,
            LocalDate.of(2026, 6, 18),
            List.of(
                deal(blocked, MORAVO_LOGISTICS, "takeover", "2026-06-17")
                    .withStructure(EventStatus.BLOCKED, null, null))));
  }

  @AfterEach
  void removeThem() {
    store.deleteArticle(AGREED);
    store.deleteArticle(BLOCKED);
  }

  @Test
  void theTimelineListsTheDealOnceWithEachArticlesReport() throws Exception {
    List<JsonNode> deals = withTarget(haldensEvents(), "Moravo Logistics");

    assertThat(deals).hasSize(1);
    JsonNode deal = deals.get(0);
    assertThat(deal.get("storyline").asString()).startsWith("https://newsgraph.org/id/storyline/");
    assertThat(deal.get("date").asString()).isEqualTo("2026-01-12");
    assertThat(deal.get("status").asString()).as("the latest report's").isEqualTo("blocked");
    assertThat(deal.get("amount").get("value").decimalValue())
        .isEqualByComparingTo(new BigDecimal("900000000"));
    List<JsonNode> reports =
        StreamSupport.stream(deal.get("reports").spliterator(), false).toList();
    assertThat(reports)
        .extracting(r -> r.get("evidence").get("article").get("id").asString())
        .containsExactly(AGREED, BLOCKED);
    assertThat(reports)
        .extracting(r -> r.get("status").asString())
        .containsExactly("announced", "blocked");
  }

  @Test
  void anotherDealOfTheSameBuyerStaysApartAndHasNoReports() throws Exception {
    List<JsonNode> kesta = withTarget(haldensEvents(), "Kesta Ports");

    assertThat(kesta).hasSize(1);
    assertThat(kesta.get(0).get("status").asString()).isEqualTo("completed");
    assertThat(kesta.get(0).has("reports")).isFalse();
    assertThat(kesta.get(0).get("storyline").asString())
        .isNotEqualTo(
            withTarget(
                    json(get("/api/events?participant=" + HALDEN + "&limit=100", null))
                        .get("items"),
                    "Moravo Logistics")
                .get(0)
                .get("storyline")
                .asString());
  }

  @Test
  void theEntityPageAndTheNeighbourhoodShowTheDealOnceAndEachArticleItsOwnReport()
      throws Exception {
    JsonNode ofEntity = json(get("/api/entities/" + MORAVO, null)).get("events");
    JsonNode around =
        json(get("/api/entities/" + MORAVO + "/neighbourhood?events=true&limit=50", null))
            .get("events");
    JsonNode agreed = json(get("/api/articles/" + AGREED, null)).get("events");
    JsonNode blocked = json(get("/api/articles/" + BLOCKED, null)).get("events");

    assertThat(withTarget(ofEntity, "Moravo Logistics")).hasSize(1);
    assertThat(withTarget(around, "Moravo Logistics")).hasSize(1);
    JsonNode first = withTarget(agreed, "Moravo Logistics").get(0);
    JsonNode second = withTarget(blocked, "Moravo Logistics").get(0);
    assertThat(first.get("status").asString()).isEqualTo("announced");
    assertThat(second.get("status").asString()).isEqualTo("blocked");
    assertThat(first.get("storyline")).isEqualTo(second.get("storyline"));
  }

  private JsonNode haldensEvents() throws Exception {
    return json(get("/api/events?participant=" + HALDEN + "&limit=100", null)).get("items");
  }

  private static List<JsonNode> withTarget(JsonNode events, String target) {
    return StreamSupport.stream(events.spliterator(), false)
        .filter(
            e ->
                StreamSupport.stream(e.get("participants").spliterator(), false)
                    .anyMatch(
                        p ->
                            p.get("name").asString().equals(target)
                                && "target".equals(p.path("role").asString(null))))
        .toList();
  }

  private static Extraction article(
      String id, String text, LocalDate published, List<Event> events) {
    return new Extraction(
        new Article(id, text, "Halden Freight's deals", null, published),
        List.of(HALDEN_FREIGHT, MORAVO_LOGISTICS, KESTA_PORTS),
        List.of(),
        events,
        List.of());
  }

  private static Event deal(String text, Entity target, String trigger, String date) {
    int start = text.indexOf(trigger);
    int sentenceEnd = text.indexOf('.', start) + 1;
    int sentenceStart = text.lastIndexOf(". ", start) < 0 ? 0 : text.lastIndexOf(". ", start) + 2;
    return new Event(
        EventType.ACQUISITION,
        date,
        null,
        List.of(new Participant(HALDEN_FREIGHT, "acquirer"), new Participant(target, "target")),
        new Mention(trigger, start, start + trigger.length()),
        new Evidence(
            text.substring(sentenceStart, sentenceEnd), sentenceStart, sentenceEnd, "test", 0.9));
  }
}
