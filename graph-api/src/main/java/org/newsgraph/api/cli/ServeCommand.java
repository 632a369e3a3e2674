package org.newsgraph.api.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code newsgraph serve}: the SPARQL endpoint and the REST API over a store. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the server: the SPARQL endpoint at /sparql and the REST API at /api, over the store.",
      "SPARQL answers as soon as the store is open; the NLP pipeline, needed to ingest, loads in"
          + " the background. Other settings can follow as --newsgraph.sparql.timeout=10s and the"
          + " like."
    })
public final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  /** Settings for Spring, such as {@code --newsgraph.sparql.timeout=10s}. */
  @Unmatched String[] settings = new String[0];

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext context = server.start(Map.of(), settings);
    ServerOptions.printUrls(spec.commandLine().getOut(), context);
    ServerOptions.awaitClose(context);
    return 0;
  }
}
