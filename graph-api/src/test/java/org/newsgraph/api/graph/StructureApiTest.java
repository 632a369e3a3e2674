package org.newsgraph.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.api.StructureArticles.BRENNING;
import static org.newsgraph.api.StructureArticles.DEALS;
import static org.newsgraph.api.StructureArticles.ORSUND;
import static org.newsgraph.api.StructureArticles.PROFILE;
import static org.newsgraph.api.StructureArticles.TIRSA;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.api.StructureArticles;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.NG;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Where events stand, what they cost and when facts held, over HTTP: the events of the timeline, of
 * entities, of articles and of neighbourhoods, the facts of entities and articles and the relations
 * of neighbourhoods, the JSON-LD of an article, and the README's SPARQL example; on two hand-built
 * articles ({@link StructureArticles}).
 */
class StructureApiTest extends ServerTest {

  /** The sentence in the README just above the example query that this test runs. */
  private static final String README_EXAMPLE = "Announced acquisitions of more than a billion";

  @Autowired GraphStore store;

  @BeforeEach
  void storeTheArticles() {
    StructureArticles.store(store);
  }

  @AfterEach
  void removeThem() {
    StructureArticles.remove(store);
  }

  @Test
  void theTimelineGivesEachEventsStatusAmountAndEffectiveDateAndLeavesOutWhatIsNotGiven()
      throws Exception {
    Map<String, JsonNode> events =
        byTrigger(json(get("/api/events?participant=" + ORSUND + "&limit=500", null)).get("items"));

    JsonNode tirsa = events.get("agreed to buy Tirsa Optics");
    assertThat(tirsa.get("status").asString()).isEqualTo("announced");
    assertThat(tirsa.get("amount").get("value").decimalValue())
        .isEqualByComparingTo(new BigDecimal("1200000000"));
    assertThat(tirsa.get("amount").get("currency").asString()).isEqualTo("USD");
    assertThat(tirsa.get("amount").get("text").asString()).isEqualTo("$1.2 billion");
    assertThat(tirsa.get("effectiveDate").asString()).isEqualTo("2025-06");
    JsonNode pellow = events.get("completed its purchase Pellow Labs");
    assertThat(pellow.get("status").asString()).isEqualTo("completed");
    assertThat(pellow.has("effectiveDate")).isFalse();
    JsonNode conference = events.get("press conference");
    assertThat(conference.has("status")).isFalse();
    assertThat(conference.has("amount")).isFalse();
    assertThat(conference.has("effectiveDate")).isFalse();
  }

  @Test
  void entityArticleAndNeighbourhoodViewsGiveTheEventsTheirStructureToo() throws Exception {
    JsonNode ofEntity = json(get("/api/entities/" + TIRSA, null)).get("events");
    JsonNode ofArticle = json(get("/api/articles/" + DEALS, null)).get("events");
    JsonNode around =
        json(get("/api/entities/" + TIRSA + "/neighbourhood?events=true&limit=50", null))
            .get("events");

    for (JsonNode events : List.of(ofEntity, ofArticle, around)) {
      JsonNode deal = byTrigger(events).get("agreed to buy Tirsa Optics");
      assertThat(deal).as("the Tirsa Optics deal among %s", events).isNotNull();
      assertThat(deal.get("status").asString()).isEqualTo("announced");
      assertThat(deal.get("amount").get("text").asString()).isEqualTo("$1.2 billion");
    }
  }

  @Test
  void aFactStatedByTwoArticlesIsFormerByTheLaterOneAndShowsEachSourcesTime() throws Exception {
    JsonNode heads =
        FactsApiTest.fact(json(get("/api/entities/" + BRENNING, null)).get("facts"), "heads");

    assertThat(heads.get("former").asBoolean()).isTrue();
    assertThat(heads.get("start").asString()).isEqualTo("2019");
    assertThat(heads.get("end").asString()).isEqualTo("2024");
    Map<String, JsonNode> sources =
        heads
            .get("sources")
            .valueStream()
            .collect(
                Collectors.toMap(s -> s.get("article").get("id").asString(), Function.identity()));
    assertThat(sources.keySet()).containsExactlyInAnyOrder(DEALS, PROFILE);
    assertThat(sources.get(DEALS).get("former").asBoolean()).isTrue();
    assertThat(sources.get(DEALS).get("end").asString()).isEqualTo("2024");
    assertThat(sources.get(DEALS).has("start")).isFalse();
    assertThat(sources.get(PROFILE).has("former")).isFalse();
    assertThat(sources.get(PROFILE).get("start").asString()).isEqualTo("2019");
    // The profile alone states the fact as current, from 2019.
    JsonNode inProfile =
        FactsApiTest.fact(json(get("/api/articles/" + PROFILE, null)).get("facts"), "heads");
    assertThat(inProfile.has("former")).isFalse();
    assertThat(inProfile.get("start").asString()).isEqualTo("2019");
    assertThat(inProfile.has("end")).isFalse();
  }

  @Test
  void aNeighbourhoodsRelationsCarryTheirTimeAndThoseWithoutOneLeaveItOut() throws Exception {
    JsonNode edges =
        json(get("/api/entities/" + TIRSA + "/neighbourhood?limit=50", null)).get("edges");

    JsonNode heads = edge(edges, "heads");
    assertThat(heads.get("source").asString()).isEqualTo(BRENNING);
    assertThat(heads.get("former").asBoolean()).isTrue();
    assertThat(heads.get("start").asString()).isEqualTo("2019");
    assertThat(heads.get("end").asString()).isEqualTo("2024");
    JsonNode competes = edge(edges, "competesWith");
    assertThat(competes.has("former")).isFalse();
    assertThat(competes.has("start")).isFalse();
    assertThat(competes.has("end")).isFalse();
  }

  @Test
  void theArticlesJsonLdHoldsTheStatusTheAmountAndTheFactsTime() throws Exception {
    Model graph = linkedData("/api/articles/" + DEALS);

    List<Resource> announced = graph.listSubjectsWithProperty(NG.status, NG.Announced).toList();
    assertThat(announced).hasSize(2);
    List<RDFNode> values =
        graph.listObjectsOfProperty(NG.amountValue).toList().stream()
            .filter(v -> v.asLiteral().getDatatypeURI().equals(XSDDatatype.XSDdecimal.getURI()))
            .toList();
    assertThat(values.stream().map(v -> new BigDecimal(v.asLiteral().getLexicalForm())))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrder(
            new BigDecimal("1.2E9"), new BigDecimal("2E9"), new BigDecimal("4E8"));
    Literal effective = graph.listObjectsOfProperty(NG.effectiveDate).next().asLiteral();
    assertThat(effective.getDatatypeURI()).isEqualTo(XSDDatatype.XSDgYearMonth.getURI());
    Resource assertion = graph.listSubjectsWithProperty(RDF.predicate, NG.heads).next();
    assertThat(assertion.getProperty(NG.former).getBoolean()).isTrue();
    assertThat(assertion.getProperty(NG.endDate).getLiteral().getDatatypeURI())
        .isEqualTo(XSDDatatype.XSDgYear.getURI());
  }

  @Test
  void anEntitysJsonLdTellsWhichOfItsFactsArePastAndLeavesUndatedAssertionsOut() throws Exception {
    Model graph = linkedData("/api/entities/" + TIRSA);

    List<Resource> assertions = graph.listSubjectsWithProperty(RDF.type, NG.Assertion).toList();
    // Both articles' assertions that Oda Brenning heads Tirsa Optics give a time; the rivalry's
    // gives none.
    assertThat(assertions).hasSize(2);
    for (Resource assertion : assertions) {
      assertThat(assertion.getPropertyResourceValue(RDF.predicate)).isEqualTo(NG.heads);
    }
    assertThat(graph.listSubjectsWithProperty(NG.former).toList())
        .singleElement()
        .satisfies(a -> assertThat(a.getProperty(NG.endDate).getString()).isEqualTo("2024"));
  }

  @Test
  void theReadmesExampleFindsTheAnnouncedAcquisitionsOfMoreThanABillionDollars() throws Exception {
    String query = readmeExample();
    JsonNode answer =
        json(
            get(
                "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json"));

    List<JsonNode> rows = answer.get("results").get("bindings").valueStream().toList();
    List<String> bought = rows.stream().map(r -> r.get("bought").get("value").asString()).toList();
    // Announced and over a billion dollars: Tirsa Optics; Pellow Labs was completed, and Sello
    // Foods cost 400 million euros. The sample corpus may add deals of its own.
    assertThat(bought).contains("Tirsa Optics").doesNotContain("Pellow Labs", "Sello Foods");
    for (JsonNode row : rows) {
      assertThat(new BigDecimal(row.get("value").get("value").asString()))
          .isGreaterThan(new BigDecimal("1000000000"));
    }
    JsonNode tirsa =
        rows.stream()
            .filter(r -> r.get("bought").get("value").asString().equals("Tirsa Optics"))
            .findFirst()
            .orElseThrow();
    assertThat(tirsa.get("buyer").get("value").asString()).isEqualTo("Orsund Marine");
    assertThat(tirsa.get("amount").get("value").asString()).isEqualTo("$1.2 billion");
  }

  /** The answer at the path as JSON-LD, read into a model. */
  private Model linkedData(String path) throws Exception {
    Model graph = ModelFactory.createDefaultModel();
    RDFParser.fromString(get(path, "application/ld+json").body(), Lang.JSONLD).parse(graph);
    return graph;
  }

  /** The first SPARQL block of the README after the sentence that introduces the example. */
  private static String readmeExample() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf(README_EXAMPLE);
    assertThat(at).as("the README introduces the example with \"%s\"", README_EXAMPLE).isPositive();
    int start = readme.indexOf("```sparql\n", at) + "```sparql\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  /** The events by their trigger, and the target's name for an acquisition (two share one). */
  private static Map<String, JsonNode> byTrigger(JsonNode events) {
    return events
        .valueStream()
        .filter(e -> e.get("evidence").get("article").get("id").asString().equals(DEALS))
        .collect(Collectors.toMap(StructureApiTest::triggerKey, Function.identity()));
  }

  private static String triggerKey(JsonNode event) {
    String trigger = event.get("trigger").asString();
    for (JsonNode participant : event.get("participants")) {
      JsonNode role = participant.get("role");
      if (role != null && role.isString() && role.asString().equals("target")) {
        return trigger + " " + participant.get("name").asString();
      }
    }
    return trigger;
  }

  private static JsonNode edge(JsonNode edges, String relation) {
    List<JsonNode> found =
        edges.valueStream().filter(e -> e.get("relation").asString().equals(relation)).toList();
    assertThat(found).as("the %s relations among %s", relation, edges).hasSize(1);
    return found.get(0);
  }
}
