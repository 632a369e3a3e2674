package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;

/**
 * The probes of a security review, replayed against the running server as an attacker would send
 * them: federated queries turned on the server itself or its network, work past every limit,
 * cross-site writes, malformed requests, reaches for files and classes. Each must be refused
 * safely: a problem detail with the status that fits and no stack trace, nothing changed in the
 * store, no request leaving the machine (an endpoint on loopback counts what reaches it). While
 * they run, four at a time, a reader keeps asking the endpoint a question; every question must be
 * answered. The figures (probes, refusals, hangs, requests out, the reader's latencies) are printed
 * for the README.
 */
class SecurityProbeTest extends ServerTest {

  /** A probe that has not answered after this long hangs. */
  private static final Duration HANG = Duration.ofSeconds(60);

  /** What a probe sends, and the status a safe refusal answers it with. */
  private record Probe(String name, Callable<Answer> send, int status) {}

  private record Answer(int status, String type, String body) {}

  @Test
  void everyProbeIsRefusedSafelyWhileOrdinaryQuestionsAreStillAnswered() throws Exception {
    AtomicInteger outgoing = new AtomicInteger();
    HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    canary.createContext(
        "/",
        exchange -> {
          outgoing.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    canary.start();
    try {
      String elsewhere = "http://127.0.0.1:" + canary.getAddress().getPort() + "/sparql";
      List<Probe> probes = probes(elsewhere);
      long quadsBefore = count("GRAPH ?g { ?s ?p ?o }");

      HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
      AtomicBoolean probing = new AtomicBoolean(true);
      List<Long> askMillis = Collections.synchronizedList(new ArrayList<>());
      List<String> askFailures = Collections.synchronizedList(new ArrayList<>());
      ExecutorService reader = Executors.newSingleThreadExecutor();
      Future<?> asking =
          reader.submit(
              () -> {
                while (probing.get()) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<String> answer =
                        client.send(ask(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200 || !answer.body().contains("true")) {
                      askFailures.add(answer.statusCode() + " " + answer.body());
                    }
                  } catch (Exception e) {
                    askFailures.add(e.toString());
                  }
                  askMillis.add((System.nanoTime() - start) / 1_000_000);
                  Thread.sleep(100);
                }
                return null;
              });

      ExecutorService attackers = Executors.newFixedThreadPool(4);
      Map<Probe, Future<Answer>> answers = new LinkedHashMap<>();
      for (Probe probe : probes) {
        answers.put(probe, attackers.submit(probe.send()));
      }
      List<String> unsafe = new ArrayList<>();
      int hangs = 0;
      for (Map.Entry<Probe, Future<Answer>> entry : answers.entrySet()) {
        Probe probe = entry.getKey();
        Answer answer;
        try {
          answer = entry.getValue().get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof HttpTimeoutException
              || e.getCause() instanceof java.net.SocketTimeoutException) {
            hangs++;
          }
          unsafe.add(probe.name() + ": " + e.getCause());
          continue;
        }
        boolean safe =
            answer.status() == probe.status()
                && answer.type().startsWith("application/problem+json")
                && !answer.body().contains("Exception")
                && !answer.body().contains("at org.");
        if (!safe) {
          unsafe.add(
              probe.name() + ": " + answer.status() + " " + answer.type() + " " + answer.body());
        }
      }
      probing.set(false);
      asking.get();
      attackers.shutdown();
      reader.shutdown();

      List<Long> sorted = new ArrayList<>(askMillis);
      Collections.sort(sorted);
      System.out.printf(
          "Security probes: %d tried, %d refused safely, %d hangs, %d requests left the machine;"
              + " the reader's ASK while they ran: %d asked, median %d ms, p99 %d ms, max %d ms%n",
          probes.size(),
          probes.size() - unsafe.size(),
          hangs,
          outgoing.get(),
          sorted.size(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
      assertThat(unsafe).as("probes not refused safely").isEmpty();
      assertThat(hangs).isZero();
      assertThat(outgoing).as("requests that left the server").hasValue(0);
      assertThat(askFailures).as("ordinary questions not answered").isEmpty();
      assertThat(sorted).isNotEmpty();
      assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(quadsBefore);
    } finally {
      canary.stop(0);
    }
  }

  private Probe probe(String name, HttpRequest request, int status) {
    return new Probe(
        name,
        () -> {
          HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
          return new Answer(
              answer.statusCode(),
              answer.headers().firstValue("Content-Type").orElse(""),
              answer.body());
        },
        status);
  }

  /**
   * A request sent over a plain socket, for what an HTTP client will not send: another name in the
   * Host header, as a page served from a rebound domain name sends it.
   */
  private Probe raw(String name, String request, int status) {
    return new Probe(
        name,
        () -> {
          try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) HANG.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer =
                new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = Integer.parseInt(answer.substring(9, 12));
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(\\S+)").matcher(answer);
            return new Answer(
                code,
                type.find() ? type.group(1) : "",
                answer.substring(answer.indexOf("\r\n\r\n") + 4));
          }
        },
        status);
  }

  private List<Probe> probes(String elsewhere) {
    String own = base() + "/sparql";
    String nested = "?s a ng:Article";
    for (int i = 0; i < 220; i++) {
      nested = "SERVICE <" + own + "> { " + nested + " }";
    }
    StringBuilder scan = new StringBuilder("SELECT * WHERE { VALUES ?port {");
    for (int port = 8000; port < 8200; port++) {
      scan.append(' ').append(port);
    }
    scan.append(
        " } BIND(IRI(CONCAT('http://127.0.0.1:', STR(?port), '/')) AS ?svc)"
            + " SERVICE SILENT ?svc { ?s ?p ?o } }");
    StringBuilder doubling = new StringBuilder("SELECT * WHERE { BIND('ab' AS ?v0) ");
    for (int i = 1; i <= 30; i++) {
      doubling.append("BIND(CONCAT(?v%d, ?v%d) AS ?v%d) ".formatted(i - 1, i - 1, i));
    }
    String longText = "a".repeat(500);
    String oversizedArticle =
        "{\"id\": \"small\", \"text\": \"Ines Duarte runs Lumo Foods.\"}\n"
            + "{\"id\": \"huge\", \"text\": \""
            + "Lumo Foods opened a bakery. ".repeat(80_000)
            + "\"}\n";

    List<Probe> probes = new ArrayList<>();
    probes.add(
        probe("SERVICE to itself, 220 deep", query("SELECT * WHERE { " + nested + " }"), 400));
    probes.add(
        probe(
            "SERVICE to another host",
            query("SELECT * WHERE { SERVICE <" + elsewhere + "> { ?s ?p ?o } }"),
            400));
    probes.add(probe("SERVICE SILENT port scan of 200 ports", query(scan.toString()), 400));
    probes.add(
        probe(
            "regex backtracking on 500 characters",
            query(
                "SELECT * WHERE { BIND('"
                    + longText
                    + "' AS ?x) FILTER regex(?x, '.*a.*a.*a.*a.*b') }"),
            503));
    probes.add(
        probe(
            "REPLACE backtracking",
            query(
                "SELECT * WHERE { BIND(REPLACE('"
                    + longText
                    + "', '.*a.*a.*a.*a.*b', '') AS ?x) }"),
            503));
    probes.add(
        raw(
            "8 MB comment as application/sparql-query",
            announced("/sparql", "application/sparql-query", 8 << 20),
            413));
    probes.add(probe("30 nested doubling CONCATs", query(doubling.append("}").toString()), 503));
    probes.add(
        probe(
            "GROUP_CONCAT over a cross product",
            query(
                "SELECT (GROUP_CONCAT(?t) AS ?all) WHERE { ?a ng:text ?t . ?b ng:text ?u . ?c a ?k }"),
            503));
    probes.add(
        probe(
            "1+1+... 20,000 times",
            query("SELECT * WHERE { BIND(" + "1+".repeat(20_000) + "1 AS ?x) }"),
            400));
    probes.add(
        probe(
            "5,000 nested parentheses",
            query("SELECT * WHERE { FILTER(" + "(".repeat(5_000) + "1" + ")".repeat(5_000) + ") }"),
            400));
    probes.add(
        probe(
            "java: function",
            query("SELECT * WHERE { BIND(<java:java.lang.ProcessBuilder>('id') AS ?x) }"),
            400));
    probes.add(
        probe(
            "java: property function",
            query("SELECT * WHERE { ?s <java:java.lang.Runtime> ?o }"),
            400));
    probes.add(
        probe(
            "fn:apply to a java: function",
            query(
                "SELECT * WHERE { BIND(<http://www.w3.org/2005/xpath-functions#apply>"
                    + "(<java:java.lang.Runtime>) AS ?x) }"),
            400));
    probes.add(
        probe(
            "afn:wait",
            query(
                "SELECT * WHERE { BIND(<http://jena.apache.org/ARQ/function#wait>(600000) AS ?x) }"),
            400));
    probes.add(
        probe(
            "math:pow of a huge integer",
            query(
                "SELECT * WHERE { BIND(<http://www.w3.org/2005/xpath-functions/math#pow>(10,"
                    + " 1000000000) AS ?x) }"),
            400));
    probes.add(
        probe(
            "JSON-lines batch with a 2 MB article",
            writer(body("/api/articles", "application/x-ndjson", oversizedArticle)),
            413));
    probes.add(
        probe(
            "cross-site text/plain article",
            HttpRequest.newBuilder(URI.create(base() + "/api/articles?id=cross-site"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://attacker.example")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("Ines Duarte runs Lumo Foods."))
                .build(),
            403));
    probes.add(
        probe(
            "cross-site form update=DROP ALL, with a browser's basic credentials",
            HttpRequest.newBuilder(URI.create(base() + "/update"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Authorization", "Basic " + basic("editor:s3cret"))
                .POST(HttpRequest.BodyPublishers.ofString("update=DROP%20ALL"))
                .build(),
            403));
    probes.add(
        raw(
            "DNS-rebound DELETE",
            "DELETE /api/articles/kestrel-funding HTTP/1.1\r\nHost: attacker.example:"
                + port
                + "\r\nX-API-Key: "
                + API_KEY
                + "\r\nConnection: close\r\n\r\n",
            403));
    probes.add(
        probe("1,001-character search word", get("/api/entities?q=" + "a".repeat(1_001)), 400));
    probes.add(probe("%00 in the path", get("/api/articles/a%00b"), 400));
    probes.add(probe("%2F in the path", get("/api/articles/a%2Fb"), 400));
    probes.add(probe(".. in the path", get("/%2e%2e/%2e%2e/etc/passwd"), 400));
    probes.add(probe("URL over 8 KB", get("/api/entities?q=" + "b".repeat(9_000)), 400));
    probes.add(
        raw(
            "form over 3 MB",
            announced("/sparql", "application/x-www-form-urlencoded", 4 << 20),
            413));
    probes.add(
        probe(
            "LOAD of a local file",
            writer(body("/update", "application/sparql-update", "LOAD <file:///etc/passwd>")),
            400));
    probes.add(
        probe(
            "LOAD from another host",
            writer(body("/update", "application/sparql-update", "LOAD <" + elsewhere + ">")),
            400));
    probes.add(
        probe(
            "update past the time limit",
            writer(
                body(
                    "/update",
                    "application/sparql-update",
                    "INSERT { GRAPH <urn:x> { ?a ?b ?c } } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")),
            503));
    probes.add(
        probe(
            "update through SERVICE",
            writer(
                body(
                    "/update",
                    "application/sparql-update",
                    "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { SERVICE <"
                        + elsewhere
                        + "> { ?s ?p ?o } }")),
            400));
    probes.add(probe("metrics without credentials", get("/actuator/prometheus"), 401));
    return probes;
  }

  private HttpRequest ask() {
    return get("/sparql?query=" + encode("ASK { ?a a ng:Article }"));
  }

  private HttpRequest query(String sparql) {
    return body("/sparql", "application/x-www-form-urlencoded", "query=" + encode(sparql));
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).timeout(HANG).GET().build();
  }

  private HttpRequest body(String path, String type, String body) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .timeout(HANG)
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /**
   * The head of a request that announces a large body and waits to be asked for it, as curl does: a
   * server that takes no such body refuses it before it is sent.
   */
  private String announced(String path, String type, int length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + port
        + "\r\nContent-Type: "
        + type
        + "\r\nContent-Length: "
        + length
        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
  }

  private static HttpRequest writer(HttpRequest request) {
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .header("X-API-Key", API_KEY)
        .build();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String basic(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static long percentile(List<Long> sorted, double share) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
  }
}
