package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.read.ArticleReader;

/**
 * A server stopped with SIGTERM while a query runs that would take hours and a batch is being
 * ingested exits by itself: the query and the job are cancelled, the store is closed cleanly (no
 * transaction left open, no index half closed) and opens again holding whole articles only.
 */
class ShutdownTest {

  @TempDir Path store;

  @Test
  void sigtermWithAQueryAndABatchRunningCancelsThemAndClosesTheStoreCleanly() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Duration took;
    List<String> output;
    try (ServerProcess server = ServerProcess.start(store, "--newsgraph.sparql.timeout=10m")) {
      server.awaitIngestReady();
      List<Article> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(
            new Article(
                "shutdown-" + i,
                ("Ines Duarte, the chief executive of Lumo Foods, said on Monday that the company"
                        + " would open a bakery in Porto. ")
                    .repeat(10),
                null,
                null,
                null));
      }
      HttpResponse<String> job =
          http.send(
              HttpRequest.newBuilder(URI.create(server.base() + "/api/articles"))
                  .header("Content-Type", "application/x-ndjson")
                  .header("X-API-Key", ServerProcess.KEY)
                  .POST(HttpRequest.BodyPublishers.ofString(ArticleReader.jsonLines(batch)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
      String backtracking =
          "SELECT * WHERE { BIND('"
              + "a".repeat(500)
              + "' AS ?x) FILTER regex(?x, '.*a.*a.*a.*a.*b') }";
      CompletableFuture<HttpResponse<String>> query =
          http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(
                          server.base()
                              + "/sparql?query="
                              + URLEncoder.encode(backtracking, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(2_000);
      assertThat(query).isNotDone();

      took = server.terminate();
      output = server.output();
    }

    System.out.printf(
        "Shutdown: SIGTERM with a query and a batch running, exited in %.1f s%n",
        took.toMillis() / 1000.0);
    String log = String.join("\n", output);
    assertThat(log)
        .doesNotContain("Can't expel", "NullPointerException", "Invocation of close method failed");
    try (Tdb2GraphStore reopened = Tdb2GraphStore.open(store)) {
      // Each article stored before the stop is whole: its text and its hash are there.
      for (String id : reopened.articleIds()) {
        assertThat(reopened.contentHash(id)).as(id).isPresent();
      }
    }
  }
}
