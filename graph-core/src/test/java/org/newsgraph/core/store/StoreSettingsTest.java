package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Fixtures;

/** The store's settings are read in one place, name what is wrong and open the store they say. */
class StoreSettingsTest {

  private static final StoreSettings.Remote FUSEKI =
      StoreSettings.Remote.fuseki("http://h:3030/news/", "u", "hunter2");

  @Test
  void theTypeIsTdb2UnlessSaidOtherwiseAndReadInAnyCase() {
    assertThat(StoreSettings.parse(null, Path.of("data"), () -> FUSEKI))
        .isEqualTo(new StoreSettings.Tdb2(Path.of("data")));
    assertThat(StoreSettings.parse(" ", Path.of("data"), () -> FUSEKI))
        .isInstanceOf(StoreSettings.Tdb2.class);
    assertThat(StoreSettings.parse(" Remote ", null, () -> FUSEKI)).isSameAs(FUSEKI);
  }

  @Test
  void anUnknownTypeIsNamedWithTheTypesThereAre() {
    assertThatThrownBy(() -> StoreSettings.parse("Oracle", Path.of("data"), () -> FUSEKI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newsgraph.store.type is oracle; it must be tdb2 or remote");
  }

  @Test
  void eachTypeNeedsWhatItNamesAndOnlyThat() {
    assertThatThrownBy(() -> StoreSettings.parse("tdb2", null, () -> FUSEKI))
        .hasMessage("newsgraph.store.type is tdb2 but newsgraph.store.path is not set");
    assertThatThrownBy(
            () ->
                StoreSettings.parse(
                    "remote",
                    Path.of("data"),
                    () -> StoreSettings.Remote.of(null, null, null, null, null, null)))
        .hasMessageContaining("newsgraph.store.remote.dataset");
    assertThat(
            StoreSettings.parse(
                "tdb2",
                Path.of("data"),
                () -> {
                  throw new AssertionError("the remote settings are read for a TDB2 store");
                }))
        .isInstanceOf(StoreSettings.Tdb2.class);
  }

  @Test
  void aFusekiDatasetNamesItsThreeEndpointsAndOtherServersGiveEach() {
    assertThat(FUSEKI.query()).isEqualTo("http://h:3030/news/query");
    assertThat(FUSEKI.update()).isEqualTo("http://h:3030/news/update");
    assertThat(FUSEKI.graphStore()).isEqualTo("http://h:3030/news/data");
    assertThat(
            StoreSettings.Remote.of(
                    "http://ignored/",
                    "http://v/sparql",
                    "http://v/sparql",
                    "http://v/sparql-graph-crud",
                    null,
                    null)
                .graphStore())
        .isEqualTo("http://v/sparql-graph-crud");
    assertThatThrownBy(() -> StoreSettings.Remote.of(null, "http://h/q", null, null, null, null))
        .hasMessage("the remote store's update URL is not set");
  }

  @Test
  void endpointsMustBeHttpUrlsAndNeverShowThePassword() {
    assertThatThrownBy(() -> StoreSettings.Remote.fuseki("file:///etc/passwd", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be an http(s) URL");
    assertThatThrownBy(() -> StoreSettings.Remote.fuseki(" ", null, null))
        .hasMessageContaining("is not set");
    assertThat(FUSEKI)
        .hasToString(
            "Remote[query=http://h:3030/news/query, update=http://h:3030/news/update,"
                + " graphStore=http://h:3030/news/data]")
        .asString()
        .doesNotContain("hunter2");
    assertThat(FUSEKI.describe()).isEqualTo("http://h:3030/news/query");
  }

  @Test
  void theSettingsOpenTheStoreTheyDescribe(@TempDir Path folder) {
    try (GraphStore tdb2 = GraphStores.open(new StoreSettings.Tdb2(folder.resolve("tdb2")));
        LocalFuseki fuseki = LocalFuseki.start(folder.resolve("fuseki"));
        GraphStore remote = GraphStores.open(fuseki.settings())) {
      tdb2.replaceArticle(Fixtures.nordvik());
      remote.replaceArticle(Fixtures.nordvik());

      assertThat(tdb2).isInstanceOf(Tdb2GraphStore.class);
      assertThat(remote).isInstanceOf(RemoteGraphStore.class);
      assertThat(tdb2.articleIds()).isEqualTo(remote.articleIds()).containsExactly("nordvik-1");
    }
  }
}
