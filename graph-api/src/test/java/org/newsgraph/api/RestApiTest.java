package org.newsgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.newsgraph.ontology.NG;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over real HTTP on the sample corpus: every endpoint, its errors, its access rules
 * and attempts to inject SPARQL through its parameters. Expectations are facts that the sample
 * articles state, and are compared with what the SPARQL endpoint says of the same store.
 */
class RestApiTest extends ServerTest {

  private static final String MARIA = "person/maria-lindqvist";
  private static final String NORDVIK = "organization/nordvik-robotics";
  private static final String ENTITY = "https://newsgraph.org/id/entity/";

  @Test
  void searchFindsAPersonByFullNameByAliasAndByTheStartOfAWord() throws Exception {
    JsonNode full = json(get("/api/entities?q=" + encode("Maria Lindqvist"), null));
    JsonNode alias = json(get("/api/entities?q=Lindqvist", null));
    JsonNode prefix = json(get("/api/entities?q=Lindqv&type=Person", null));

    assertThat(full.get("items").get(0).get("entity").get("id").asString()).isEqualTo(MARIA);
    assertThat(ids(alias.get("items"))).contains(MARIA);
    assertThat(ids(prefix.get("items"))).contains(MARIA);
    assertThat(prefix.get("items").valueStream())
        .allSatisfy(
            item -> assertThat(item.get("entity").get("type").asString()).isEqualTo("Person"));
  }

  @Test
  void searchRanksTheBetterMatchFirstAndPaginates() throws Exception {
    JsonNode ranked = json(get("/api/entities?q=" + encode("Maria Lindqvist") + "&limit=5", null));
    JsonNode first = json(get("/api/entities?q=Lindqvist&limit=1", null));
    JsonNode second = json(get("/api/entities?q=Lindqvist&limit=1&offset=1", null));

    List<Double> scores = new ArrayList<>();
    ranked.get("items").forEach(item -> scores.add(item.get("score").asDouble()));
    assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("next").asString()).contains("offset=1");
    assertThat(second.get("items")).hasSize(1);
    assertThat(ids(second.get("items"))).doesNotContainAnyElementsOf(ids(first.get("items")));
  }

  @Test
  void anEntityComesWithItsFactsEventsArticlesAndTheirSources() throws Exception {
    JsonNode entity = json(get("/api/entities/" + MARIA, null));

    assertThat(entity.get("entity").get("name").asString()).isEqualTo("Maria Lindqvist");
    assertThat(entity.get("entity").get("type").asString()).isEqualTo("Person");
    assertThat(entity.get("aliases").valueStream().map(JsonNode::asString)).contains("Lindqvist");
    JsonNode heads =
        entity
            .get("facts")
            .valueStream()
            .filter(fact -> fact.get("relation").asString().equals("heads"))
            .findFirst()
            .orElseThrow();
    assertThat(heads.get("object").get("id").asString()).isEqualTo(NORDVIK);
    JsonNode evidence = heads.get("sources").get(0);
    assertThat(evidence.get("sentence").asString()).contains("Nordvik Robotics", "chief executive");
    assertThat(evidence.get("article").get("id").asString()).isEqualTo("nordvik-names-lindqvist");
    assertThat(evidence.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(entity.get("events").valueStream().map(e -> e.get("type").asString()))
        .contains("Appointment");
    assertThat(entity.get("articles").valueStream().map(a -> a.get("id").asString()))
        .contains("nordvik-names-lindqvist");
    assertThat((long) entity.get("facts").size()).isEqualTo(factsAbout(ENTITY + MARIA));
  }

  @Test
  void anEntityAsJsonLdParsesToItsTriples() throws Exception {
    HttpResponse<String> answer = get("/api/entities/" + MARIA, "application/ld+json");

    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
    Model model = parse(answer.body(), Lang.JSONLD);
    Resource maria = model.createResource(ENTITY + MARIA);
    assertThat(model.contains(maria, NG.heads, model.createResource(ENTITY + NORDVIK))).isTrue();
    assertThat(model.contains(maria, org.apache.jena.vocabulary.RDFS.label, "Maria Lindqvist"))
        .isTrue();
  }

  @Test
  void theNeighbourhoodHasTheCentreFirstAndEdgesBetweenItsNodes() throws Exception {
    JsonNode near = json(get("/api/entities/" + MARIA + "/neighbourhood?depth=2&limit=50", null));
    JsonNode cut = json(get("/api/entities/" + MARIA + "/neighbourhood?depth=2&limit=2", null));

    List<String> nodes =
        near.get("nodes").valueStream().map(n -> n.get("entity").get("id").asString()).toList();
    assertThat(nodes.get(0)).isEqualTo(MARIA);
    assertThat(nodes).contains(NORDVIK);
    assertThat(near.get("edges").valueStream())
        .isNotEmpty()
        .allSatisfy(
            edge -> {
              assertThat(nodes)
                  .contains(edge.get("source").asString(), edge.get("target").asString());
              assertThat(edge.get("relation").asString()).isNotBlank();
            });
    assertThat(near.get("nodes").valueStream().map(n -> n.get("depth").asInt()))
        .containsOnly(0, 1, 2);
    assertThat(cut.get("nodes")).hasSize(2);
    assertThat(cut.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void theNeighbourhoodBringsTheEventsOfItsEntitiesWhenAskedForThem() throws Exception {
    String tessellate = "organization/tessellate";
    String path = "/api/entities/" + tessellate + "/neighbourhood";
    JsonNode plain = json(get(path, null));
    JsonNode near = json(get(path + "?events=true", null));
    JsonNode cut = json(get(path + "?events=true&limit=1", null));

    assertThat(plain.get("events")).isEmpty();
    // What the timeline answers for each of the entities, one at a time.
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (JsonNode node : near.get("nodes")) {
      String id = node.get("entity").get("id").asString();
      json(get("/api/events?limit=500&participant=" + id, null))
          .get("items")
          .forEach(event -> expected.add(event.get("iri").asString()));
    }
    List<String> events =
        near.get("events").valueStream().map(e -> e.get("iri").asString()).toList();
    assertThat(events)
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    List<String> dates =
        near.get("events")
            .valueStream()
            .map(e -> e.get("date").isNull() ? "~undated" : e.get("date").asString())
            .toList();
    assertThat(dates).isSorted();
    assertThat(cut.get("events")).hasSize(1);
    assertThat(cut.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void pathsConnectAnEngineerToHisEmployersRival() throws Exception {
    JsonNode paths = ravisPathsToQuarrySystems();

    assertThat(paths.get("paths")).isNotEmpty();
    JsonNode shortest = paths.get("paths").get(0);
    assertThat(shortest).hasSize(2);
    assertThat(paths.get("entities").has("organization/tessellate")).isTrue();
    assertThat(shortest.valueStream().map(edge -> edge.get("relation").asString()))
        .contains("worksFor");
  }

  @Test
  void eachStepOfAPathNamesTheSentenceThatStatesIt() throws Exception {
    JsonNode paths = ravisPathsToQuarrySystems();

    assertThat(paths.get("paths")).isNotEmpty();
    for (JsonNode hop : paths.get("paths").get(0)) {
      JsonNode evidence = hop.get("evidence");
      assertThat(evidence.isObject()).as("the evidence of %s", hop).isTrue();
      String text =
          json(get("/api/articles/" + evidence.get("article").get("id").asString(), null))
              .get("text")
              .asString();
      // The sentence is the article's own text where the evidence says it is.
      assertThat(
              text.substring(
                  evidence.get("sentenceStart").asInt(), evidence.get("sentenceEnd").asInt()))
          .isEqualTo(evidence.get("sentence").asString());
    }
  }

  @Test
  void aSymmetricRelationIsOneStepWhicheverWayItIsStored() throws Exception {
    // Tessellate and Quarry Systems compete: stored both ways, the path through them is one.
    JsonNode paths = ravisPathsToQuarrySystems();

    List<List<String>> unordered = new ArrayList<>();
    for (JsonNode path : paths.get("paths")) {
      List<String> steps = new ArrayList<>();
      for (JsonNode hop : path) {
        List<String> ends =
            new ArrayList<>(List.of(hop.get("source").asString(), hop.get("target").asString()));
        Collections.sort(ends);
        steps.add(hop.get("relation").asString() + " " + ends);
      }
      unordered.add(steps);
    }
    assertThat(unordered).isNotEmpty().doesNotHaveDuplicates();
  }

  private JsonNode ravisPathsToQuarrySystems() throws Exception {
    return json(
        get("/api/paths?from=person/ravi-menon&to=organization/quarry-systems&maxLength=3", null));
  }

  @Test
  void theShortestPathsAreTheSameWhenTheirLengthIsTheLongestAllowed() throws Exception {
    // Two steps is the limit here, so the search's last step reads from the far end.
    String query = "/api/paths?from=person/ravi-menon&to=organization/quarry-systems&maxLength=";
    JsonNode atTheLimit = json(get(query + 2, null)).get("paths");
    JsonNode withRoom = json(get(query + 5, null)).get("paths");

    assertThat(atTheLimit).isNotEmpty();
    assertThat(atTheLimit.get(0)).hasSize(2);
    assertThat(atTheLimit).isEqualTo(withRoom);
  }

  @Test
  void theTimelineFiltersByTypeDateAndParticipant() throws Exception {
    JsonNode appointments =
        json(get("/api/events?type=Appointment&from=2025-01-01&to=2025-06-30", null));
    JsonNode marias = json(get("/api/events?participant=" + MARIA, null));

    assertThat(appointments.get("items").valueStream())
        .isNotEmpty()
        .allSatisfy(
            event -> {
              assertThat(event.get("type").asString()).isEqualTo("Appointment");
              assertThat(event.get("date").asString()).isBetween("2025-01-01", "2025-06-30");
            });
    List<String> dates =
        appointments.get("items").valueStream().map(e -> e.get("date").asString()).toList();
    assertThat(dates).isSorted();
    assertThat(marias.get("items").valueStream())
        .isNotEmpty()
        .allSatisfy(
            event ->
                assertThat(event.get("participants").valueStream().map(p -> p.get("id").asString()))
                    .contains(MARIA));
  }

  @Test
  void eventParticipantsCarryTheirRolesWhereverEventsAreListed() throws Exception {
    // "Alder Health agreed on Monday to acquire Brightwave Labs" (alder-buys-brightwave).
    String alder = "organization/alder-health";
    String brightwave = "organization/brightwave-labs";
    JsonNode timeline = json(get("/api/events?type=Acquisition&participant=" + alder, null));
    JsonNode page = json(get("/api/entities/" + alder, null));
    JsonNode near = json(get("/api/entities/" + alder + "/neighbourhood?events=true", null));

    JsonNode deal = timeline.get("items").get(0);
    assertThat(roles(deal)).containsEntry(alder, "acquirer").containsEntry(brightwave, "target");
    for (JsonNode listed : List.of(page.get("events"), near.get("events"))) {
      JsonNode same =
          listed
              .valueStream()
              .filter(e -> e.get("iri").asString().equals(deal.get("iri").asString()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the deal is missing from " + listed));
      assertThat(roles(same)).isEqualTo(roles(deal));
    }
    // The store says the same with the role properties.
    assertThat(
            count(
                "<"
                    + deal.get("iri").asString()
                    + "> ng:acquirer <"
                    + ENTITY
                    + alder
                    + "> ; ng:target <"
                    + ENTITY
                    + brightwave
                    + ">"))
        .isEqualTo(1);
    // The article's graph as JSON-LD holds the role triples, beside the plain participant ones.
    Model article =
        parse(
            get("/api/articles/alder-buys-brightwave", "application/ld+json").body(), Lang.JSONLD);
    Resource event = article.createResource(deal.get("iri").asString());
    assertThat(article.contains(event, NG.acquirer, article.createResource(ENTITY + alder)))
        .isTrue();
    assertThat(article.contains(event, NG.participant, article.createResource(ENTITY + alder)))
        .isTrue();
  }

  /** Each participant's entity id and its role, or "none" where it has none. */
  private static Map<String, String> roles(JsonNode event) {
    Map<String, String> roles = new java.util.TreeMap<>();
    for (JsonNode participant : event.get("participants")) {
      JsonNode role = participant.get("role");
      roles.put(participant.get("id").asString(), role.isNull() ? "none" : role.asString());
    }
    return roles;
  }

  @Test
  void articlesAreListedAndEachComesWithWhatWasExtractedFromIt() throws Exception {
    JsonNode list = json(get("/api/articles?limit=500", null));
    JsonNode article = json(get("/api/articles/kestrel-funding", null));
    HttpResponse<String> graph = get("/api/articles/kestrel-funding", "application/ld+json");

    assertThat(list.get("items").valueStream().map(a -> a.get("id").asString()))
        .contains("kestrel-funding", "nordvik-names-lindqvist");
    assertThat(article.get("text").asString()).startsWith("Kestrel Dynamics, a Denver-based");
    assertThat(article.get("article").get("published").asString()).isEqualTo("2025-04-10");
    assertThat(article.get("entities").valueStream().map(e -> e.get("name").asString()))
        .contains("Kestrel Dynamics", "Harbor Peak Ventures");
    assertThat(article.get("events").valueStream().map(e -> e.get("type").asString()))
        .contains("FundingRound");
    Model model = parse(graph.body(), Lang.JSONLD);
    assertThat(model.size())
        .isEqualTo(count("GRAPH <https://newsgraph.org/id/article/kestrel-funding> { ?s ?p ?o }"));
  }

  @Test
  void statsCountWhatTheStoreHolds() throws Exception {
    JsonNode stats = json(get("/api/stats", null));

    assertThat(stats.get("articles").asLong()).isEqualTo(count("?a a ng:Article"));
    assertThat(stats.get("entities").get("Person").asLong())
        .isEqualTo(count("SELECT DISTINCT ?p WHERE { ?p a ng:Person }", "p"));
    assertThat(stats.get("facts").get("heads").asLong())
        .isEqualTo(count("?f rdf:predicate ng:heads"));
    assertThat(stats.get("events").get("FundingRound").asLong())
        .isEqualTo(count("SELECT DISTINCT ?e WHERE { ?e a ng:FundingRound }", "e"));
  }

  @Test
  void eventsListNewestFirstWhenAskedAndUndatedOnesStillLast() throws Exception {
    List<String> oldest = eventDates(get("/api/events?limit=500", null));
    List<String> newest = eventDates(get("/api/events?limit=500&order=newest", null));

    int dated = newest.indexOf(null) < 0 ? newest.size() : newest.indexOf(null);
    assertThat(dated).isGreaterThan(1);
    assertThat(newest.subList(dated, newest.size())).containsOnlyNulls();
    List<String> oldestDated = new ArrayList<>(oldest.subList(0, dated));
    Collections.reverse(oldestDated);
    assertThat(newest.subList(0, dated)).isEqualTo(oldestDated);
    assertThat(newest.get(0)).isGreaterThan(newest.get(dated - 1));
    HttpResponse<String> refused = get("/api/events?order=sideways", null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("detail").asString())
        .isEqualTo("order must be oldest or newest, not sideways");
  }

  /** The events' dates in the order listed, null for an undated event. */
  private static List<String> eventDates(HttpResponse<String> answer) {
    List<String> dates = new ArrayList<>();
    json(answer)
        .get("items")
        .forEach(
            event -> {
              JsonNode date = event.get("date");
              dates.add(date == null || date.isNull() ? null : date.asString());
            });
    return dates;
  }

  @Test
  void errorsAreProblemDetailsWithTheRightStatusAndNoStackTrace() throws Exception {
    Map<String, HttpResponse<String>> answers =
        Map.of(
            "404 unknown entity", get("/api/entities/person/nobody-at-all", null),
            "404 unknown article", get("/api/articles/no-such-article", null),
            "404 unknown job", get("/api/jobs/no-such-job", null),
            "400 limit", get("/api/entities?q=a&limit=0", null),
            "400 type", get("/api/entities?q=a&type=Planet", null),
            "400 date", get("/api/events?from=yesterday", null),
            "400 depth", get("/api/entities/" + MARIA + "/neighbourhood?depth=9", null),
            "400 missing q", get("/api/entities", null),
            "406", get("/api/entities?q=maria", "text/csv"),
            "415", write("/api/articles", "application/xml", "<article/>"));

    answers.forEach(
        (expected, answer) -> {
          assertThat(answer.statusCode())
              .as(expected)
              .isEqualTo(Integer.parseInt(expected.substring(0, 3)));
          assertThat(answer.headers().firstValue("Content-Type"))
              .as(expected)
              .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
          JsonNode problem = json(answer);
          assertThat(problem.get("status").asInt()).as(expected).isEqualTo(answer.statusCode());
          assertThat(problem.get("detail").asString()).as(expected).isNotBlank();
          assertThat(answer.body()).as(expected).doesNotContain("at org.", "at java.", "Exception");
        });
  }

  @Test
  void anArticleOverTheSizeLimitIsRefusedWith413AndNothingIsStored() throws Exception {
    String text = "Asta Moen runs Fjellby Buses. ".repeat(3_000);

    HttpResponse<String> answer = write("/api/articles?id=too-big", "text/plain", text);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(json(answer).get("detail").asString()).contains("64 KB");
    assertThat(get("/api/articles/too-big", null).statusCode()).isEqualTo(404);
  }

  @Test
  void writesNeedAValidKeyOrUserAndReadsDoNot() throws Exception {
    String body = "{\"id\": \"auth-check\", \"text\": \"Asta Moen runs Fjellby Buses.\"}";
    String basic =
        Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));
    String wrongPassword =
        Base64.getEncoder().encodeToString("editor:guess".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> anonymous = post("/api/articles", "application/json", body, Map.of());
    HttpResponse<String> wrongKey =
        post("/api/articles", "application/json", body, Map.of("X-API-Key", "not-the-key"));
    HttpResponse<String> badUser =
        post(
            "/api/articles",
            "application/json",
            body,
            Map.of("Authorization", "Basic " + wrongPassword));
    HttpResponse<String> anonymousDelete =
        send(HttpRequest.newBuilder(URI.create(base() + "/api/articles/kestrel-funding")).DELETE());
    boolean storedBeforeTheWriter = get("/api/articles/auth-check", null).statusCode() == 200;
    HttpResponse<String> user =
        post("/api/articles", "application/json", body, Map.of("Authorization", "Basic " + basic));
    HttpResponse<String> bearer =
        post(
            "/api/articles",
            "application/json",
            body,
            Map.of("Authorization", "Bearer " + API_KEY));

    for (HttpResponse<String> refused : List.of(anonymous, wrongKey, badUser, anonymousDelete)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(json(refused).get("detail").asString()).containsAnyOf("credentials", "API key");
      assertThat(refused.body()).doesNotContain(API_KEY, "s3cret");
    }
    assertThat(storedBeforeTheWriter).isFalse();
    assertThat(get("/api/articles/kestrel-funding", null).statusCode()).isEqualTo(200);
    assertThat(user.statusCode()).isEqualTo(201);
    assertThat(bearer.statusCode()).isEqualTo(201);
  }

  @Test
  void aJsonLinesBatchRunsAsAJobWhoseProgressCanBeFollowed() throws Exception {
    String batch =
        "{\"id\": \"batch-one\", \"text\": \"Ines Duarte is the chief executive of Lumo Foods.\"}\n"
            + "{\"id\": \"batch-two\", \"text\": \"Lumo Foods competes with Vireo Snacks.\"}\n";

    HttpResponse<String> accepted = write("/api/articles", "application/x-ndjson", batch);

    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    JsonNode job = json(accepted);
    for (int polls = 0; polls < 600 && !job.get("state").asString().equals("DONE"); polls++) {
      Thread.sleep(100);
      job = json(get(location, null));
    }
    assertThat(job.get("state").asString()).isEqualTo("DONE");
    assertThat(job.get("total").asInt()).isEqualTo(2);
    assertThat(job.get("done").asInt()).isEqualTo(2);
    assertThat(job.get("failed").asInt()).isZero();
    assertThat(get("/api/articles/batch-two", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aBatchCanBeCancelledByAWriterAndStopsBeforeItsNextArticle() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      batch.append(
          "{\"id\": \"cancelled-%d\", \"text\": \"Ines Duarte is the chief executive of Lumo Foods.\"}\n"
              .formatted(i));
    }
    HttpResponse<String> accepted =
        write("/api/articles", "application/x-ndjson", batch.toString());
    String location = accepted.headers().firstValue("Location").orElseThrow();

    HttpResponse<String> anonymous =
        send(HttpRequest.newBuilder(URI.create(base() + location)).DELETE());
    HttpResponse<String> cancelled =
        send(
            HttpRequest.newBuilder(URI.create(base() + location))
                .header("X-API-Key", API_KEY)
                .DELETE());
    JsonNode job = json(cancelled);
    for (int polls = 0; polls < 600 && !job.get("state").asString().equals("CANCELLED"); polls++) {
      Thread.sleep(100);
      job = json(get(location, null));
    }

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(job.get("state").asString()).isEqualTo("CANCELLED");
    int done = job.get("done").asInt();
    assertThat(done).isLessThan(40);
    assertThat(
            count(
                "?a a ng:Article FILTER(STRSTARTS(STR(?a), 'https://newsgraph.org/id/article/cancelled-'))"))
        .isEqualTo(done);
    assertThat(
            send(HttpRequest.newBuilder(URI.create(base() + "/api/jobs/no-such-job"))
                    .header("X-API-Key", API_KEY)
                    .DELETE())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBatchWithOneMalformedLineIsRefusedWholeNamingTheLine() throws Exception {
    String batch =
        "{\"id\": \"half-one\", \"text\": \"Ines Duarte runs Lumo Foods.\"}\n"
            + "{\"id\": \"half-two\", \"text\": \n"
            + "{\"id\": \"half-three\", \"text\": \"Vireo Snacks is based in Porto.\"}\n";

    HttpResponse<String> answer = write("/api/articles", "application/jsonl", batch);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json(answer).get("detail").asString()).contains("line 2");
    assertThat(get("/api/articles/half-one", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/articles/half-three", null).statusCode()).isEqualTo(404);
  }

  @Test
  void sparqlCarriedInEveryParameterIsTakenAsPlainText() throws Exception {
    long before = count("?s ?p ?o");
    String hostile = "x\" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #";
    String iri = "organization/x> ?p ?o } UNION { ?s ?p ?o";
    List<String> paths =
        List.of(
            "/api/entities?q=" + encode(hostile),
            "/api/entities?q=" + encode("*:* OR name:*"),
            "/api/entities?q=maria&type=" + encode("Person> } UNION { ?s ?p ?o"),
            "/api/entities/" + encode("person") + "/" + encode("x> ?p ?o } #"),
            "/api/entities/person/" + encode("maria-lindqvist> ?p ?o . ?s") + "/neighbourhood",
            "/api/paths?from=" + encode(iri) + "&to=" + encode(NORDVIK),
            "/api/events?participant=" + encode(iri),
            "/api/events?type=" + encode("Appointment } UNION { ?e ?p ?o"),
            "/api/events?from=" + encode("2025-01-01\"^^<x> } #"),
            "/api/articles/" + encode("kestrel-funding> ?p ?o } #"),
            "/api/articles?limit=" + encode("1; DROP ALL"));

    for (String path : paths) {
      HttpResponse<String> answer = get(path, null);
      assertThat(answer.statusCode()).as(path).isIn(200, 400, 404);
      if (answer.statusCode() == 200) {
        assertThat(json(answer).get("items")).as(path).isEmpty();
      }
    }
    assertThat(count("?s ?p ?o")).isEqualTo(before);
  }

  @Test
  void theApiIsDescribedByOpenApiAndBrowsable() throws Exception {
    JsonNode description = json(get("/v3/api-docs", "application/json"));
    HttpResponse<String> page =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(description.get("openapi").asString()).startsWith("3.");
    List<String> documented = new ArrayList<>();
    description.get("paths").propertyNames().forEach(documented::add);
    assertThat(documented)
        .contains(
            "/api/entities",
            "/api/entities/{type}/{key}",
            "/api/entities/{type}/{key}/neighbourhood",
            "/api/paths",
            "/api/events",
            "/api/articles",
            "/api/articles/{id}",
            "/api/jobs/{id}",
            "/api/stats",
            "/sparql",
            "/data");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
  }

  @Test
  void healthReadinessAndMetricsAreServedAndTheirDetailsOnlyToWriters() throws Exception {
    JsonNode readiness = json(get("/actuator/health/readiness", null));
    HttpResponse<String> pipeline = get("/actuator/health/readiness/nlpPipeline", null);
    JsonNode detailed =
        json(
            send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .header("X-API-Key", API_KEY)));
    HttpResponse<String> metrics =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
                .header("X-API-Key", API_KEY));

    assertThat(readiness.get("status").asString()).isEqualTo("UP");
    assertThat(readiness.get("components").get("store").get("status").asString()).isEqualTo("UP");
    assertThat(readiness.get("components").get("store").has("details")).isFalse();
    assertThat(get("/actuator/health", null).body()).doesNotContain("details", "path");
    assertThat(detailed.get("components").get("store").get("details").get("articles").asLong())
        .isEqualTo(count("?a a ng:Article"));
    assertThat(pipeline.statusCode()).isEqualTo(200);
    assertThat(json(pipeline).get("status").asString()).isEqualTo("UP");
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds");
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
  }

  /**
   * Counts the facts about an entity as the SPARQL endpoint has them: the distinct plain triples of
   * its assertions, a symmetric relation's once whichever way round.
   */
  private long factsAbout(String iri) {
    return count(
        "SELECT DISTINCT ?key WHERE { { ?f rdf:subject <"
            + iri
            + "> } UNION { ?f rdf:object <"
            + iri
            + "> } ?f ng:sourceArticle ?a ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ."
            + " BIND(IF(?p IN (ng:competesWith, ng:partnersWith, ng:spouse) && STR(?o) < STR(?s),"
            + " CONCAT(STR(?o), ' ', STR(?p), ' ', STR(?s)),"
            + " CONCAT(STR(?s), ' ', STR(?p), ' ', STR(?o))) AS ?key) }",
        "key");
  }

  private long count(String select, String variable) {
    return select(select).stream().map(row -> row.get(variable)).distinct().count();
  }

  private static List<String> ids(JsonNode items) {
    return items.valueStream().map(item -> item.get("entity").get("id").asString()).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Model parse(String body, Lang lang) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.fromString(body, lang).parse(model);
    return model;
  }
}
