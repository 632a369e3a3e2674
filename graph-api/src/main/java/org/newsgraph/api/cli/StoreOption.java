package org.newsgraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.GraphStores;
import org.newsgraph.core.store.StoreSettings;
import picocli.CommandLine.Option;

/**
 * The options that say which store a command works on: a TDB2 folder ({@code --store}), or a remote
 * SPARQL 1.1 server ({@code --remote}, a Fuseki dataset URL), whose password, if it needs one,
 * comes from the environment variable {@value #PASSWORD_VARIABLE}, never from the command line.
 */
public final class StoreOption {

  /** The environment variable that holds the remote server's password. */
  public static final String PASSWORD_VARIABLE = "NEWSGRAPH_REMOTE_PASSWORD";

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The TDB2 folder of the graph (default: ${DEFAULT-VALUE}).",
      defaultValue = "./data")
  Path folder;

  @Option(
      names = "--remote",
      paramLabel = "URL",
      description =
          "A remote SPARQL 1.1 store instead of the folder: a Fuseki dataset URL, such as"
              + " http://localhost:3030/news (its default graph must be the union of its named"
              + " graphs).")
  String remote;

  @Option(
      names = "--remote-user",
      paramLabel = "NAME",
      description = "The remote store's HTTP user; the password is read from $" + PASSWORD_VARIABLE)
  String remoteUser;

  /**
   * Returns the folder.
   *
   * @throws IllegalArgumentException if a remote store was given instead: the command works on
   *     folders only
   */
  public Path folder() {
    if (isRemote()) {
      throw new IllegalArgumentException(
          "this command works on a TDB2 folder (--store), not on a remote store (--remote)");
    }
    return folder;
  }

  /** Returns whether the store is a remote server rather than a folder. */
  public boolean isRemote() {
    return remote != null && !remote.isBlank();
  }

  /**
   * Returns the folder, which must hold a store already.
   *
   * @throws IllegalArgumentException if there is no folder
   */
  public Path existing() {
    if (!Files.isDirectory(folder())) {
      throw new IllegalArgumentException(
          "no store at "
              + folder.toAbsolutePath().normalize()
              + "; ingest articles first, or give --store");
    }
    return folder;
  }

  /** Opens the store: the remote server if one is given, else the folder. */
  public GraphStore open() {
    return GraphStores.open(settings());
  }

  /**
   * Opens the store, which must hold articles already if it is a folder.
   *
   * @throws IllegalArgumentException if there is no folder
   */
  public GraphStore openExisting() {
    if (!isRemote()) {
      existing();
    }
    return open();
  }

  /** Says where the store is, for people: never a password. */
  String describe() {
    return settings().describe();
  }

  /** Returns the store's settings: the server's dataset URL if one is given, else the folder. */
  StoreSettings settings() {
    return isRemote()
        ? StoreSettings.Remote.fuseki(remote, remoteUser, System.getenv(PASSWORD_VARIABLE))
        : new StoreSettings.Tdb2(folder);
  }

  /** Returns the server's properties for this store; the password stays in the environment. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("newsgraph.store.path", folder.toString());
    if (isRemote()) {
      properties.put("newsgraph.store.type", StoreSettings.Remote.TYPE);
      properties.put("newsgraph.store.remote.dataset", remote);
      if (remoteUser != null) {
        properties.put("newsgraph.store.remote.user", remoteUser);
        properties.put("newsgraph.store.remote.password", "${" + PASSWORD_VARIABLE + ":}");
      }
    }
    return properties;
  }
}
