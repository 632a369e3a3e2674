package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;

/**
 * Eight writers and sixteen readers (SPARQL and REST) against the server on loopback for a bounded
 * time. Nothing may fail, nothing may hang, no reader may see half an article, and at the end the
 * store holds exactly what the writers were told it stored.
 */
class LoadTest extends ServerTest {

  private static final Duration RUN = Duration.ofSeconds(20);
  private static final int WRITERS = 8;
  private static final int READERS = 16;

  /** Facts, events or quotes whose graph has no complete article node: half an article. */
  private static final String HALF_ARTICLES =
      "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x ng:sourceArticle ?g }"
          + " FILTER NOT EXISTS { GRAPH ?g { ?g a ng:Article ; ng:text ?t ; ng:contentHash ?h } } }";

  @Test
  void writersAndReadersTogetherLoseNothingAndSeeNoHalfArticle() throws Exception {
    HttpClient client =
        HttpClient.newBuilder().executor(Executors.newFixedThreadPool(WRITERS + READERS)).build();
    Set<String> stored = ConcurrentHashMap.newKeySet();
    List<String> errors = new ArrayList<>();
    AtomicLong reads = new AtomicLong();
    AtomicLong halfSeen = new AtomicLong();
    long deadline = System.nanoTime() + RUN.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      tasks.add(
          pool.submit(
              () -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                  String id = "load-" + writer + "-" + n;
                  HttpResponse<String> answer = send(client, write(id, writer, n));
                  if (answer.statusCode() == 201) {
                    stored.add(id);
                  } else {
                    synchronized (errors) {
                      errors.add(id + ": " + answer.statusCode() + " " + answer.body());
                    }
                  }
                }
                return null;
              }));
    }
    for (int r = 0; r < READERS; r++) {
      int reader = r;
      tasks.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  for (HttpRequest request : reads(reader)) {
                    HttpResponse<String> answer = send(client, request);
                    reads.incrementAndGet();
                    if (answer.statusCode() != 200) {
                      synchronized (errors) {
                        errors.add(
                            request.uri() + ": " + answer.statusCode() + " " + answer.body());
                      }
                    } else if (request.uri().getPath().equals("/sparql")
                        && !json(answer).at("/results/bindings/0/n/value").asString().equals("0")) {
                      halfSeen.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(RUN.toSeconds() + 120, TimeUnit.SECONDS))
        .as("every client finished: no deadlock")
        .isTrue();
    for (Future<?> task : tasks) {
      task.get();
    }

    assertThat(errors).isEmpty();
    assertThat(halfSeen.get()).as("queries that saw half an article").isZero();
    assertThat(stored).isNotEmpty();
    assertThat(
            count(
                "?a a ng:Article FILTER(STRSTARTS(STR(?a), \"https://newsgraph.org/id/article/load-\"))"))
        .isEqualTo(stored.size());
    System.out.printf(
        "Load: %d writers stored %d articles and %d readers made %d requests in %d s, no error%n",
        WRITERS, stored.size(), READERS, reads.get(), RUN.toSeconds());
  }

  private HttpRequest write(String id, int writer, int n) {
    String company = "Loadtest Company " + (char) ('A' + writer) + n;
    String body =
        "{\"id\": \""
            + id
            + "\", \"text\": \""
            + company
            + ", a Bristol-based software firm,"
            + " named Dana Whitcombe as its chief executive. "
            + company
            + " competes with"
            + " Loadtest Rival "
            + (char) ('A' + writer)
            + ".\"}";
    return HttpRequest.newBuilder(URI.create(base() + "/api/articles"))
        .header("Content-Type", "application/json")
        .header("X-API-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private List<HttpRequest> reads(int reader) {
    String sparql =
        base()
            + "/sparql?query="
            + URLEncoder.encode(PREFIXES + HALF_ARTICLES, StandardCharsets.UTF_8);
    return List.of(
        HttpRequest.newBuilder(URI.create(sparql))
            .header("Accept", "application/sparql-results+json")
            .build(),
        HttpRequest.newBuilder(URI.create(base() + "/api/entities?q=loadtest&limit=5")).build(),
        HttpRequest.newBuilder(URI.create(base() + "/api/articles?limit=5&offset=" + reader))
            .build(),
        HttpRequest.newBuilder(URI.create(base() + "/api/stats")).build());
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
