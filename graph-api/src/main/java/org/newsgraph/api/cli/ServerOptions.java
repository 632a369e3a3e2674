package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.newsgraph.api.NewsgraphApplication;
import org.newsgraph.api.config.NewsgraphProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that start the server, and starting it. */
public final class ServerOptions {

  @Mixin StoreOption store;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
      defaultValue = "127.0.0.1")
  String host;

  /**
   * Starts the server with the options and these properties, and returns once it listens. They are
   * passed as command-line properties, so they win over {@code application.properties}; the
   * settings given after the options ({@code --newsgraph.sparql.timeout=10s}) win over them.
   */
  ConfigurableApplicationContext start(Map<String, Object> extra, String[] settings) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.putAll(store.properties());
    properties.put("server.port", port);
    properties.put("server.address", host);
    properties.putAll(extra);
    List<String> arguments = new ArrayList<>();
    properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.addAll(List.of(settings));
    return NewsgraphApplication.start(arguments.toArray(String[]::new));
  }

  /** Returns whether the server would listen on an address other than this machine's loopback. */
  boolean listensBeyondLoopback() {
    try {
      return !java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return true;
    }
  }

  /** Prints where the server answers, and a query to try. */
  static void printUrls(PrintWriter out, ConfigurableApplicationContext context) {
    String host = context.getEnvironment().getProperty("server.address", "127.0.0.1");
    String base =
        "http://"
            + ("0.0.0.0".equals(host) ? "localhost" : host)
            + ":"
            + context.getEnvironment().getProperty("local.server.port");
    out.println();
    out.println(
        "Newsgraph is serving the store "
            + context.getBean(NewsgraphProperties.class).store().settings().describe());
    out.println("  Web page:        " + base + "/");
    out.println("  SPARQL endpoint: " + base + "/sparql");
    out.println("  REST API:        " + base + "/api (try " + base + "/api/stats)");
    out.println("  Ingest:          POST " + base + "/api/articles");
    out.println("Try:");
    out.println(
        "  curl -s "
            + base
            + "/sparql --data-urlencode 'query=SELECT ?person ?company WHERE"
            + " { ?person ng:heads ?company } LIMIT 10'");
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  /** Blocks until the server shuts down. */
  static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    if (context.isActive()) {
      closed.await();
    }
  }
}
