package org.newsgraph.api.sparql;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.ingest.RequestBodies;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPARQL 1.1 update endpoint at {@code /update}, for writers only ({@code WriteAccess}), and
 * only where {@code newsgraph.sparql.update-enabled} is set: it is not found otherwise. Each
 * request is one transaction, held to the same limits as a query (size, time, what it builds);
 * {@code LOAD} reads only from the hosts of the allowed endpoints, never a file. Updates bypass
 * extraction and the shapes: they are for the operators of the graph.
 */
@RestController
@Tag(name = "SPARQL")
class UpdateController {

  private final GraphStore store;
  private final QueryLimits limits;
  private final boolean enabled;
  private final DataSize maxSize;

  UpdateController(GraphStore store, QueryLimits limits, NewsgraphProperties properties) {
    this.store = store;
    this.limits = limits;
    this.enabled = properties.sparql().updateEnabled();
    this.maxSize = properties.sparql().maxQuerySize();
  }

  @PostMapping(path = "/update", consumes = "application/sparql-update")
  @Operation(summary = "Run a SPARQL update (writers only, where enabled)")
  ResponseEntity<Void> update(HttpServletRequest request) {
    long start = System.nanoTime();
    requireEnabled();
    return run(start, RequestBodies.read(request, maxSize));
  }

  @PostMapping(path = "/update", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Run a SPARQL update sent as a form (writers only, where enabled)")
  ResponseEntity<Void> updateForm(@RequestParam(name = "update") String update) {
    long start = System.nanoTime();
    requireEnabled();
    return run(start, update);
  }

  private void requireEnabled() {
    if (!enabled) {
      throw Problems.notFound(
          "SPARQL updates are not enabled on this server (newsgraph.sparql.update-enabled)");
    }
  }

  private ResponseEntity<Void> run(long start, String update) {
    SparqlQueries.requireSize(update, maxSize);
    UpdateRequest request = SparqlQueries.parseUpdate(update);
    SparqlQueries.nestingChecked(
        () -> {
          store.update(request, SparqlQueries.remaining(limits, start));
          return null;
        });
    return ResponseEntity.noContent().build();
  }
}
