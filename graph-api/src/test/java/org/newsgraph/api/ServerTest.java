package org.newsgraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.BeforeEach;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.SampleCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server on a random port over a fresh TDB2 folder that holds the sample corpus, driven by real
 * HTTP clients. Every test class that extends this one shares the one server (Spring caches the
 * context), so the corpus is extracted once per run. Writers use {@link #API_KEY} or the user
 * {@code editor}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {

  protected static final String API_KEY = "test-writer-key";
  protected static final String ALLOWED_ORIGIN = "https://yasgui.example.org";
  protected static final String PREFIXES =
      "PREFIX ng: <https://newsgraph.org/ontology#>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  private static final Path STORE = TemporaryFolders.deletedAtExit("newsgraph-server-test");

  /** The servers (one per Spring context) that hold the sample corpus already. */
  private static final java.util.Set<IngestPipeline> LOADED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("newsgraph.store.path", STORE::toString);
    registry.add("newsgraph.security.api-keys", () -> API_KEY);
    registry.add("newsgraph.security.users.editor", () -> "{noop}s3cret");
    registry.add("newsgraph.sparql.update-enabled", () -> "true");
    registry.add("newsgraph.sparql.timeout", () -> "5s");
    registry.add("newsgraph.ingest.max-article-size", () -> "64KB");
    registry.add("newsgraph.cors.allowed-origins", () -> ALLOWED_ORIGIN);
  }

  @LocalServerPort protected int port;

  @Autowired protected IngestPipeline ingest;

  @Autowired protected NlpPipelineLoader nlp;

  @Autowired protected ArticleExtractor extractor;

  protected final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void loadTheSampleCorpusOnce() {
    synchronized (ServerTest.class) {
      if (!LOADED.contains(ingest)) {
        nlp.load();
        ingest.ingest(SampleCorpus.articles(), (outcome, progress) -> {});
        LOADED.add(ingest);
      }
    }
  }

  /** The server's TDB2 folder. */
  protected static Path storeFolder() {
    return STORE;
  }

  protected String base() {
    return "http://127.0.0.1:" + port;
  }

  protected HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request);
  }

  protected HttpResponse<String> post(
      String path, String contentType, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  /** Posts as a writer, with the API key. */
  protected HttpResponse<String> write(String path, String contentType, String body)
      throws Exception {
    return post(path, contentType, body, Map.of("X-API-Key", API_KEY));
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }

  protected List<QuerySolution> select(String query) {
    try (QueryExecutionHTTP execution =
        QueryExecutionHTTP.service(base() + "/sparql").query(PREFIXES + query).build()) {
      ResultSet results = execution.execSelect();
      List<QuerySolution> rows = new ArrayList<>();
      results.forEachRemaining(rows::add);
      return rows;
    }
  }

  protected long count(String pattern) {
    return select("SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }")
        .get(0)
        .getLiteral("n")
        .getLong();
  }
}
