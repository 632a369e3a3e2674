package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

/** Opens the {@link GraphStore} that {@link StoreSettings} describe. */
public final class GraphStores {

  private GraphStores() {}

  /**
   * Opens the store: the TDB2 database in the folder (created if need be), or a connection to the
   * remote server, checked as {@link RemoteGraphStore#open(StoreSettings.Remote)} says.
   *
   * @throws org.newsgraph.core.GraphException if the folder cannot be used or the server cannot be
   *     reached or does not keep its graphs as Newsgraph needs
   */
  public static GraphStore open(StoreSettings settings) {
    requireNonNull(settings, "settings");
    // Java 17 has no switch over a sealed type; the cast cannot fail, as it permits these two.
    if (settings instanceof StoreSettings.Tdb2 tdb2) {
      return Tdb2GraphStore.open(tdb2.folder());
    }
    return RemoteGraphStore.open((StoreSettings.Remote) settings);
  }
}
