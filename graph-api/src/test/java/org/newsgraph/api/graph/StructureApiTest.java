package org.newsgraph.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.api.StructureArticles.BRENNING;
import static org.newsgraph.api.StructureArticles.DEALS;
import static org.newsgraph.api.StructureArticles.ORSUND;
import static org.newsgraph.api.StructureArticles.PROFILE;
import static org.newsgraph.api.StructureArticles.TIRSA;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.api.StructureArticles;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.EventRole;
import org.newsgraph.ontology.NG;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Where events stand, what they cost and when facts held, over HTTP: the events of the timeline, of
 * entities, of articles and of neighbourhoods, the facts of entities and articles and the relations
 * of neighbourhoods, the JSON-LD of an article, of the timeline and of a search (whose pages follow
 * one another by their Link headers), and the README's SPARQL example; on two hand-built articles
 * ({@link StructureArticles}).
 */
class StructureApiTest extends ServerTest {

  private static final String ORSUNDS_EVENTS = "/api/events?participant=" + ORSUND;

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
  void theJsonLdOfAPageHoldsWhatItsJsonSaysOfEachEvent() throws Exception {
    JsonNode events = json(get(ORSUNDS_EVENTS + "&limit=500", null)).get("items");
    HttpResponse<String> answer = get(ORSUNDS_EVENTS + "&limit=500", "application/ld+json");
    Model graph = parsed(answer);

    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
    assertThat(answer.headers().firstValue("Link")).isEmpty();
    assertThat(events.size()).as("the deals article's events").isGreaterThanOrEqualTo(4);
    for (JsonNode event : events) {
      Resource node = graph.getResource(event.get("iri").asString());
      assertThat(node.hasProperty(RDF.type, NG.Event)).as(event.toString()).isTrue();
      assertThat(
              node.hasProperty(RDF.type, graph.getResource(NG.NS + event.get("type").asString())))
          .as(event.toString())
          .isTrue();
      assertThat(node.getProperty(NG.trigger).getString())
          .isEqualTo(event.get("trigger").asString());
      if (event.hasNonNull("date")) {
        assertThat(node.getProperty(NG.date).getLiteral().getLexicalForm())
            .isEqualTo(event.get("date").asString());
      }
      for (JsonNode participant : event.get("participants")) {
        Resource entity = graph.getResource(participant.get("iri").asString());
        assertThat(node.hasProperty(NG.participant, entity)).isTrue();
        assertThat(entity.getProperty(RDFS.label).getString())
            .isEqualTo(participant.get("name").asString());
        if (participant.hasNonNull("role")) {
          assertThat(
                  node.hasProperty(
                      EventRole.ofRole(participant.get("role").asString()).orElseThrow().property(),
                      entity))
              .as("%s as %s", participant.get("name"), participant.get("role"))
              .isTrue();
        }
      }
      if (event.hasNonNull("status")) {
        assertThat(node.getPropertyResourceValue(NG.status).getLocalName())
            .isEqualToIgnoringCase(event.get("status").asString());
      } else {
        assertThat(node.hasProperty(NG.status)).isFalse();
      }
      if (event.hasNonNull("amount")) {
        Resource amount = node.getPropertyResourceValue(NG.amount);
        assertThat(new BigDecimal(amount.getProperty(NG.amountValue).getLiteral().getLexicalForm()))
            .isEqualByComparingTo(event.get("amount").get("value").decimalValue());
        assertThat(amount.getProperty(NG.currency).getString())
            .isEqualTo(event.get("amount").get("currency").asString());
      } else {
        assertThat(node.hasProperty(NG.amount)).isFalse();
      }
      JsonNode evidence = event.get("evidence");
      assertThat(node.getProperty(NG.sentence).getString())
          .isEqualTo(evidence.get("sentence").asString());
      Resource article = node.getPropertyResourceValue(NG.sourceArticle);
      assertThat(article.getProperty(NG.title).getString())
          .isEqualTo(evidence.get("article").get("title").asString());
    }
    // The status is one of the ontology's individuals, and the deals article has announced deals.
    assertThat(graph.listSubjectsWithProperty(NG.status, NG.Announced).toList()).isNotEmpty();
    // The sentence is what an event rests on; the article's whole text is not exported with it.
    assertThat(
            graph.listStatements(null, NG.text, (org.apache.jena.rdf.model.RDFNode) null).toList())
        .isEmpty();
    assertThat(graph.listSubjectsWithProperty(NG.sourceArticle).toList())
        .allSatisfy(
            e -> assertThat(e.getPropertyResourceValue(NG.sourceArticle).getURI()).endsWith(DEALS));
  }

  @Test
  void thePagesFollowOneAnotherByTheirLinkAndTogetherHoldEveryEvent() throws Exception {
    JsonNode events = json(get(ORSUNDS_EVENTS + "&limit=500", null)).get("items");
    List<String> found = new ArrayList<>();
    String next = ORSUNDS_EVENTS + "&limit=1";
    int pages = 0;
    while (next != null && pages++ <= events.size()) {
      HttpResponse<String> answer = get(next, "application/ld+json");
      assertThat(answer.statusCode()).isEqualTo(200);
      parsed(answer)
          .listSubjectsWithProperty(RDF.type, NG.Event)
          .forEach(event -> found.add(event.getURI()));
      next =
          answer
              .headers()
              .firstValue("Link")
              .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
              .map(link -> link.substring(link.indexOf("/api/")))
              .orElse(null);
      if (next != null) {
        assertThat(answer.headers().firstValue("Link").orElseThrow()).endsWith("rel=\"next\"");
      }
    }

    assertThat(next).as("the last page links to none").isNull();
    assertThat(found)
        .containsExactlyInAnyOrderElementsOf(
            events.valueStream().map(e -> e.get("iri").asString()).toList());
  }

  @Test
  void theJsonLdOfASearchGivesEachEntitysTypeAndNameAndLinksToTheNextPage() throws Exception {
    String search = "/api/entities?q=" + java.net.URLEncoder.encode("Tirsa", "UTF-8");
    JsonNode matches = json(get(search + "&limit=200", null)).get("items");
    HttpResponse<String> whole = get(search + "&limit=200", "application/ld+json");
    HttpResponse<String> first = get(search + "&limit=1", "application/ld+json");
    Model graph = parsed(whole);

    assertThat(matches.valueStream().map(m -> m.get("entity").get("id").asString()))
        .contains(TIRSA);
    for (JsonNode match : matches) {
      JsonNode entity = match.get("entity");
      Resource node = graph.getResource(entity.get("iri").asString());
      assertThat(node.getProperty(RDFS.label).getString()).isEqualTo(entity.get("name").asString());
      assertThat(
              node.hasProperty(RDF.type, graph.getResource(NG.NS + entity.get("type").asString())))
          .as(entity.toString())
          .isTrue();
    }
    assertThat(graph.listSubjectsWithProperty(RDFS.label).toList()).hasSize(matches.size());
    assertThat(whole.headers().firstValue("Link")).isEmpty();
    assertThat(first.headers().firstValue("Link"))
        .hasValueSatisfying(link -> assertThat(link).contains("offset=1").endsWith("rel=\"next\""));
    assertThat(parsed(first).listSubjectsWithProperty(RDFS.label).toList()).hasSize(1);
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
    return parsed(get(path, "application/ld+json"));
  }

  /** A JSON-LD answer, read into a model. */
  private static Model parsed(HttpResponse<String> answer) {
    Model graph = ModelFactory.createDefaultModel();
    RDFParser.fromString(answer.body(), Lang.JSONLD).parse(graph);
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
