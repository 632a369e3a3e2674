package org.newsgraph.api.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code newsgraph serve} in a process of its own, as users run it, so that a test can kill it with
 * SIGKILL. It listens on a free port; writers use {@link #KEY}.
 */
final class ServerProcess implements AutoCloseable {

  static final String KEY = "crash-test-key";
  private static final Pattern LISTENING = Pattern.compile("SPARQL endpoint: (http://\\S+)/sparql");

  private final Process process;
  private final List<String> output;
  private final List<String> startup;
  private final String base;

  private ServerProcess(Process process, String base, List<String> output) {
    this.process = process;
    this.base = base;
    this.output = output;
    synchronized (output) {
      this.startup = List.copyOf(output);
    }
  }

  /** Starts the server on the store and waits until it answers. */
  static ServerProcess start(Path store, String... settings)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xmx6g",
                // As the launcher starts it: from the bean definitions the build worked out.
                "-Dspring.aot.enabled=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.newsgraph.api.cli.Newsgraph",
                "serve",
                "--store",
                store.toString(),
                "--port",
                "0",
                "--newsgraph.security.api-keys=" + KEY,
                "--newsgraph.extraction.link=false"));
    command.addAll(List.of(settings));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<String> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                  Matcher matcher = LISTENING.matcher(line);
                  if (matcher.find()) {
                    listening.complete(matcher.group(1));
                  }
                }
              } catch (IOException e) {
                // the process died: its output ends here
              }
              listening.completeExceptionally(
                  new IllegalStateException("the server exited before listening: " + lines));
            },
            "server-output");
    reader.setDaemon(true);
    reader.start();
    String base;
    try {
      base = listening.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
    }
    return new ServerProcess(process, base, lines);
  }

  String base() {
    return base;
  }

  /** Waits until the NLP pipeline is loaded, so that ingest runs. */
  void awaitIngestReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> readiness =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness/nlpPipeline"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (readiness.statusCode() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the NLP pipeline did not load in 3 minutes");
  }

  /** Kills the process with SIGKILL: no shutdown hook, no flush, no commit runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** What the process printed, up to when it started listening. */
  List<String> startupOutput() {
    return startup;
  }

  /** What the process printed so far. */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /**
   * Stops the process as a service manager does, with SIGTERM, and waits for it to exit.
   *
   * @return how long it took to exit
   * @throws IllegalStateException if it has not exited after a minute (it hangs)
   */
  Duration terminate() throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the server did not exit within a minute of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
