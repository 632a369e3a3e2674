package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.resolve.EntityResolver;

/**
 * The remote store against a real Virtuoso server, a second SPARQL 1.1 server beside Fuseki: one
 * server, started as a process of its own over a new database, for every case of the contract.
 */
class VirtuosoGraphStoreTest extends GraphStoreContract {

  @TempDir static Path folder;
  private static LocalVirtuoso virtuoso;

  @BeforeAll
  static void startVirtuoso() {
    virtuoso = LocalVirtuoso.start(folder.resolve("virtuoso"));
  }

  @AfterAll
  static void stopVirtuoso() {
    if (virtuoso != null) {
      virtuoso.close();
    }
  }

  @BeforeEach
  void emptyTheDatabase() {
    virtuoso.clear();
  }

  @Override
  Set<String> serversOwnGraphs() {
    return virtuoso.ownGraphs();
  }

  /**
   * Virtuoso's default graph holds each named graph's triples as they are, not their set: a triple
   * that two articles state is there twice, where TDB2 and Fuseki hold it once. Queries that count
   * across articles say {@code DISTINCT} to get the same answer everywhere (the README says so).
   */
  @Override
  @Test
  void aTripleThatTwoArticlesStateIsOnceInTheDefaultGraph() {
    store.replaceArticle(Fixtures.nordvik());
    store.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));

    assertThat(count("?c rdfs:label \"Nordvik Robotics\"")).isEqualTo(2);
    assertThat(count("SELECT DISTINCT ?c ?name { ?c rdfs:label ?name }"))
        .isEqualTo(count("SELECT DISTINCT ?c ?name { GRAPH ?g { ?c rdfs:label ?name } }"));
  }

  @Test
  void theArticlesAreInTheServersOwnDatabaseBesideItsOwnGraphs() {
    store.replaceArticle(Fixtures.nordvik());

    assertThat(virtuoso.ownGraphs()).isNotEmpty();
    assertThat(storedQuads()).isGreaterThan(40);
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isGreaterThan(storedQuads());
    assertThat(store.articleIds()).containsExactly("nordvik-1");
  }

  /**
   * Virtuoso reads Fuseki's {@code timeout} parameter as milliseconds and, when they run out,
   * answers with the rows found so far as if they were all (a 30 s limit, sent as {@code 30.000},
   * cut a three-way cross product off after 2 s with a partial count): it is not sent.
   */
  @Test
  void virtuosoIsNotToldFusekisTimeout() {
    assertThat(((RemoteGraphStore) store).tellsServerTheTimeout()).isFalse();
  }

  @Override
  GraphStore open(EntityResolver resolver) {
    // A fixed clock: the version then moves with this store's writes only, as the contract says.
    return RemoteGraphStore.open(
        virtuoso.settings(),
        resolver,
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
        Duration.ofSeconds(10));
  }
}
