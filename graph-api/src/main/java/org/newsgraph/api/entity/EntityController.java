package org.newsgraph.api.entity;

import static org.newsgraph.api.rest.Problems.within;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.api.event.EventReader;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.JsonLd;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.rest.Page;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.GraphException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entities for apps: search by name, everything about one entity, its neighbourhood for a graph
 * widget, and the paths between two entities. An entity's id is its type and key, as in its IRI:
 * {@code organization/openai}.
 */
@RestController
@Tag(name = "Entities", description = "People, organisations, places and products")
class EntityController {

  /** The longest search text: names are shorter, and longer words overwhelm the name index. */
  static final int MAX_SEARCH_LENGTH = 200;

  private final EntityReader reader;
  private final ConnectionReader connections;
  private final EventReader events;

  EntityController(EntityReader reader, ConnectionReader connections, EventReader events) {
    this.reader = reader;
    this.connections = connections;
    this.events = events;
  }

  @GetMapping(
      path = "/api/entities",
      produces = {MediaType.APPLICATION_JSON_VALUE, JsonLd.MEDIA_TYPE_VALUE})
  @Operation(
      summary = "Find entities by name or alias, best match first",
      description =
          "As JSON-LD (Accept: application/ld+json): the page's entities with their types and"
              + " names, unordered, with a Link header to the next page when there may be one.")
  ResponseEntity<?> search(
      @Parameter(description = "words of the name; the last may be the start of a word")
          @RequestParam
          String q,
      @Parameter(description = "Person, Organization, Place or Product")
          @RequestParam(required = false)
          String type,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    within("limit", limit, 1, 200);
    within("offset", offset, 0, 10_000);
    if (q.length() > MAX_SEARCH_LENGTH) {
      throw Problems.badParameter(
          "q", "q may be " + MAX_SEARCH_LENGTH + " characters long at most, not " + q.length());
    }
    List<Views.Match> matches = reader.search(q, entityType(type), limit, offset);
    return JsonLd.negotiatePage(
        accept, Page.of(matches, limit, offset), () -> reader.matchesGraph(matches));
  }

  @GetMapping(
      path = "/api/entities/{type}/{key}",
      produces = {MediaType.APPLICATION_JSON_VALUE, JsonLd.MEDIA_TYPE_VALUE})
  @Operation(
      summary = "Everything about an entity",
      description =
          "Its names, the facts about it with their sources, its events, quotes and articles."
              + " As JSON-LD (Accept: application/ld+json): its triples. An id merged into"
              + " another answers 308 to the one kept; the plain id of a person's name that"
              + " several people share, each under an id of their own, answers 300 with them.")
  ResponseEntity<?> entity(
      @PathVariable String type,
      @PathVariable String key,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    String id = id(type, key);
    Optional<EntityRef> kept = reader.mergedInto(id);
    if (kept.isPresent()) {
      // An IRI merged into another keeps answering: its readers are sent to the one kept.
      return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
          .location(URI.create("/api/entities/" + kept.get().id()))
          .build();
    }
    List<EntityRef> namesakes = reader.namesakes(id);
    if (!namesakes.isEmpty() && reader.entity(id).isEmpty()) {
      // The plain id of a name several people share keeps answering: with the choice of them.
      return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
          .contentType(MediaType.APPLICATION_JSON)
          .body(new Views.Namesakes(id, namesakes));
    }
    return JsonLd.negotiate(
        accept,
        () -> reader.entityGraph(id).orElseThrow(() -> unknown(id)),
        () -> reader.entity(id).orElseThrow(() -> unknown(id)));
  }

  @GetMapping(
      path = "/api/entities/{type}/{key}/neighbourhood",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The entities around an entity, and the relations between them",
      description =
          "With events=true, also the events that these entities took part in, by date (undated"
              + " last), at most as many as the limit; their participants may lie outside the"
              + " neighbourhood.")
  Views.Neighbourhood neighbourhood(
      @PathVariable String type,
      @PathVariable String key,
      @Parameter(description = "how many relations out, 1 to 3") @RequestParam(defaultValue = "1")
          int depth,
      @Parameter(description = "the most entities, and the most events, 1 to 500")
          @RequestParam(defaultValue = "100")
          int limit,
      @Parameter(description = "whether to add the entities' events")
          @RequestParam(defaultValue = "false")
          boolean events) {
    String id = id(type, key);
    Views.Neighbourhood around =
        connections
            .neighbourhood(id, within("depth", depth, 1, 3), within("limit", limit, 1, 500))
            .orElseThrow(() -> unknown(id));
    if (!events) {
      return around;
    }
    // One more than the limit tells whether the limit cut them short.
    List<Views.Event> found =
        this.events.eventsOfAny(
            around.nodes().stream()
                .map(node -> NodeFactory.createURI(node.entity().iri()))
                .toList(),
            limit + 1);
    return around.withEvents(found.subList(0, Math.min(limit, found.size())), found.size() > limit);
  }

  @GetMapping(path = "/api/paths", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "How two entities are connected: the shortest chains of relations")
  Views.Paths paths(
      @Parameter(description = "an entity id, such as person/sam-altman") @RequestParam String from,
      @Parameter(description = "an entity id") @RequestParam String to,
      @RequestParam(defaultValue = "3") int maxLength,
      @RequestParam(defaultValue = "10") int limit) {
    return connections
        .paths(from, to, within("maxLength", maxLength, 1, 5), within("limit", limit, 1, 100))
        .orElseThrow(() -> Problems.notFound("no entity " + from + " or no entity " + to));
  }

  static String id(String type, String key) {
    return type + "/" + key;
  }

  static EntityType entityType(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return EntityType.fromLabel(type);
    } catch (GraphException e) {
      throw Problems.badParameter("type", "type must be Person, Organization, Place or Product");
    }
  }

  private static RuntimeException unknown(String id) {
    return Problems.notFound("no entity with id " + id + " is stored");
  }
}
