package org.newsgraph.api.web;

import org.newsgraph.api.TemporaryFolders;
import org.newsgraph.core.store.LocalFuseki;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every web page test again, in the browser, with the server keeping its graph in a real Fuseki
 * server (started by this test on a free port, with a TDB2 database of its own): the page must work
 * unchanged over a remote store.
 */
class RemoteStoreWebPageTest extends WebPageTest {

  /** Runs until the tests' JVM ends, as Spring keeps the server's context until then. */
  private static final LocalFuseki FUSEKI =
      LocalFuseki.start(TemporaryFolders.deletedAtExit("newsgraph-remote-web-test"));

  @DynamicPropertySource
  static void remoteStore(DynamicPropertyRegistry registry) {
    registry.add("newsgraph.store.type", () -> "remote");
    registry.add("newsgraph.store.remote.dataset", FUSEKI::datasetUrl);
  }
}
