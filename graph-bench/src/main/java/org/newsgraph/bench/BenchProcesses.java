package org.newsgraph.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes a bench run starts besides itself: its workers (this program again, in a JVM of its
 * own), Newsgraph's server started as users start it ({@code ./newsgraph serve}), and Fuseki with
 * its configuration; how to wait until a server answers, and how to stop one. A server's output
 * goes to a log in the work folder, which the errors name.
 */
final class BenchProcesses {

  /** The heap of each server, Newsgraph's and Fuseki's. */
  static final String SERVER_HEAP = "6g";

  private final Path work;

  /**
   * @param work the folder of the run, where the servers' logs go
   */
  BenchProcesses(Path work) {
    this.work = work;
  }

  /**
   * Waits until the server process answers the URL with 200.
   *
   * @return the seconds since {@code start}
   */
  double waitFor(HttpClient http, String url, long start, Process server, String log)
      throws InterruptedException {
    long deadline = start + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "the server ended before it answered " + url + "; see " + work.resolve(log));
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException(url + " did not answer within five minutes");
  }

  /**
   * The command that starts the server as users do, {@code ./newsgraph serve}, through the launcher
   * that started this bench (it says where it is in {@code newsgraph.launcher}).
   */
  static List<String> serveCommand(Path store, int serverPort, String... settings) {
    String launcher = System.getProperty("newsgraph.launcher");
    if (launcher == null) {
      throw new IllegalStateException(
          "the bench starts the server through the launcher: run it as ./newsgraph bench");
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            launcher, "serve", "--store", store.toString(), "--port", String.valueOf(serverPort)));
    command.addAll(List.of(settings));
    return command;
  }

  /** Starts a server process, its output going to a log file in the work folder. */
  Process start(List<String> command, String log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile());
    builder.environment().put("NEWSGRAPH_JAVA_OPTS", "-Xmx" + SERVER_HEAP + " -XX:+UseParallelGC");
    return builder.start();
  }

  /** Stops a server process and waits for it to end. */
  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The command that runs this program in a new JVM, a worker: the same jar or class path. */
  static List<String> javaCommand(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("-XX:+UseParallelGC");
    String classpath = System.getProperty("java.class.path");
    if (classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator)) {
      command.addAll(List.of("-jar", classpath));
    } else {
      command.addAll(List.of("-cp", classpath, BenchCommand.class.getName()));
    }
    return command;
  }

  /**
   * Fuseki's configuration: the copy of the store as a TDB2 dataset whose default graph is the
   * union of its named graphs, as Newsgraph's, answering queries at /ds/query.
   */
  static String fusekiConfig(Path store) {
    String location = store.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return """
        PREFIX fuseki: <http://jena.apache.org/fuseki#>
        PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>

        [] a fuseki:Server ; fuseki:services ( <#service> ) .

        <#service> a fuseki:Service ;
            fuseki:name "ds" ;
            fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
            fuseki:dataset <#dataset> .

        <#dataset> a tdb2:DatasetTDB2 ;
            tdb2:location "%s" ;
            tdb2:unionDefaultGraph true .
        """
        .formatted(location);
  }
}
