package org.newsgraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.config.NewsgraphProperties;

/** The store settings say what is wrong with them, and never show a password. */
class StoreSettingsTest {

  @Test
  void anUnknownTypeIsNamed() {
    var store = new NewsgraphProperties.Store("Oracle", Path.of("data"), null);

    assertThatThrownBy(store::settings)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newsgraph.store.type is oracle; it must be tdb2 or remote");
  }

  @Test
  void aRemoteStoreNeedsItsUrls() {
    var none = new NewsgraphProperties.Remote(null, null, null, null, null, null);
    var some = new NewsgraphProperties.Remote(null, "http://h/q", null, null, null, null);

    assertThatThrownBy(new NewsgraphProperties.Store("remote", null, none)::settings)
        .hasMessageContaining("newsgraph.store.remote.dataset");
    assertThatThrownBy(some::settings).hasMessage("the remote store's update URL is not set");
  }

  @Test
  void aFusekiDatasetNamesItsThreeEndpoints() {
    var fuseki =
        new NewsgraphProperties.Remote("http://h:3030/news/", null, null, null, "u", "hunter2");

    assertThat(fuseki.settings().query()).isEqualTo("http://h:3030/news/query");
    assertThat(fuseki.settings().update()).isEqualTo("http://h:3030/news/update");
    assertThat(fuseki.settings().graphStore()).isEqualTo("http://h:3030/news/data");
    assertThat(fuseki.toString()).doesNotContain("hunter2");
    assertThat(fuseki.settings().toString()).doesNotContain("hunter2");
    assertThat(new NewsgraphProperties.Store("remote", null, fuseki).toString())
        .doesNotContain("hunter2");
  }
}
