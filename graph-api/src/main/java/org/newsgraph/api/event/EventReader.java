package org.newsgraph.api.event;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.SortCondition;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.api.graph.ArticleRefs;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.resolve.EventStorylines;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.EventRole;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;
import org.springframework.stereotype.Component;

/**
 * Reads events for the timeline, and for the pages of entities and articles: first the page of
 * events, which the indexes answer, then the details of those alone. Thread-safe.
 */
@Component
public final class EventReader {

  private static final Query EVENTS = Sparql.load(EventReader.class, "events.rq");
  private static final Query DETAILS = Sparql.load(EventReader.class, "event-details.rq");
  private static final Query PARTICIPANTS = Sparql.load(EventReader.class, "participants.rq");
  private static final Query GRAPH = Sparql.load(EventReader.class, "event-graph.rq");

  /** The most reports of the storylines of one listing that are read. */
  private static final int MAX_REPORTS = 500;

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final ArticleRefs articles;

  /** Reads events from the store, each query within the limits. */
  public EventReader(
      GraphStore store, QueryLimits limits, EntityNames names, ArticleRefs articles) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.articles = requireNonNull(articles, "articles");
  }

  /**
   * Which events to list; each part may be {@code null}.
   *
   * @param type events of this type
   * @param from dated on or after this day, month or year (YYYY, YYYY-MM or YYYY-MM-DD)
   * @param to dated on or before this
   * @param participant with this entity taking part
   * @param article reported by this article; not with a participant
   */
  public record EventFilter(
      EventType type, String from, String to, Node participant, Node article) {

    /** Checks that the filter narrows the events by a participant or by an article, not both. */
    public EventFilter {
      if (participant != null && article != null) {
        throw new IllegalArgumentException(
            "events are filtered by a participant or by an article, not both: "
                + participant
                + ", "
                + article);
      }
    }

    /** Returns the filter that lets every event through. */
    public static EventFilter any() {
      return new EventFilter(null, null, null, null, null);
    }

    /** Returns the filter that lets through the events an entity took part in. */
    public static EventFilter withParticipant(Node entity) {
      return new EventFilter(null, null, null, entity, null);
    }

    /** Returns the filter that lets through the events an article reports. */
    public static EventFilter inArticle(Node article) {
      return new EventFilter(null, null, null, null, article);
    }
  }

  /** Which events come first in a listing; undated events come last either way. */
  public enum Order {
    /** The earliest date first. */
    OLDEST_FIRST,
    /** The latest date first: what happened lately, as a home page shows it. */
    NEWEST_FIRST
  }

  /** Returns events in date order, oldest first (undated last), a page at a time. */
  public List<Views.Event> events(EventFilter filter, int limit, int offset) {
    return events(filter, Order.OLDEST_FIRST, limit, offset);
  }

  /** Returns events in date order (undated last either way), a page at a time. */
  public List<Views.Event> events(EventFilter filter, Order order, int limit, int offset) {
    Query query = Sparql.bind(EVENTS, narrowing(filter));
    if (order == Order.NEWEST_FIRST) {
      // The query orders by "undated", then the date, then the event: only the date turns round.
      query
          .getOrderBy()
          .replaceAll(
              condition ->
                  condition.getExpression().isVariable()
                          && condition.getExpression().getVarName().equals("date")
                      ? new SortCondition(condition.getExpression(), Query.ORDER_DESCENDING)
                      : condition);
    }
    query = ofTypes(query, filter.type());
    if (filter.from() != null) {
      query =
          Sparql.withValues(query, "from", List.of(NodeFactory.createLiteralString(filter.from())));
    }
    if (filter.to() != null) {
      query = Sparql.withValues(query, "to", List.of(NodeFactory.createLiteralString(filter.to())));
    }
    query.setLimit(limit);
    query.setOffset(offset);
    List<Views.Event> page = details(select(query));
    if (filter.article() != null) {
      // An article's page lists what the article says: its own reports, each with its storyline.
      return page.stream().map(e -> storyline(e).map(e::inStoryline).orElse(e)).toList();
    }
    return asStorylines(page);
  }

  /**
   * Returns the events that any of the entities took part in, in date order (undated last), each
   * once; at most {@code limit}. This is how a neighbourhood's events are found: one question for
   * all its entities rather than one for each.
   */
  public List<Views.Event> eventsOfAny(Collection<Node> entities, int limit) {
    if (entities.isEmpty()) {
      return List.of();
    }
    Query query = Sparql.bind(EVENTS, Map.of("by", NG.participant.asNode()));
    query = ofTypes(Sparql.withValues(query, "at", List.copyOf(entities)), null);
    // An event that two of the entities took part in is found once for each.
    query.setDistinct(true);
    query.setLimit(limit);
    return asStorylines(details(select(query)));
  }

  /**
   * Returns the triples of the events as RDF: each listed event and every article's report of its
   * storyline, since the graph keeps the reports and not the storylines, with the names of the
   * entities they point at and the titles of their articles.
   */
  public Model graphOf(List<Views.Event> events) {
    Set<Node> iris = new LinkedHashSet<>();
    for (Views.Event event : events) {
      iris.add(NodeFactory.createURI(event.iri()));
      event.reports().forEach(report -> iris.add(NodeFactory.createURI(report.event())));
    }
    if (iris.isEmpty()) {
      return ModelFactory.createDefaultModel().setNsPrefixes(Ontology.prefixes());
    }
    return Sparql.construct(store, Sparql.withValues(GRAPH, "event", List.copyOf(iris)), limits);
  }

  /** The query with its event types given: the one type, or every type when it is null. */
  private static Query ofTypes(Query query, EventType type) {
    return Sparql.withValues(
        query,
        "class",
        Arrays.stream(EventType.values())
            .filter(t -> type == null || type == t)
            .map(t -> t.ontologyClass().asNode())
            .toList());
  }

  /** The events of a page of the events query, with their details, in the page's order. */
  private List<Views.Event> details(List<QuerySolution> page) {
    List<Node> eventNodes = page.stream().map(r -> r.getResource("event").asNode()).toList();
    if (eventNodes.isEmpty()) {
      return List.of();
    }
    Map<Node, QuerySolution> details = new HashMap<>();
    for (QuerySolution row : select(Sparql.withValues(DETAILS, "event", eventNodes))) {
      details.putIfAbsent(row.getResource("event").asNode(), row);
    }
    List<QuerySolution> rows =
        eventNodes.stream().map(details::get).filter(Objects::nonNull).toList();
    Map<Node, QuerySolution> pageRows = new HashMap<>();
    page.forEach(r -> pageRows.put(r.getResource("event").asNode(), r));
    // Each event's participants in the order found, each with its role or null for none.
    Map<Node, Map<Node, String>> participants = new HashMap<>();
    Set<Node> entities = new LinkedHashSet<>();
    for (QuerySolution row : select(Sparql.withValues(PARTICIPANTS, "event", eventNodes))) {
      Node participant = row.getResource("participant").asNode();
      Map<Node, String> ofEvent =
          participants.computeIfAbsent(
              row.getResource("event").asNode(), k -> new LinkedHashMap<>());
      String role =
          EventRole.ofProperty(row.getResource("link").getURI()).map(EventRole::role).orElse(null);
      if (role != null || !ofEvent.containsKey(participant)) {
        ofEvent.put(participant, role);
      }
      entities.add(participant);
    }
    rows.stream()
        .filter(r -> r.getResource("place") != null)
        .forEach(r -> entities.add(r.getResource("place").asNode()));
    Map<String, EntityRef> named = names.of(entities);
    Map<String, ArticleRef> sources = articles.ofRows(rows);
    List<Views.Event> events = new ArrayList<>();
    for (QuerySolution row : rows) {
      Node event = row.getResource("event").asNode();
      QuerySolution listed = pageRows.get(event);
      events.add(
          new Views.Event(
              event.getURI(),
              listed.getResource("class").getLocalName(),
              listed.getLiteral("date") == null ? null : listed.getLiteral("date").getLexicalForm(),
              row.getResource("place") == null
                  ? null
                  : named.get(row.getResource("place").getURI()),
              participants.getOrDefault(event, Map.of()).entrySet().stream()
                  .filter(p -> named.containsKey(p.getKey().getURI()))
                  .map(p -> Views.Participant.of(named.get(p.getKey().getURI()), p.getValue()))
                  .toList(),
              row.getLiteral("trigger").getString(),
              ArticleRefs.evidence(row, sources),
              status(row),
              amount(row),
              row.getLiteral("effective") == null
                  ? null
                  : row.getLiteral("effective").getLexicalForm(),
              null,
              List.of()));
    }
    return events;
  }

  /**
   * The events of a listing with those that report one real event gathered into one: the first of a
   * storyline in the listing's order stands for it, and the others of the page are left out. It
   * carries every report of the storyline in the store, whichever page they are on: the date of its
   * earliest report, where it stands by its latest, the sum and the effective date its latest
   * reports give, and each participant once. A storyline whose reports fall on several pages of a
   * listing appears on each of them.
   */
  private List<Views.Event> asStorylines(List<Views.Event> listed) {
    Map<Views.Event, String> storylineOf = new HashMap<>();
    for (Views.Event event : listed) {
      storyline(event).ifPresent(iri -> storylineOf.put(event, iri));
    }
    Map<String, List<Views.Event>> reports = reportsOf(storylineOf);
    List<Views.Event> events = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    for (Views.Event event : listed) {
      String storyline = storylineOf.get(event);
      if (storyline == null) {
        events.add(event);
      } else if (shown.add(storyline)) {
        events.add(gathered(storyline, reports.getOrDefault(storyline, List.of(event))));
      }
    }
    return events;
  }

  /** The storyline of an event, by its type, date and participants (kept entities, roles). */
  private static Optional<String> storyline(Views.Event event) {
    Map<String, String> participants = new LinkedHashMap<>();
    event.participants().forEach(p -> participants.putIfAbsent(p.iri(), p.role()));
    return EventStorylines.iri(EventType.fromLabel(event.type()), event.date(), participants)
        .map(Resource::getURI);
  }

  /**
   * Every stored report of the storylines, found through the events of one participant of each
   * (every report of a storyline has the same participants) under any IRI merged into it.
   */
  private Map<String, List<Views.Event>> reportsOf(Map<Views.Event, String> storylineOf) {
    if (storylineOf.isEmpty()) {
      return Map.of();
    }
    Set<Node> through = new LinkedHashSet<>();
    storylineOf
        .keySet()
        .forEach(
            event ->
                store.mergedInto(event.participants().get(0).iri()).stream()
                    .map(NodeFactory::createURI)
                    .forEach(through::add));
    Set<String> wanted = new HashSet<>(storylineOf.values());
    Map<String, List<Views.Event>> reports = new HashMap<>();
    Query query = Sparql.bind(EVENTS, Map.of("by", NG.participant.asNode()));
    query = ofTypes(Sparql.withValues(query, "at", List.copyOf(through)), null);
    query.setDistinct(true);
    query.setLimit(MAX_REPORTS);
    for (Views.Event report : details(select(query))) {
      storyline(report)
          .filter(wanted::contains)
          .ifPresent(iri -> reports.computeIfAbsent(iri, k -> new ArrayList<>()).add(report));
    }
    return reports;
  }

  /** The event that a storyline's reports tell together. */
  private static Views.Event gathered(String storyline, List<Views.Event> reports) {
    if (reports.size() == 1) {
      return reports.get(0).inStoryline(storyline);
    }
    // Earliest first: by the date the event is given, else the article's, undated last.
    Comparator<Views.Event> byTime =
        Comparator.comparing(
                (Views.Event e) -> e.date() != null ? e.date() : published(e),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> published(e), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Views.Event::iri);
    List<Views.Event> ordered = reports.stream().sorted(byTime).toList();
    Views.Event first = ordered.get(0);
    // Where it stands and what it costs: as the latest report that says so tells it.
    List<Views.Event> latestFirst =
        reports.stream()
            .sorted(
                Comparator.comparing(
                        (Views.Event e) -> published(e),
                        Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(byTime)
                    .reversed())
            .toList();
    Map<String, Views.Participant> participants = new LinkedHashMap<>();
    for (Views.Event report : ordered) {
      for (Views.Participant participant : report.participants()) {
        participants.merge(
            participant.iri(), participant, (was, now) -> was.role() != null ? was : now);
      }
    }
    return new Views.Event(
        first.iri(),
        first.type(),
        ordered.stream().map(Views.Event::date).filter(Objects::nonNull).findFirst().orElse(null),
        ordered.stream().map(Views.Event::place).filter(Objects::nonNull).findFirst().orElse(null),
        List.copyOf(participants.values()),
        first.trigger(),
        first.evidence(),
        latestFirst.stream()
            .map(Views.Event::status)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null),
        latestFirst.stream()
            .map(Views.Event::amount)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null),
        latestFirst.stream()
            .map(Views.Event::effectiveDate)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null),
        storyline,
        ordered.stream()
            .map(e -> new Views.Report(e.iri(), e.date(), e.status(), e.evidence()))
            .toList());
  }

  private static String published(Views.Event event) {
    return event.evidence().article() == null ? null : event.evidence().article().published();
  }

  /** The label of the status in a row's {@code ?status}, or null for none or one not known. */
  private static String status(QuerySolution row) {
    Resource status = row.getResource("status");
    return status == null
        ? null
        : EventStatus.ofIndividual(status.getURI()).map(EventStatus::label).orElse(null);
  }

  /** The sum in a row's {@code ?amountValue ?currency ?amountText}, or null for none. */
  private static Views.Amount amount(QuerySolution row) {
    Literal value = row.getLiteral("amountValue");
    if (value == null) {
      return null;
    }
    return new Views.Amount(
        new BigDecimal(value.getLexicalForm()),
        row.getLiteral("currency").getString(),
        row.getLiteral("amountText").getString());
  }

  /** The statement that every event listed makes: the narrowest the filter allows. */
  private static Map<String, Node> narrowing(EventFilter filter) {
    if (filter.participant() != null) {
      return Map.of("by", NG.participant.asNode(), "at", filter.participant());
    }
    if (filter.article() != null) {
      return Map.of("by", NG.sourceArticle.asNode(), "at", filter.article());
    }
    return Map.of("by", RDF.type.asNode(), "at", NG.Event.asNode());
  }

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
