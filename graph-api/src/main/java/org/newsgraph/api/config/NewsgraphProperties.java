package org.newsgraph.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.StoreSettings;
import org.newsgraph.extract.link.WikiDict;
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
   * Where the graph is kept: a TDB2 folder on this machine, or a remote SPARQL 1.1 server.
   *
   * @param type {@code tdb2} (the default) or {@code remote}
   * @param path the TDB2 folder
   * @param remote the server, when the type is {@code remote}
   */
  public record Store(String type, Path path, Remote remote) {

    public Store {
      remote = remote == null ? new Remote(null, null, null, null, null, null) : remote;
    }

    /**
     * Returns the store these settings describe, read as the command line's options are.
     *
     * @throws IllegalArgumentException if the type is unknown or the remote URLs are missing
     */
    public StoreSettings settings() {
      return StoreSettings.parse(type, path, remote::settings);
    }
  }

  /**
   * A remote SPARQL 1.1 server. Give the dataset's URL for Fuseki, which names its endpoints {@code
   * /query}, {@code /update} and {@code /data}; or each endpoint, for other servers.
   *
   * @param dataset a Fuseki dataset URL, such as {@code http://host:3030/news}
   * @param query the SPARQL query endpoint, if not the dataset's
   * @param update the SPARQL update endpoint, if not the dataset's
   * @param graphStore the Graph Store Protocol endpoint, if not the dataset's
   * @param user the HTTP basic user, if the server asks for one
   * @param password the user's password
   */
  public record Remote(
      String dataset,
      String query,
      String update,
      String graphStore,
      String user,
      String password) {

    /**
     * Returns the server's settings.
     *
     * @throws IllegalArgumentException if neither the dataset nor every endpoint is given
     */
    public StoreSettings.Remote settings() {
      return StoreSettings.Remote.of(dataset, query, update, graphStore, user, password);
    }

    @Override
    public String toString() {
      return "Remote[dataset=" + dataset + ", query=" + query + ", user=" + user + "]";
    }
  }

  /**
   * @param timeout the longest a query or update may take, from the first byte of its text read to
   *     the last row
   * @param maxRows the most rows (or triples) a query may return
   * @param maxQuerySize the longest query or update text a request may carry
   * @param maxValueLength the longest string a query's functions may build, in characters
   * @param maxBuiltCharacters the most characters a query's functions may build in all
   * @param services the endpoints {@code SERVICE} may call (and whose hosts {@code LOAD} may read
   *     from); none by default, so federated queries are off
   * @param updateEnabled whether {@code /update} accepts SPARQL updates (from writers only)
   */
  public record Sparql(
      Duration timeout,
      long maxRows,
      DataSize maxQuerySize,
      int maxValueLength,
      long maxBuiltCharacters,
      List<String> services,
      boolean updateEnabled) {

    public Sparql {
      services =
          services == null ? List.of() : services.stream().filter(s -> !s.isBlank()).toList();
    }

    /** Returns the limits every query and update is held to. */
    public QueryLimits limits() {
      return new QueryLimits(
          timeout, maxRows, maxValueLength, maxBuiltCharacters, java.util.Set.copyOf(services));
    }
  }

  /**
   * @param threshold the least confidence a fact, event or quote needs to be stored
   * @param preload whether to load the NLP pipeline at start-up, in the background
   * @param link whether to link entities to Wikipedia titles
   * @param wikidict where the index of Wikipedia's anchors is kept (built there on first use)
   * @param encoder whether the relation classifier weighs a transformer encoder's vectors (slower;
   *     see the README's figures)
   */
  public record Extraction(
      double threshold, boolean preload, boolean link, Path wikidict, boolean encoder) {

    public Extraction {
      wikidict = wikidict == null ? WikiDict.DEFAULT_FOLDER : wikidict;
    }
  }

  /**
   * @param maxArticleSize the largest article a request may carry
   * @param maxBatchSize the largest JSON-lines batch a request may carry
   * @param articlesPerTransaction how many articles of a batch are stored in one transaction
   */
  public record Ingest(DataSize maxArticleSize, DataSize maxBatchSize, int articlesPerTransaction) {

    public Ingest {
      articlesPerTransaction =
          articlesPerTransaction <= 0 ? IngestPipeline.DEFAULT_BATCH : articlesPerTransaction;
    }
  }

  /**
   * Who may write. With neither API keys nor users, writes are refused, unless {@code openWrites}
   * lets anyone on the (loopback) network write, as the demo does.
   *
   * @param apiKeys keys accepted in an {@code X-API-Key} header or as a bearer token
   * @param users HTTP basic users: name to password, with its encoding ({@code {bcrypt}...} or
   *     {@code {noop}...})
   * @param openWrites whether anyone may write without credentials
   * @param allowedHosts the host names (of the {@code Host} header) the server answers to; by
   *     default those of loopback when it listens on loopback, else any
   */
  public record Security(
      List<String> apiKeys,
      Map<String, String> users,
      boolean openWrites,
      List<String> allowedHosts) {

    public Security {
      apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> !k.isBlank()).toList();
      users = users == null ? Map.of() : Map.copyOf(users);
      allowedHosts =
          allowedHosts == null
              ? List.of()
              : allowedHosts.stream().filter(h -> !h.isBlank()).map(String::strip).toList();
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
