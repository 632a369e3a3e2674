package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.resolve.EntityResolver;

/**
 * The remote store against a real Fuseki server, started on port 0 over a TDB2 database of its own
 * whose default graph is the union of its named graphs, as a user would configure it.
 */
class RemoteGraphStoreTest extends GraphStoreContract {

  @TempDir static Path databases;
  private static LocalFuseki fuseki;
  private static FusekiServer plain;

  @BeforeAll
  static void startFuseki() {
    fuseki = LocalFuseki.start(databases.resolve("union"));
    // A server as it comes: its default graph holds no named graph's triples.
    DatasetGraph separate = DatabaseMgr.connectDatasetGraph(databases.resolve("plain").toString());
    Txn.executeWrite(
        separate,
        () ->
            separate.add(
                Quad.create(
                    NodeFactory.createURI("urn:g"),
                    NodeFactory.createURI("urn:s"),
                    NodeFactory.createURI("urn:p"),
                    NodeFactory.createURI("urn:o"))));
    plain = FusekiServer.create().port(0).loopback(true).add("/plain", separate).build().start();
  }

  @AfterAll
  static void stopFuseki() {
    fuseki.close();
    plain.stop();
  }

  @BeforeEach
  void emptyTheDatabase() {
    fuseki.clear();
  }

  @Override
  GraphStore open(EntityResolver resolver) {
    // A fixed clock: the version then moves with this store's writes only, as the contract says.
    return RemoteGraphStore.open(
        endpoints("/news"),
        resolver,
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
        Duration.ofSeconds(10));
  }

  private static StoreSettings.Remote endpoints(String dataset) {
    String server =
        dataset.equals("/plain")
            ? "http://127.0.0.1:" + plain.getHttpPort()
            : fuseki.datasetUrl().substring(0, fuseki.datasetUrl().lastIndexOf('/'));
    return StoreSettings.Remote.fuseki(server + dataset, null, null);
  }

  @Test
  void theArticlesAreInTheServersOwnDatabase() {
    store.replaceArticle(Fixtures.nordvik());

    DatasetGraph database = fuseki.database();
    long quads = Txn.calculateRead(database, () -> database.stream().count());
    assertThat(quads).isEqualTo(count("GRAPH ?g { ?s ?p ?o }")).isGreaterThan(40);
  }

  @Test
  void articleTextSearchIsRefusedNamingTheMissingIndex() {
    assertThat(store.indexesArticleText()).isFalse();
    assertThatThrownBy(() -> store.searchArticles("conference", 10, 0))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("needs the Lucene index of a TDB2 store");
  }

  @Test
  void fusekiIsToldTheTimeoutToStopTheQueryItself() {
    assertThat(((RemoteGraphStore) store).tellsServerTheTimeout()).isTrue();
  }

  @Test
  void aServerWhoseDefaultGraphIsNotTheUnionIsRefusedWithTheReason() {
    assertThatThrownBy(() -> RemoteGraphStore.open(endpoints("/plain")))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("keeps its named graphs out of its default graph")
        .hasMessageContaining("unionDefaultGraph");
  }

  @Test
  void anUnreachableServerIsNamedInTheError() {
    assertThatThrownBy(() -> RemoteGraphStore.open(endpoints("/missing")))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("/missing/query")
        .hasMessageContaining("404");
  }

  @Test
  void otherWritersChangesAreSeenByTheVersionWithinItsPeriod() {
    Clock[] now = {Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC)};
    Clock moving =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0].instant();
          }
        };
    try (RemoteGraphStore reader =
        RemoteGraphStore.open(
            endpoints("/news"), EntityResolver.minting(), moving, Duration.ofSeconds(10))) {
      long before = reader.version();
      store.replaceArticle(Fixtures.nordvik());
      assertThat(reader.version()).isEqualTo(before);

      now[0] = Clock.offset(now[0], Duration.ofSeconds(10));

      assertThat(reader.version()).isNotEqualTo(before);
    }
  }
}
