package org.newsgraph.api.event;

import static org.newsgraph.api.rest.Problems.within;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.JsonLd;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.rest.Page;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.DateValue;
import org.newsgraph.core.EventType;
import org.newsgraph.core.GraphException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The timeline: events by date, filtered by type, dates and participant. */
@RestController
@Tag(name = "Events", description = "What happened when")
class EventController {

  private final EventReader reader;

  EventController(EventReader reader) {
    this.reader = reader;
  }

  @GetMapping(
      path = "/api/events",
      produces = {MediaType.APPLICATION_JSON_VALUE, JsonLd.MEDIA_TYPE_VALUE})
  @Operation(
      summary = "Events in date order, oldest or newest first, undated ones last",
      description =
          "As JSON-LD (Accept: application/ld+json): the page's events as triples, each article's"
              + " report of an event apart, with a Link header to the next page when there may be"
              + " one.")
  ResponseEntity<?> events(
      @Parameter(description = "on or after: YYYY, YYYY-MM or YYYY-MM-DD")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "on or before: YYYY, YYYY-MM or YYYY-MM-DD")
          @RequestParam(required = false)
          String to,
      @Parameter(
              description =
                  "PressConference, Acquisition, FundingRound, Agreement, Lawsuit,"
                      + " ProductLaunch, Appointment or Resignation")
          @RequestParam(required = false)
          String type,
      @Parameter(description = "an entity id, such as person/sam-altman")
          @RequestParam(required = false)
          String participant,
      @Parameter(description = "oldest (the default) or newest: which dates come first")
          @RequestParam(defaultValue = "oldest")
          String order,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    within("limit", limit, 1, 500);
    within("offset", offset, 0, 100_000);
    EventReader.EventFilter filter =
        new EventReader.EventFilter(
            eventType(type),
            date("from", from),
            date("to", to),
            participant == null
                ? null
                : EntityRef.iriOf(participant)
                    .map(NodeFactory::createURI)
                    .orElseThrow(
                        () ->
                            Problems.badParameter(
                                "participant",
                                "participant must be an entity id such as person/ada-lovelace")),
            null);
    List<Views.Event> events = reader.events(filter, order(order), limit, offset);
    return JsonLd.negotiatePage(
        accept, Page.of(events, limit, offset), () -> reader.graphOf(events));
  }

  private static EventReader.Order order(String order) {
    return switch (order) {
      case "oldest" -> EventReader.Order.OLDEST_FIRST;
      case "newest" -> EventReader.Order.NEWEST_FIRST;
      default ->
          throw Problems.badParameter("order", "order must be oldest or newest, not " + order);
    };
  }

  private static String date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!DateValue.isValid(value)) {
      throw Problems.badParameter(
          name, name + " must be YYYY, YYYY-MM or YYYY-MM-DD, not " + value);
    }
    return value;
  }

  private static EventType eventType(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return EventType.fromLabel(type);
    } catch (GraphException e) {
      throw Problems.badParameter(
          "type",
          "type must be one of "
              + java.util.Arrays.stream(EventType.values()).map(EventType::label).toList());
    }
  }
}
