package org.newsgraph.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;

/**
 * A real Virtuoso server for tests: Debian's {@code virtuoso-opensource} (7.2) started as a process
 * of its own over a new database in a folder, its SQL and HTTP listeners on free ports of the
 * loopback interface, as {@code ensure-virtuoso.sh} installs it. Its SPARQL endpoint {@code
 * /sparql} takes queries and updates from anyone (the test grants {@code SPARQL_UPDATE} to the
 * {@code SPARQL} user that serves it, with {@code isql-vt}), and {@code /sparql-graph-crud} is its
 * Graph Store Protocol endpoint. Its default graph is the union of its named graphs, as Virtuoso's
 * always is.
 *
 * <p>Virtuoso keeps graphs of its own (its quad-map schema, its service description), which the
 * union shows too; {@link #clear()} leaves them.
 */
public final class LocalVirtuoso implements AutoCloseable {

  /** The server program; {@code VIRTUOSO} names another. */
  static final String PROGRAM = System.getenv().getOrDefault("VIRTUOSO", "virtuoso-t");

  /** Virtuoso's interactive SQL client; {@code VIRTUOSO_ISQL} names another. */
  static final String ISQL = System.getenv().getOrDefault("VIRTUOSO_ISQL", "isql-vt");

  private static final Duration START_WITHIN = Duration.ofMinutes(2);

  private final Process process;
  private final Path folder;
  private final int httpPort;
  private final Set<String> ownGraphs;

  private LocalVirtuoso(Process process, Path folder, int httpPort, Set<String> ownGraphs) {
    this.process = process;
    this.folder = folder;
    this.httpPort = httpPort;
    this.ownGraphs = ownGraphs;
  }

  /**
   * Starts a server over a new database in the folder and waits until it answers SPARQL.
   *
   * @throws IllegalStateException if the server stops or does not answer within two minutes, with
   *     the end of its log
   */
  public static LocalVirtuoso start(Path folder) {
    try {
      Files.createDirectories(folder);
      int sqlPort = freePort();
      int httpPort = freePort();
      Path ini = folder.resolve("virtuoso.ini");
      Files.writeString(ini, ini(folder.toAbsolutePath(), sqlPort, httpPort));
      Process process =
          new ProcessBuilder(PROGRAM, "+foreground", "+configfile", ini.toString())
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("console.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      LocalVirtuoso server = new LocalVirtuoso(process, folder, httpPort, Set.of());
      try {
        server.awaitAnswer();
        server.sql(sqlPort, "GRANT SPARQL_UPDATE TO \"SPARQL\";");
        return new LocalVirtuoso(process, folder, httpPort, Set.copyOf(server.graphs()));
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + PROGRAM + " in " + folder, e);
    }
  }

  /** Returns the SPARQL query and update endpoint. */
  public String sparqlUrl() {
    return "http://127.0.0.1:" + httpPort + "/sparql";
  }

  /** Returns the server's endpoints, as {@code newsgraph.store.remote.*} take them. */
  public StoreSettings.Remote settings() {
    return new StoreSettings.Remote(
        sparqlUrl(),
        sparqlUrl(),
        "http://127.0.0.1:" + httpPort + "/sparql-graph-crud",
        null,
        null);
  }

  /** Returns the graphs the server held of its own when it started. */
  public Set<String> ownGraphs() {
    return ownGraphs;
  }

  /** Drops every graph but the server's own. */
  public void clear() {
    for (String graph : graphs()) {
      if (!ownGraphs.contains(graph)) {
        UpdateExecutionHTTP.service(sparqlUrl())
            .update("DROP SILENT GRAPH <" + graph + ">")
            .execute();
      }
    }
  }

  /** Stops the server; its database stays in the folder. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private List<String> graphs() {
    List<String> graphs = new ArrayList<>();
    try (QueryExecution execution =
        QueryExecutionHTTP.service(sparqlUrl())
            .query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")
            .build()) {
      execution.execSelect().forEachRemaining(row -> graphs.add(row.get("g").toString()));
    }
    return graphs;
  }

  private void awaitAnswer() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ask =
        HttpRequest.newBuilder(URI.create(sparqlUrl() + "?query=ASK%7B%7D"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_WITHIN);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            PROGRAM + " stopped with status " + process.exitValue() + " before answering:" + log());
      }
      try {
        if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + PROGRAM, e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            PROGRAM
                + " did not answer at "
                + sparqlUrl()
                + " within "
                + START_WITHIN
                + ":"
                + log());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + PROGRAM, e);
      }
    }
  }

  /** Runs SQL as the database administrator, whose password a new database sets to dba. */
  private void sql(int sqlPort, String statement) throws IOException {
    Process isql =
        new ProcessBuilder(ISQL, String.valueOf(sqlPort), "dba", "dba", "exec=" + statement)
            .redirectErrorStream(true)
            .start();
    String output = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      // isql exits with 0 when the statement fails; the error is in what it prints.
      if (isql.waitFor() != 0 || output.contains("*** Error")) {
        throw new IllegalStateException(ISQL + " could not run " + statement + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + ISQL, e);
    }
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(folder.resolve("console.log"));
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return " (no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * The server's settings: every file in the folder, both listeners on loopback, little memory, and
   * no cap on the rows a query returns below Newsgraph's own (Virtuoso's default is 10,000).
   */
  private static String ini(Path folder, int sqlPort, int httpPort) {
    return """
        [Database]
        DatabaseFile = %1$s/virtuoso.db
        ErrorLogFile = %1$s/virtuoso.log
        LockFile = %1$s/virtuoso.lck
        TransactionFile = %1$s/virtuoso.trx
        xa_persistent_file = %1$s/virtuoso.pxa

        [TempDatabase]
        DatabaseFile = %1$s/virtuoso-temp.db
        TransactionFile = %1$s/virtuoso-temp.trx

        [Parameters]
        ServerPort = 127.0.0.1:%2$d
        DisableUnixSocket = 1
        NumberOfBuffers = 10000
        MaxDirtyBuffers = 6000
        DirsAllowed = %1$s

        [HTTPServer]
        ServerPort = 127.0.0.1:%3$d
        ServerRoot = %1$s
        ServerThreads = 8

        [SPARQL]
        ResultSetMaxRows = 10000000
        MaxQueryExecutionTime = 60
        """
        .formatted(folder, sqlPort, httpPort);
  }
}
