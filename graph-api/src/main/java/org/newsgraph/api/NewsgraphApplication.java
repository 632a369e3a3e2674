package org.newsgraph.api;

import org.newsgraph.api.config.NewsgraphProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Newsgraph server: the SPARQL endpoint and the REST API over the store. It answers SPARQL as
 * soon as the store is open; the NLP pipeline, needed only to ingest, loads in the background. Its
 * parts are wired in {@link ServerConfiguration}.
 *
 * <p>Users start it with {@code newsgraph serve} (or {@code demo}), which calls {@link #start}.
 * {@link #main} is what Spring's ahead-of-time processing runs at build time to work out the
 * server's bean definitions; the launcher then starts the server from those ({@code
 * -Dspring.aot.enabled=true}), which spares the start-up most of its time.
 */
@SpringBootApplication
@EnableConfigurationProperties(NewsgraphProperties.class)
public class NewsgraphApplication {

  /**
   * Starts the server with these arguments ({@code --server.port=8080} and the like) and returns
   * once it listens.
   */
  public static ConfigurableApplicationContext start(String... arguments) {
    // The ahead-of-time initializer is found by the main class's name: this one, whatever
    // command started the server.
    return new SpringApplicationBuilder(NewsgraphApplication.class)
        .main(NewsgraphApplication.class)
        .run(arguments);
  }

  /** Starts the server; for Spring's ahead-of-time processing (users run {@code serve}). */
  public static void main(String[] arguments) {
    start(arguments);
  }
}
