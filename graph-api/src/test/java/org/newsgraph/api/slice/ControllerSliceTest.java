package org.newsgraph.api.slice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsgraph.api.security.WriteAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every controller in the web layer alone (no server, no NLP), over one hand-built article: each
 * endpoint's answer, and each error it can give, as a problem detail with its status.
 */
@WebMvcTest(
    properties = {
      "newsgraph.security.api-keys=slice-key",
      "newsgraph.sparql.update-enabled=true",
      "newsgraph.ingest.max-article-size=1KB"
    })
@Import({SliceStore.class, WriteAccess.class})
class ControllerSliceTest {

  private static final String MARIA = "/api/entities/person/maria-lindqvist";

  @Autowired private MockMvcTester mvc;

  @Test
  void searchAnswersMatchesAsAPage() {
    assertThat(mvc.get().uri("/api/entities?q=lindqvist"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[0].entity.name")
        .isEqualTo("Maria Lindqvist");
  }

  @Test
  void anEntityAnswersWithItsFactsAndTheirEvidence() {
    MvcTestResult result = mvc.get().uri(MARIA).exchange();

    assertThat(result)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.facts[0].relation")
        .isEqualTo("heads");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.facts[0].sources[0].article.id")
        .isEqualTo("nordvik-1");
    assertThat(result).bodyJson().extractingPath("$.quotes[0].text").isEqualTo("We are ready,");
  }

  @Test
  void anEntityAnswersAsJsonLdWhenAsked() {
    assertThat(mvc.get().uri(MARIA).accept("application/ld+json"))
        .hasStatusOk()
        .hasContentTypeCompatibleWith("application/ld+json")
        .bodyText()
        .contains("Nordvik Robotics");
  }

  @Test
  void theNeighbourhoodAndPathsAnswerWithEdges() {
    assertThat(mvc.get().uri(MARIA + "/neighbourhood?depth=2"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.nodes.length()")
        .isEqualTo(3);
    assertThat(
            mvc.get()
                .uri("/api/paths?from=person/maria-lindqvist&to=organization/kestrel-dynamics"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.paths[0].length()")
        .isEqualTo(2);
  }

  @Test
  void eventsArticlesAndStatsAnswer() {
    assertThat(mvc.get().uri("/api/events?type=PressConference&from=2025-03-01&to=2025-03-31"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[0].place.name")
        .isEqualTo("Gothenburg");
    assertThat(mvc.get().uri("/api/articles"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[0].id")
        .isEqualTo("nordvik-1");
    assertThat(mvc.get().uri("/api/articles/nordvik-1"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.facts.length()")
        .isEqualTo(2);
    assertThat(mvc.get().uri("/api/stats"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.facts.competesWith")
        .isEqualTo(1);
  }

  @Test
  void theSparqlSideAnswers() {
    assertThat(
            mvc.get()
                .uri("/sparql?query={q}", "ASK { ?p ng:heads ?o }")
                .accept("application/sparql-results+json"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.boolean")
        .isEqualTo(true);
    assertThat(
            mvc.get()
                .uri("/data?graph={g}", "https://newsgraph.org/id/article/nordvik-1")
                .accept("text/turtle"))
        .hasStatusOk()
        .hasContentTypeCompatibleWith("text/turtle");
  }

  @Test
  void theServerSaysWhoMayWriteAndWhetherIngestIsReady() {
    MvcTestResult result = mvc.get().uri("/api/server").exchange();

    assertThat(result).hasStatusOk().bodyJson().extractingPath("$.writes").isEqualTo("CREDENTIALS");
    assertThat(result).bodyJson().extractingPath("$.pipeline").isEqualTo("NOT_LOADED");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.prefixes.ng")
        .isEqualTo("https://newsgraph.org/ontology#");
  }

  @Test
  void unknownThingsAre404() {
    for (String uri :
        new String[] {
          "/api/entities/person/nobody", "/api/entities/person/nobody/neighbourhood",
          "/api/articles/nothing", "/api/jobs/nothing",
          "/api/paths?from=person/nobody&to=person/maria-lindqvist"
        }) {
      assertThat(mvc.get().uri(uri))
          .as(uri)
          .hasStatus(HttpStatus.NOT_FOUND)
          .satisfies(this::isProblem);
    }
  }

  @Test
  void badParametersAre400() {
    for (String uri :
        new String[] {
          "/api/entities?q=x&limit=-1",
          "/api/entities?q=x&type=Planet",
          "/api/entities?q=x&offset=abc",
          MARIA + "/neighbourhood?limit=100000",
          "/api/paths?from=person/maria-lindqvist&to=organization/kestrel-dynamics&maxLength=0",
          "/api/events?to=2025-13-45",
          "/api/events?type=Party",
          "/api/articles?limit=0",
          "/sparql?query=SELEC"
        }) {
      assertThat(mvc.get().uri(uri))
          .as(uri)
          .hasStatus(HttpStatus.BAD_REQUEST)
          .satisfies(this::isProblem);
    }
  }

  @Test
  void anAcceptThatCannotBeMetIs406() {
    assertThat(mvc.get().uri("/api/stats").accept(MediaType.APPLICATION_XML))
        .hasStatus(HttpStatus.NOT_ACCEPTABLE);
    assertThat(mvc.get().uri("/sparql?query={q}", "ASK {}").accept("image/png"))
        .hasStatus(HttpStatus.NOT_ACCEPTABLE)
        .satisfies(this::isProblem);
  }

  @Test
  void writesWithoutCredentialsAre401() {
    assertThat(
            mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .satisfies(this::isProblem);
    assertThat(mvc.delete().uri("/api/articles/nordvik-1")).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(
            mvc.post().uri("/update").contentType("application/sparql-update").content("CLEAR ALL"))
        .hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(mvc.get().uri("/api/articles/nordvik-1")).hasStatusOk();
  }

  @Test
  void aWrongContentTypeIs415AndATooLargeArticle413() {
    assertThat(
            mvc.post()
                .uri("/api/articles")
                .header("X-API-Key", "slice-key")
                .contentType(MediaType.APPLICATION_XML)
                .content("<a/>"))
        .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .satisfies(this::isProblem);
    assertThat(
            mvc.post()
                .uri("/api/articles?id=big")
                .header("X-API-Key", "slice-key")
                .contentType(MediaType.TEXT_PLAIN)
                .content("word ".repeat(400)))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .satisfies(this::isProblem);
  }

  @Test
  void ingestBeforeThePipelineIsLoadedIs503WithRetryAfter() {
    MvcTestResult result =
        mvc.post()
            .uri("/api/articles")
            .header("X-API-Key", "slice-key")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"id\": \"later\", \"text\": \"Tove Lund runs Skarholm Ferries.\"}")
            .exchange();

    assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).satisfies(this::isProblem);
    assertThat(result).headers().containsHeader("Retry-After");
    assertThat(mvc.get().uri("/api/articles/later")).hasStatus(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUpdateOnTheQueryEndpointIs400AndChangesNothing() {
    assertThat(
            mvc.post().uri("/sparql").contentType("application/sparql-update").content("CLEAR ALL"))
        .hasStatus4xxClientError()
        .satisfies(this::isProblem);
    assertThat(mvc.get().uri("/api/articles/nordvik-1")).hasStatusOk();
  }

  private void isProblem(MvcTestResult result) {
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo(result.getResponse().getStatus());
    assertThat(result).bodyText().doesNotContain("Exception", "at org.");
  }
}
