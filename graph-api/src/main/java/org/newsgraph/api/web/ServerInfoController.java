package org.newsgraph.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.Ontology;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a client, such as the web page, needs to know of the server before it starts. */
@RestController
@Tag(name = "Server")
class ServerInfoController {

  /** Who may write: anyone, holders of credentials, or no one. */
  enum Writes {
    OPEN,
    CREDENTIALS,
    DISABLED
  }

  /**
   * The server as a client sees it.
   *
   * @param writes who may ingest and delete articles
   * @param pipeline where the NLP pipeline, which ingest needs, is in its loading
   * @param prefixes the prefixes that SPARQL queries may use undeclared
   * @param decisions whether the store keeps analysts' decisions about who is who (a remote store
   *     does not)
   */
  record ServerInfo(
      Writes writes,
      NlpPipelineLoader.State pipeline,
      Map<String, String> prefixes,
      boolean decisions) {}

  private final NlpPipelineLoader nlp;
  private final NewsgraphProperties.Security security;

  private final GraphStore store;

  ServerInfoController(NlpPipelineLoader nlp, NewsgraphProperties properties, GraphStore store) {
    this.nlp = nlp;
    this.store = store;
    this.security = properties.security();
  }

  @GetMapping(path = "/api/server", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Who may write, whether ingest is ready, and the SPARQL prefixes declared")
  ServerInfo server() {
    Writes writes =
        security.openWrites()
            ? Writes.OPEN
            : security.hasCredentials() ? Writes.CREDENTIALS : Writes.DISABLED;
    return new ServerInfo(
        writes,
        nlp.state(),
        new TreeMap<>(Ontology.prefixes().getNsPrefixMap()),
        store.decidesIdentity());
  }
}
