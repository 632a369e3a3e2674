package org.newsgraph.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The server's settings, under {@code newsgraph.*}; {@code application.properties} gives defaults
 * that work with no configuration at all.
 *
 * @param store where the graph is kept
 * @param sparql limits of SPARQL queries
 * @param extraction how articles are extracted
 * @param ingest limits of articles sent over HTTP
 * @param security who may write
 * @param cors which other web origins may call the server from a browser
 */
@ConfigurationProperties("newsgraph")
public record NewsgraphProperties(
    Store store,
    Sparql sparql,
    Extraction extraction,
    Ingest ingest,
    Security security,
    Cors cors) {

  /**
   * @param path the TDB2 folder
   */
  public record Store(Path path) {}

  /**
   * @param timeout the longest a query may run before it is stopped
   * @param maxRows the most rows (or triples) a query may return
   * @param updateEnabled whether {@code /update} accepts SPARQL updates (from writers only)
   */
  public record Sparql(Duration timeout, long maxRows, boolean updateEnabled) {}

  /**
   * @param threshold the least confidence a fact, event or quote needs to be stored
   * @param preload whether to load the NLP pipeline at start-up, in the background
   */
  public record Extraction(double threshold, boolean preload) {}

  /**
   * @param maxArticleSize the largest article a request may carry
   * @param maxBatchSize the largest JSON-lines batch a request may carry
   */
  public record Ingest(DataSize maxArticleSize, DataSize maxBatchSize) {}

  /**
   * Who may write. With neither API keys nor users, writes are refused, unless {@code openWrites}
   * lets anyone on the (loopback) network write, as the demo does.
   *
   * @param apiKeys keys accepted in an {@code X-API-Key} header or as a bearer token
   * @param users HTTP basic users: name to password, with its encoding ({@code {bcrypt}...} or
   *     {@code {noop}...})
   * @param openWrites whether anyone may write without credentials
   */
  public record Security(List<String> apiKeys, Map<String, String> users, boolean openWrites) {

    public Security {
      apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> !k.isBlank()).toList();
      users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** Returns whether any credentials are configured. */
    public boolean hasCredentials() {
      return !apiKeys.isEmpty() || !users.isEmpty();
    }
  }

  /**
   * @param allowedOrigins the origins whose browser scripts may query the server (for example a
   *     YASGUI page); none by default, {@code *} for any
   */
  public record Cors(List<String> allowedOrigins) {

    public Cors {
      allowedOrigins =
          allowedOrigins == null
              ? List.of()
              : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    }
  }
}
