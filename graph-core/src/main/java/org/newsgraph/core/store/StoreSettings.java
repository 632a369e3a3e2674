package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where the graph is kept: a TDB2 folder on this machine ({@link Tdb2}) or a remote SPARQL 1.1
 * server ({@link Remote}). {@link GraphStores#open(StoreSettings)} opens the store they describe.
 *
 * <p>The settings are named as the server's properties are ({@code newsgraph.store.type}, {@code
 * .path}, {@code .remote.*}), and {@link #parse} is the one place their text is read: the server's
 * properties and the command line's options both come through it. Values are immutable.
 */
public sealed interface StoreSettings permits StoreSettings.Tdb2, StoreSettings.Remote {

  /** Returns the store's type as {@code newsgraph.store.type} names it. */
  String type();

  /** Says where the store is, for people: never a password. */
  String describe();

  /**
   * Reads the settings from their text.
   *
   * @param type {@code tdb2} (also when blank or {@code null}) or {@code remote}, in any case
   * @param folder the TDB2 folder, read when the type is {@code tdb2}
   * @param remote the remote server, asked for only when the type is {@code remote}
   * @throws IllegalArgumentException if the type is neither, naming it, or what the type needs is
   *     not set
   */
  static StoreSettings parse(String type, Path folder, Supplier<Remote> remote) {
    String name =
        type == null || type.isBlank() ? Tdb2.TYPE : type.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case Tdb2.TYPE -> new Tdb2(folder);
      case Remote.TYPE -> requireNonNull(remote.get(), "remote");
      default ->
          throw new IllegalArgumentException(
              "newsgraph.store.type is "
                  + name
                  + "; it must be "
                  + Tdb2.TYPE
                  + " or "
                  + Remote.TYPE);
    };
  }

  /**
   * A TDB2 database in a folder of this machine, created there if need be.
   *
   * @param folder the folder
   */
  record Tdb2(Path folder) implements StoreSettings {

    /** The type's name in {@code newsgraph.store.type}. */
    public static final String TYPE = "tdb2";

    /**
     * @throws IllegalArgumentException if the folder is not given
     */
    public Tdb2 {
      if (folder == null) {
        throw new IllegalArgumentException(
            "newsgraph.store.type is " + TYPE + " but newsgraph.store.path is not set");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public String describe() {
      return folder.toString();
    }
  }

  /**
   * A remote SPARQL 1.1 server: where its endpoints are and who to be there.
   *
   * @param query the SPARQL query endpoint, for example {@code http://host:3030/news/query}
   * @param update the SPARQL update endpoint, for example {@code http://host:3030/news/update}
   * @param graphStore the Graph Store Protocol endpoint, for example {@code
   *     http://host:3030/news/data}
   * @param user the HTTP basic user, or {@code null} for none
   * @param password the user's password, or {@code null}
   */
  record Remote(String query, String update, String graphStore, String user, String password)
      implements StoreSettings {

    /** The type's name in {@code newsgraph.store.type}. */
    public static final String TYPE = "remote";

    /**
     * @throws IllegalArgumentException if an endpoint is missing or not an http(s) URL
     */
    public Remote {
      query = absolute("query", query);
      update = absolute("update", update);
      graphStore = absolute("graph store", graphStore);
      if (user != null && user.isBlank()) {
        user = null;
      }
    }

    /**
     * The endpoints of a Fuseki dataset at its URL, as Fuseki names them ({@code /query}, {@code
     * /update}, {@code /data}).
     *
     * @throws IllegalArgumentException if the URL is missing or not an http(s) URL
     */
    public static Remote fuseki(String dataset, String user, String password) {
      String base = absolute("dataset", dataset).replaceAll("/+$", "");
      return new Remote(base + "/query", base + "/update", base + "/data", user, password);
    }

    /**
     * Reads the server's settings as {@code newsgraph.store.remote.*} give them: a Fuseki dataset
     * URL, or each endpoint for other servers.
     *
     * @throws IllegalArgumentException if neither the dataset nor every endpoint is given
     */
    public static Remote of(
        String dataset,
        String query,
        String update,
        String graphStore,
        String user,
        String password) {
      if (blank(query) && blank(update) && blank(graphStore)) {
        if (blank(dataset)) {
          throw new IllegalArgumentException(
              "newsgraph.store.type is remote but newsgraph.store.remote.dataset (or the query,"
                  + " update and graph-store URLs) is not set");
        }
        return fuseki(dataset, user, password);
      }
      return new Remote(query, update, graphStore, user, password);
    }

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public String describe() {
      return query;
    }

    @Override
    public String toString() {
      // Never the password: these are logged.
      return "Remote[query=" + query + ", update=" + update + ", graphStore=" + graphStore + "]";
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }

    private static String absolute(String what, String url) {
      if (blank(url)) {
        throw new IllegalArgumentException("the remote store's " + what + " URL is not set");
      }
      URI uri;
      try {
        uri = URI.create(url.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the remote store's " + what + " URL is not a URL: " + url, e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "the remote store's " + what + " URL must be an http(s) URL, got " + url);
      }
      return uri.toString();
    }
  }
}
