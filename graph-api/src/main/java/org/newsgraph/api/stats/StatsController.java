package org.newsgraph.api.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsgraph.api.graph.Views;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Counts of what the graph holds. */
@RestController
@Tag(name = "Statistics")
class StatsController {

  private final StatsReader reader;

  StatsController(StatsReader reader) {
    this.reader = reader;
  }

  @GetMapping(path = "/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Articles, entities by type, facts by relation, events by type, quotes")
  Views.Stats stats() {
    return reader.stats();
  }
}
