package org.newsgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.LocalFuseki;
import org.newsgraph.core.store.RemoteGraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every REST API test again, with the server keeping its graph in a real Fuseki server (started by
 * this test on a free port, with a TDB2 database of its own) instead of a TDB2 folder: the API must
 * not tell the two apart.
 */
class RemoteStoreRestApiTest extends RestApiTest {

  /** Runs until the tests' JVM ends, as Spring keeps the server's context until then. */
  private static final LocalFuseki FUSEKI =
      LocalFuseki.start(TemporaryFolders.deletedAtExit("newsgraph-remote-test"));

  @DynamicPropertySource
  static void remoteStore(DynamicPropertyRegistry registry) {
    registry.add("newsgraph.store.type", () -> "remote");
    registry.add("newsgraph.store.remote.dataset", FUSEKI::datasetUrl);
  }

  @Autowired GraphStore store;

  @Test
  void theServerKeepsItsGraphInTheRemoteServer() {
    assertThat(store).isInstanceOf(RemoteGraphStore.class);
    long quads = Txn.calculateRead(FUSEKI.database(), () -> FUSEKI.database().stream().count());
    assertThat(quads).isPositive();
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(quads);
  }

  @Test
  void articleTextSearchAnswers501SayingWhy() throws Exception {
    java.net.http.HttpResponse<String> refused = get("/api/articles?q=conference", null);

    assertThat(refused.statusCode()).isEqualTo(501);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(refused).get("detail").asString()).contains("has no text index");
  }

  @Test
  void aFactDecisionIsRefusedSayingWhyAndChangesNothing() throws Exception {
    String triple =
        "<https://newsgraph.org/id/entity/person/maria-lindqvist> ng:heads"
            + " <https://newsgraph.org/id/entity/organization/nordvik-robotics>";
    long before = count(triple);

    java.net.http.HttpResponse<String> refused =
        write(
            "/api/decisions",
            "application/json",
            "{\"kind\": \"reject-fact\", \"entity\": \"person/maria-lindqvist\","
                + " \"relation\": \"heads\", \"other\": \"organization/nordvik-robotics\"}");

    assertThat(refused.statusCode()).isEqualTo(501);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(refused).get("detail").asString()).contains("TDB2 store");
    assertThat(before).isEqualTo(1);
    assertThat(count(triple)).isEqualTo(before);
  }
}
