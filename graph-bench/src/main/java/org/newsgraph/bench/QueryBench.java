package org.newsgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The query mix users ask, at several numbers of concurrent clients, over HTTP against Newsgraph
 * and against Fuseki over a copy of the same TDB2 data: each client sends its next request as soon
 * as the last is answered, for a fixed time. The two sides take turns, round by round, so that a
 * change in the machine's load falls on both. Every answer must be 200, or the run fails.
 */
final class QueryBench {

  static final String PREFIXES =
      "PREFIX ng: <https://newsgraph.org/ontology#>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
          + "PREFIX text: <http://jena.apache.org/text#>\n";

  /** What one request asks, made from a random sample. */
  record Question(
      String name, Function<Random, HttpRequest> newsgraph, Function<Random, HttpRequest> fuseki) {}

  /** Latencies and throughput of one question at one number of clients. */
  record Figures(long requests, double medianMs, double p95Ms, double perSecond) {}

  /** The rounds a measurement is cut into, alternating which side goes first. */
  static final int ROUNDS = 4;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();

  private QueryBench() {}

  static HttpRequest sparql(String endpoint, String query) {
    return HttpRequest.newBuilder(
            URI.create(
                endpoint + "?query=" + URLEncoder.encode(PREFIXES + query, StandardCharsets.UTF_8)))
        .header("Accept", "application/sparql-results+json")
        .build();
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build();
  }

  /**
   * Runs the question with this many clients for this long on each side, in {@link #ROUNDS} rounds
   * of equal time: Newsgraph then Fuseki in the first round, Fuseki then Newsgraph in the next, and
   * so on.
   *
   * @return Newsgraph's figures, then Fuseki's
   */
  static Figures[] interleaved(Question question, int clients, Duration time) throws Exception {
    Duration round = time.dividedBy(ROUNDS);
    List<Long> ours = new ArrayList<>();
    List<Long> theirs = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      // Both sides are asked the same questions in a round, and new ones in the next.
      long seed = 1000L * i;
      if (i % 2 == 0) {
        ours.addAll(latencies(question.newsgraph(), clients, round, seed));
        theirs.addAll(latencies(question.fuseki(), clients, round, seed));
      } else {
        theirs.addAll(latencies(question.fuseki(), clients, round, seed));
        ours.addAll(latencies(question.newsgraph(), clients, round, seed));
      }
    }
    return new Figures[] {figures(ours, time), figures(theirs, time)};
  }

  /**
   * The latencies, in nanoseconds, of this many clients asking the question for this long, each
   * client drawing its samples from a random source seeded with {@code seed} plus its number.
   */
  private static List<Long> latencies(
      Function<Random, HttpRequest> question, int clients, Duration time, long seed)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + time.toNanos();
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long clientSeed = seed + c;
      results.add(
          pool.submit(
              () -> {
                Random random = new Random(clientSeed);
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  HttpRequest request = question.apply(random);
                  long start = System.nanoTime();
                  HttpResponse<byte[]> answer =
                      HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long took = System.nanoTime() - start;
                  if (answer.statusCode() != 200) {
                    throw new IllegalStateException(
                        request.uri()
                            + " answered "
                            + answer.statusCode()
                            + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8));
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      for (long latency : result.get()) {
        all.add(latency);
      }
    }
    pool.shutdown();
    return all;
  }

  /** The median, 95th percentile and throughput of latencies taken over this much time. */
  static Figures figures(List<Long> latencies, Duration time) {
    List<Long> all = new ArrayList<>(latencies);
    all.sort(null);
    if (all.isEmpty()) {
      return new Figures(0, Double.NaN, Double.NaN, 0);
    }
    double median = all.get(all.size() / 2) / 1e6;
    double p95 = all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.95) - 1)) / 1e6;
    return new Figures(all.size(), median, p95, all.size() / (time.toNanos() / 1e9));
  }

  /** Copies a TDB2 folder, leaving out Newsgraph's name index. */
  static void copyStore(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (relative.startsWith("name-index")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals("tdb.lock")) {
          Files.copy(file, target);
        }
      }
    }
  }
}
