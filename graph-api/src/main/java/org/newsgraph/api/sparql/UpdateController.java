package org.newsgraph.api.sparql;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.api.NewsgraphProperties;
import org.newsgraph.api.Problems;
import org.newsgraph.core.store.GraphStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPARQL 1.1 update endpoint at {@code /update}, for writers only ({@code WriteAccess}), and
 * only where {@code newsgraph.sparql.update-enabled} is set: it is not found otherwise. Each
 * request is one transaction. Updates bypass extraction and the shapes: they are for the operators
 * of the graph.
 */
@RestController
@Tag(name = "SPARQL")
class UpdateController {

  private final GraphStore store;
  private final boolean enabled;

  UpdateController(GraphStore store, NewsgraphProperties properties) {
    this.store = store;
    this.enabled = properties.sparql().updateEnabled();
  }

  @PostMapping(path = "/update", consumes = "application/sparql-update")
  @Operation(summary = "Run a SPARQL update (writers only, where enabled)")
  ResponseEntity<Void> update(@RequestBody String update) {
    return run(update);
  }

  @PostMapping(path = "/update", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Run a SPARQL update sent as a form (writers only, where enabled)")
  ResponseEntity<Void> updateForm(@RequestParam(name = "update") String update) {
    return run(update);
  }

  private ResponseEntity<Void> run(String update) {
    if (!enabled) {
      throw Problems.notFound(
          "SPARQL updates are not enabled on this server (newsgraph.sparql.update-enabled)");
    }
    UpdateRequest request = UpdateFactory.create(update);
    store.update(request);
    return ResponseEntity.noContent().build();
  }
}
