package org.newsgraph.api;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's settings, under {@code newsgraph.*}; {@code application.properties} gives defaults
 * that work with no configuration at all.
 *
 * @param store where the graph is kept
 * @param sparql limits of SPARQL queries
 * @param extraction how articles are extracted
 */
@ConfigurationProperties("newsgraph")
public record NewsgraphProperties(Store store, Sparql sparql, Extraction extraction) {

  /**
   * @param path the TDB2 folder
   */
  public record Store(Path path) {}

  /**
   * @param timeout the longest a query may run before it is stopped
   * @param maxRows the most rows (or triples) a query may return
   */
  public record Sparql(Duration timeout, long maxRows) {}

  /**
   * @param threshold the least confidence a fact, event or quote needs to be stored
   * @param preload whether to load the NLP pipeline at start-up, in the background
   */
  public record Extraction(double threshold, boolean preload) {}
}
