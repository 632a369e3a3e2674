package org.newsgraph.core.store;

import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A real Fuseki server for tests, on a free port of the loopback interface, serving one TDB2
 * database at {@code /news} whose default graph is the union of its named graphs, as a user would
 * configure it for Newsgraph. Other modules' tests use it too (it is in graph-core's test jar).
 */
public final class LocalFuseki implements AutoCloseable {

  private final DatasetGraph database;
  private final FusekiServer server;

  private LocalFuseki(DatasetGraph database, FusekiServer server) {
    this.database = database;
    this.server = server;
  }

  /** Starts a server over a new TDB2 database in the folder. */
  public static LocalFuseki start(Path folder) {
    DatasetGraph database = DatabaseMgr.connectDatasetGraph(folder.toString());
    database.getContext().set(TDB2.symUnionDefaultGraph, true);
    FusekiServer server =
        FusekiServer.create().port(0).loopback(true).add("/news", database).build().start();
    return new LocalFuseki(database, server);
  }

  /** Returns the dataset's URL, as {@code newsgraph.store.remote.dataset} takes it. */
  public String datasetUrl() {
    return "http://127.0.0.1:" + server.getHttpPort() + "/news";
  }

  /** Returns the endpoints of the dataset. */
  public StoreSettings.Remote settings() {
    return StoreSettings.Remote.fuseki(datasetUrl(), null, null);
  }

  /** Returns the server's own database, to check what reached it. */
  public DatasetGraph database() {
    return database;
  }

  /** Removes everything from the database. */
  public void clear() {
    Txn.executeWrite(database, database::clear);
  }

  @Override
  public void close() {
    server.stop();
  }
}
