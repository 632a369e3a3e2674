package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.api.graph.Views.Edge;
import org.newsgraph.api.graph.Views.Evidence;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.EntityResolution;
import org.newsgraph.core.store.EntityHit;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.Ontology;

/**
 * Reads the graph for the REST API and the web page: entities, their facts, events and quotes,
 * neighbourhoods, paths, timelines, articles and counts. Every read is a SPARQL query over the
 * store, with the request's values bound into the parsed query ({@link Sparql}). Thread-safe.
 */
public final class GraphReader {

  /** The most facts, events, quotes or articles that an entity's page lists of each. */
  public static final int MAX_LISTED = 500;

  private static final String EVIDENCE =
      "ng:confidence ?conf ; ng:extractor ?extractor ; ng:sentence ?sentence ;"
          + " ng:sentenceStart ?sentenceStart ; ng:sentenceEnd ?sentenceEnd ;"
          + " ng:sourceArticle ?article .";

  /** The names and types the articles give entities, with how many articles give each. */
  private static final Query LABELS =
      Sparql.template(
          "SELECT ?e ?name ?class (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label"
              + " ?name ; a ?class } FILTER(?class IN (ng:Person, ng:Organization, ng:Place,"
              + " ng:Product)) } GROUP BY ?e ?name ?class");

  /** The Wikipedia pages of linked entities, whose titles name them. */
  private static final Query PAGES =
      Sparql.template(
          "SELECT ?e ?page WHERE { ?e <https://schema.org/sameAs> ?page FILTER(STRSTARTS(STR(?page),"
              + " \""
              + IriMinter.WIKIPEDIA_BASE
              + "\")) }");

  /** The names analysts gave entities. */
  private static final Query RENAMED =
      Sparql.template(
          "SELECT ?e ?name WHERE { GRAPH <"
              + IriMinter.DECISIONS_GRAPH
              + "> { ?d a ng:Rename ; ng:candidate ?e ; rdfs:label ?name } }");

  /** The pairs of entities the rules left apart for review, not yet settled. */
  private static final Query POSSIBLY_SAME =
      Sparql.template(
          "SELECT ?node ?a ?b ?rule ?reason WHERE { GRAPH <"
              + IriMinter.RESOLUTION_GRAPH
              + "> { ?node a ng:PossiblySame ; ng:candidate ?a, ?b ; ng:rule ?rule ; ng:reason"
              + " ?reason FILTER(STR(?a) < STR(?b)) } } ORDER BY ?rule ?a ?b");

  /** The entities that rules or analysts merged into others. */
  private static final Query KEPT =
      Sparql.template(
          "SELECT ?e ?kept WHERE { GRAPH <"
              + IriMinter.RESOLUTION_GRAPH
              + "> { ?e owl:sameAs ?kept } }");

  private static final Query ALIASES =
      Sparql.template(
          "SELECT DISTINCT ?alias WHERE { { ?entity ng:alias ?alias } UNION { ?entity rdfs:label"
              + " ?alias } } ORDER BY ?alias");
  private static final Query LINKS =
      Sparql.template(
          "SELECT DISTINCT ?link WHERE { { ?entity owl:sameAs ?link } UNION { ?entity schema:sameAs"
              + " ?link } FILTER(isIRI(?link) && !STRSTARTS(STR(?link), \""
              + IriMinter.BASE
              + "\")) } ORDER BY ?link");
  private static final Query MENTIONING =
      Sparql.template(
          "SELECT ?article ?title ?published WHERE { ?article ng:mentions ?entity ."
              + " OPTIONAL { ?article ng:title ?title } OPTIONAL { ?article ng:published ?published"
              + " } } ORDER BY DESC(?published) ?article");

  /** Articles, newest first; with VALUES for ?article, the references of those articles. */
  private static final Query ARTICLES =
      Sparql.template(
          "SELECT ?article ?title ?published WHERE { ?article a ng:Article ."
              + " OPTIONAL { ?article ng:title ?title } OPTIONAL { ?article ng:published ?published"
              + " } } ORDER BY DESC(?published) ?article");

  private static final Query ARTICLE_BODY =
      Sparql.template(
          "SELECT ?text ?url WHERE { ?article ng:text ?text OPTIONAL { ?article ng:url ?url } }");
  private static final Query MENTIONED =
      Sparql.template("SELECT DISTINCT ?entity WHERE { ?article ng:mentions ?entity }");
  private static final Query MENTION_SPANS =
      Sparql.template(
          "SELECT ?entity ?start ?end WHERE { ?m a ng:Mention ; ng:sourceArticle ?article ;"
              + " ng:refersTo ?entity ; ng:startOffset ?start ; ng:endOffset ?end }"
              + " ORDER BY ?start ?end");
  private static final Query PARTICIPANTS =
      Sparql.template("SELECT ?event ?participant WHERE { ?event ng:participant ?participant }");
  private static final Query NEIGHBOURS =
      Sparql.template(
          """
          SELECT DISTINCT ?s ?p ?o WHERE {
            VALUES ?p { %s }
            { ?n ?p ?o . BIND(?n AS ?s) } UNION { ?s ?p ?n . BIND(?n AS ?o) }
            FILTER(isIRI(?s) && isIRI(?o)
                   && STRSTARTS(STR(?s), "%s") && STRSTARTS(STR(?o), "%s"))
          }
          """
              .formatted(
                  java.util.Arrays.stream(Relation.values())
                      .filter(r -> !r.isDateValued())
                      .map(r -> "<" + r.property().getURI() + ">")
                      .collect(java.util.stream.Collectors.joining(" ")),
                  IriMinter.ENTITY_BASE,
                  IriMinter.ENTITY_BASE));
  private static final Query COUNT_ARTICLES =
      Sparql.template("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article }");
  private static final Query COUNT_QUOTES =
      Sparql.template("SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a ng:Quote }");
  private static final Query COUNT_ENTITIES =
      Sparql.template(
          "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class FILTER(?class IN"
              + " (ng:Person, ng:Organization, ng:Place, ng:Product)) } GROUP BY ?class");
  private static final Query COUNT_FACTS =
      Sparql.template(
          "SELECT ?p (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a ng:Assertion ; rdf:predicate ?p }"
              + " GROUP BY ?p");
  private static final Query COUNT_EVENTS =
      Sparql.template(
          "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ng:Event ; a ?class"
              + " FILTER(?class != ng:Event) } GROUP BY ?class");

  private static final Query ENTITY_GRAPH =
      Sparql.template(
          """
          CONSTRUCT { ?entity ?p ?o . ?o rdfs:label ?objectName . ?s ?q ?entity .
                      ?s rdfs:label ?subjectName }
          WHERE {
            { ?entity ?p ?o OPTIONAL { ?o rdfs:label ?objectName } }
            UNION
            { ?s ?q ?entity
              FILTER(?q NOT IN (rdf:subject, rdf:object, ng:mentions, ng:participant, ng:speaker,
                                ng:place))
              OPTIONAL { ?s rdfs:label ?subjectName } }
          }
          """);

  private final GraphStore store;
  private final QueryLimits limits;
  private final Map<String, Query> variants = new ConcurrentHashMap<>();
  private volatile CachedStats stats;

  public GraphReader(GraphStore store, QueryLimits limits) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Finds entities by name or alias, best first. */
  public List<Views.Match> search(String text, EntityType type, int limit, int offset) {
    List<Views.Match> matches = new ArrayList<>();
    List<EntityHit> hits = store.searchEntities(text, type, limit, offset);
    Map<String, EntityRef> names =
        names(hits.stream().map(hit -> NodeFactory.createURI(hit.iri())).toList());
    Set<String> seen = new HashSet<>();
    for (EntityHit hit : hits) {
      // A name of an entity merged into another finds the one kept, once.
      EntityRef entity = names.get(hit.iri());
      if (entity != null && seen.add(entity.id())) {
        matches.add(new Views.Match(entity, hit.score()));
      }
    }
    return matches;
  }

  /** Returns the pairs of entities that may be one, which the rules left for an analyst. */
  public List<Views.PossiblySame> possiblySame(int limit, int offset) {
    Query query = POSSIBLY_SAME.cloneQuery();
    query.setLimit(limit);
    query.setOffset(offset);
    List<QuerySolution> rows = select(query);
    List<Node> entities = new ArrayList<>();
    rows.forEach(
        row -> {
          entities.add(row.getResource("a").asNode());
          entities.add(row.getResource("b").asNode());
        });
    Map<String, EntityRef> names = names(entities);
    List<Views.PossiblySame> pairs = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef a = names.get(row.getResource("a").getURI());
      EntityRef b = names.get(row.getResource("b").getURI());
      if (a != null && b != null && !a.id().equals(b.id())) {
        pairs.add(
            new Views.PossiblySame(
                a, b, row.getLiteral("rule").getString(), row.getLiteral("reason").getString()));
      }
    }
    return pairs;
  }

  /**
   * Returns the IRI of the entity an id now stands for, when it was merged into another: its
   * readers are sent there.
   */
  public Optional<EntityRef> mergedInto(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    String kept = store.keptEntity(iri.get());
    if (kept.equals(iri.get())) {
      return Optional.empty();
    }
    return Optional.ofNullable(names(List.of(NodeFactory.createURI(kept))).get(kept));
  }

  /**
   * Returns everything the graph says about an entity, if it is stored: with what it says about the
   * entities merged into it.
   */
  public Optional<Views.Entity> entity(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Map<String, EntityRef> names = names(List.of(NodeFactory.createURI(iri.get())));
    EntityRef self = names.get(iri.get());
    if (self == null || !self.iri().equals(iri.get())) {
      return Optional.empty();
    }
    List<String> members = store.mergedInto(iri.get());
    Set<String> aliases = new java.util.TreeSet<>();
    Set<Views.Fact> facts = new LinkedHashSet<>();
    Set<Views.Event> events = new LinkedHashSet<>();
    Set<Views.Quote> quotes = new LinkedHashSet<>();
    Map<String, ArticleRef> articles = new LinkedHashMap<>();
    for (String member : members) {
      Node entity = NodeFactory.createURI(member);
      select(Sparql.bind(ALIASES, Map.of("entity", entity)))
          .forEach(row -> aliases.add(row.getLiteral("alias").getString()));
      facts.addAll(facts(Map.of("entity", entity), MAX_LISTED));
      events.addAll(events(new EventFilter(null, null, null, entity, null), MAX_LISTED, 0));
      quotes.addAll(quotes(Map.of("entity", entity), MAX_LISTED));
      Query mentioning = Sparql.bind(MENTIONING, Map.of("entity", entity));
      mentioning.setLimit(MAX_LISTED);
      select(mentioning).stream()
          .map(GraphReader::articleRef)
          .forEach(article -> articles.putIfAbsent(article.iri(), article));
    }
    List<ArticleRef> newestFirst =
        articles.values().stream()
            .sorted(
                java.util.Comparator.comparing(
                        (ArticleRef a) -> a.published() == null ? "" : a.published())
                    .reversed()
                    .thenComparing(ArticleRef::iri))
            .limit(MAX_LISTED)
            .toList();
    List<String> sameAs = new ArrayList<>();
    members.stream().skip(1).forEach(sameAs::add);
    EntityKey.ofIri(iri.get())
        .filter(EntityKey::linked)
        .ifPresent(
            key ->
                select(Sparql.bind(LINKS, Map.of("entity", NodeFactory.createURI(iri.get()))))
                    .forEach(row -> sameAs.add(row.getResource("link").getURI())));
    return Optional.of(
        new Views.Entity(
            self,
            List.copyOf(aliases),
            sameAs.stream().distinct().toList(),
            facts.stream().limit(MAX_LISTED).toList(),
            events.stream().limit(MAX_LISTED).toList(),
            quotes.stream().limit(MAX_LISTED).toList(),
            newestFirst));
  }

  /**
   * Returns an entity's triples as RDF: its types, names and relations both ways, with the names of
   * the entities it relates to.
   */
  public Optional<Model> entityGraph(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Query query = Sparql.bind(ENTITY_GRAPH, Map.of("entity", NodeFactory.createURI(iri.get())));
    if (!(store.query(query, limits) instanceof SparqlAnswer.Graph graph)
        || graph.model().isEmpty()) {
      return Optional.empty();
    }
    graph.model().setNsPrefixes(Ontology.prefixes());
    return Optional.of(graph.model());
  }

  /** Returns an article's graph as stored, if it is. */
  public Optional<Model> articleGraph(String id) {
    return store.articleGraph(id);
  }

  /**
   * Returns the entities within {@code depth} relations of an entity, breadth first, and the
   * relations between them; at most {@code limit} entities.
   */
  public Optional<Views.Neighbourhood> neighbourhood(String id, int depth, int limit) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Node center = NodeFactory.createURI(iri.get());
    if (names(List.of(center)).isEmpty()) {
      return Optional.empty();
    }
    Map<Node, Integer> depths = new LinkedHashMap<>();
    depths.put(center, 0);
    Set<List<String>> seen = new LinkedHashSet<>();
    List<Node> frontier = List.of(center);
    boolean truncated = false;
    for (int d = 1; d <= depth && !frontier.isEmpty() && !truncated; d++) {
      List<Node> next = new ArrayList<>();
      for (List<Node> edge : neighbours(frontier, limit * 20)) {
        for (Node end : List.of(edge.get(0), edge.get(2))) {
          if (!depths.containsKey(end)) {
            if (depths.size() >= limit) {
              truncated = true;
              continue;
            }
            depths.put(end, d);
            next.add(end);
          }
        }
        if (depths.containsKey(edge.get(0)) && depths.containsKey(edge.get(2))) {
          seen.add(key(edge));
        }
      }
      frontier = next;
    }
    // Relations among the entities at the outer depth, which the search did not expand.
    if (!frontier.isEmpty()) {
      for (List<Node> edge : neighbours(frontier, limit * 20)) {
        if (depths.containsKey(edge.get(0)) && depths.containsKey(edge.get(2))) {
          seen.add(key(edge));
        }
      }
    }
    Map<String, EntityRef> names = names(depths.keySet());
    List<Views.Node> nodes = new ArrayList<>();
    depths.forEach(
        (node, d) -> {
          EntityRef ref = names.get(node.getURI());
          if (ref != null) {
            nodes.add(new Views.Node(ref, d));
          }
        });
    List<Edge> edges = new ArrayList<>();
    for (List<String> edge : seen) {
      EntityRef source = names.get(edge.get(0));
      EntityRef target = names.get(edge.get(2));
      if (source != null && target != null) {
        edges.add(new Edge(source.id(), target.id(), edge.get(1)));
      }
    }
    return Optional.of(
        new Views.Neighbourhood(names.get(center.getURI()), nodes, edges, truncated));
  }

  /**
   * Returns the shortest ways, up to {@code maxLength} relations long, in which two entities are
   * connected; at most {@code limit} paths.
   */
  public Optional<Views.Paths> paths(String fromId, String toId, int maxLength, int limit) {
    Optional<String> fromIri = EntityRef.iriOf(fromId);
    Optional<String> toIri = EntityRef.iriOf(toId);
    if (fromIri.isEmpty() || toIri.isEmpty()) {
      return Optional.empty();
    }
    Node from = NodeFactory.createURI(fromIri.get());
    Node to = NodeFactory.createURI(toIri.get());
    Map<String, EntityRef> ends = names(List.of(from, to));
    if (ends.size() < 2 && !from.equals(to)) {
      return Optional.empty();
    }
    // Breadth first from "from", remembering every edge that reaches a node at its first depth.
    // The last step allowed can only end a path at "to": it reads the edges of "to" alone, not
    // those of the whole frontier (for two steps, the neighbours of every neighbour of "from").
    Map<Node, Integer> depth = new HashMap<>(Map.of(from, 0));
    Map<Node, List<List<Node>>> reachedBy = new HashMap<>();
    List<Node> frontier = List.of(from);
    for (int d = 1; d <= maxLength && !frontier.isEmpty() && !depth.containsKey(to); d++) {
      boolean last = d == maxLength;
      List<Node> next = new ArrayList<>();
      for (List<Node> edge : neighbours(last ? List.of(to) : frontier, 50_000)) {
        for (int side : new int[] {0, 2}) {
          Node near = edge.get(side);
          Node far = edge.get(2 - side);
          Integer nearDepth = depth.get(near);
          if (nearDepth == null || nearDepth != d - 1 || (last && !far.equals(to))) {
            continue;
          }
          Integer farDepth = depth.get(far);
          if (farDepth == null) {
            depth.put(far, d);
            next.add(far);
            farDepth = d;
          }
          if (farDepth == d) {
            reachedBy.computeIfAbsent(far, k -> new ArrayList<>()).add(edge);
          }
        }
      }
      frontier = next;
    }
    List<List<List<Node>>> found = new ArrayList<>();
    if (depth.containsKey(to) && !from.equals(to)) {
      walkBack(to, from, reachedBy, new ArrayDeque<>(), found, limit);
    }
    Set<Node> onPaths = new LinkedHashSet<>(List.of(from, to));
    found.forEach(path -> path.forEach(edge -> onPaths.addAll(List.of(edge.get(0), edge.get(2)))));
    Map<String, EntityRef> names = names(onPaths);
    Map<String, EntityRef> byId = new TreeMap<>();
    names.values().forEach(ref -> byId.put(ref.id(), ref));
    List<List<Edge>> paths = new ArrayList<>();
    for (List<List<Node>> path : found) {
      List<Edge> steps = new ArrayList<>();
      for (List<Node> edge : path) {
        steps.add(
            new Edge(
                names.get(edge.get(0).getURI()).id(),
                names.get(edge.get(2).getURI()).id(),
                edge.get(1).getLocalName()));
      }
      paths.add(steps);
    }
    // In the same order whichever way the search met them.
    paths.sort(Comparator.comparing(List::toString));
    return Optional.of(
        new Views.Paths(names.get(from.getURI()), names.get(to.getURI()), paths, byId));
  }

  private static void walkBack(
      Node node,
      Node start,
      Map<Node, List<List<Node>>> reachedBy,
      Deque<List<Node>> path,
      List<List<List<Node>>> found,
      int limit) {
    if (found.size() >= limit) {
      return;
    }
    if (node.equals(start)) {
      found.add(new ArrayList<>(path));
      return;
    }
    for (List<Node> edge : reachedBy.getOrDefault(node, List.of())) {
      Node previous = edge.get(0).equals(node) ? edge.get(2) : edge.get(0);
      path.addFirst(edge);
      walkBack(previous, start, reachedBy, path, found, limit);
      path.removeFirst();
    }
  }

  /**
   * Which events to list; each part may be {@code null}.
   *
   * @param type events of this type
   * @param from dated on or after this day, month or year (YYYY, YYYY-MM or YYYY-MM-DD)
   * @param to dated on or before this
   * @param participant with this entity taking part
   * @param article reported by this article
   */
  public record EventFilter(
      EventType type, String from, String to, Node participant, Node article) {

    /** Returns the filter that lets every event through. */
    public static EventFilter any() {
      return new EventFilter(null, null, null, null, null);
    }
  }

  /** Returns events in date order (undated last), a page at a time. */
  public List<Views.Event> events(EventFilter filter, int limit, int offset) {
    Map<String, Node> values = new HashMap<>();
    // The most selective patterns first, so that the indexes are asked the narrowest questions.
    StringBuilder where = new StringBuilder();
    if (filter.participant() != null) {
      where.append("?event ng:participant ?participant . ");
      values.put("participant", filter.participant());
    }
    if (filter.article() != null) {
      where.append("?event ng:sourceArticle ?inArticle . ");
      values.put("inArticle", filter.article());
    }
    where.append("VALUES ?class { ");
    for (EventType type : EventType.values()) {
      if (filter.type() == null || filter.type() == type) {
        where.append('<').append(type.ontologyClass().getURI()).append("> ");
      }
    }
    where.append("} ?event a ?class . ");
    where.append(
        filter.from() != null || filter.to() != null
            ? "?event ng:date ?date . "
            : "OPTIONAL { ?event ng:date ?date } ");
    if (filter.from() != null) {
      where.append("FILTER(BOUND(?date) && STR(?date) >= ?from) ");
      values.put("from", NodeFactory.createLiteralString(filter.from()));
    }
    if (filter.to() != null) {
      where.append("FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, STRLEN(?to)) <= ?to) ");
      values.put("to", NodeFactory.createLiteralString(filter.to()));
    }
    // First the page of events, which the indexes answer; then the details of those alone.
    Query template =
        variant(
            "events:" + where,
            """
            SELECT ?event ?class ?date WHERE {
              %s
            } ORDER BY (!BOUND(?date)) ?date ?event
            """
                .formatted(where));
    Query query = Sparql.bind(template, values);
    query.setLimit(limit);
    query.setOffset(offset);
    List<QuerySolution> page = select(query);
    List<Node> eventNodes = page.stream().map(r -> r.getResource("event").asNode()).toList();
    Map<Node, QuerySolution> details = new HashMap<>();
    if (!eventNodes.isEmpty()) {
      for (QuerySolution row : select(Sparql.withValues(EVENT_DETAILS, "event", eventNodes))) {
        details.putIfAbsent(row.getResource("event").asNode(), row);
      }
    }
    List<QuerySolution> rows =
        eventNodes.stream().map(details::get).filter(java.util.Objects::nonNull).toList();
    Map<Node, QuerySolution> pageRows = new HashMap<>();
    page.forEach(r -> pageRows.put(r.getResource("event").asNode(), r));
    Map<Node, List<Node>> participants = new HashMap<>();
    Set<Node> entities = new LinkedHashSet<>();
    if (!eventNodes.isEmpty()) {
      for (QuerySolution row : select(Sparql.withValues(PARTICIPANTS, "event", eventNodes))) {
        Node participant = row.getResource("participant").asNode();
        participants
            .computeIfAbsent(row.getResource("event").asNode(), k -> new ArrayList<>())
            .add(participant);
        entities.add(participant);
      }
    }
    rows.stream()
        .filter(r -> r.getResource("place") != null)
        .forEach(r -> entities.add(r.getResource("place").asNode()));
    Map<String, EntityRef> names = names(entities);
    Map<String, ArticleRef> articles = articleRefs(rows);
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
                  : names.get(row.getResource("place").getURI()),
              participants.getOrDefault(event, List.of()).stream()
                  .map(p -> names.get(p.getURI()))
                  .filter(java.util.Objects::nonNull)
                  .toList(),
              row.getLiteral("trigger").getString(),
              evidence(row, articles)));
    }
    return events;
  }

  /** Returns the stored articles, newest first, a page at a time. */
  public List<ArticleRef> articles(int limit, int offset) {
    Query query = ARTICLES.cloneQuery();
    query.setLimit(limit);
    query.setOffset(offset);
    return select(query).stream().map(GraphReader::articleRef).toList();
  }

  /** Returns a stored article with its text and what was extracted from it. */
  public Optional<Views.Article> article(String id) {
    if (!store.containsArticle(id)) {
      return Optional.empty();
    }
    Node article = IriMinter.article(id).asNode();
    List<QuerySolution> refs = select(Sparql.withValues(ARTICLES, "article", List.of(article)));
    List<QuerySolution> body = select(Sparql.bind(ARTICLE_BODY, Map.of("article", article)));
    if (refs.isEmpty() || body.isEmpty()) {
      return Optional.empty();
    }
    List<Node> mentioned =
        select(Sparql.bind(MENTIONED, Map.of("article", article))).stream()
            .map(r -> r.getResource("entity").asNode())
            .toList();
    Map<String, EntityRef> named = names(mentioned);
    List<EntityRef> entities =
        named.values().stream().sorted(java.util.Comparator.comparing(EntityRef::name)).toList();
    Map<String, Node> inArticle = Map.of("article", article);
    List<Views.Span> mentions = new ArrayList<>();
    for (QuerySolution row : select(Sparql.bind(MENTION_SPANS, inArticle))) {
      EntityRef entity = named.get(row.getResource("entity").getURI());
      if (entity != null) {
        mentions.add(
            new Views.Span(
                row.getLiteral("start").getInt(), row.getLiteral("end").getInt(), entity.id()));
      }
    }
    List<Views.Event> events =
        events(new EventFilter(null, null, null, null, article), MAX_LISTED, 0);
    QuerySolution first = body.get(0);
    return Optional.of(
        new Views.Article(
            articleRef(refs.get(0)),
            first.getLiteral("url") == null ? null : first.getLiteral("url").getLexicalForm(),
            first.getLiteral("text").getString(),
            entities,
            mentions,
            facts(inArticle, 5_000),
            events,
            quotes(inArticle, 5_000)));
  }

  /** Returns what the graph holds. */
  public Views.Stats stats() {
    // Counting a large graph takes a while and the answer changes only with a write.
    long version = store.version();
    CachedStats cached = stats;
    if (cached != null && cached.version() == version) {
      return cached.stats();
    }
    Views.Stats counted = countAll();
    stats = new CachedStats(version, counted);
    return counted;
  }

  private record CachedStats(long version, Views.Stats stats) {}

  private Views.Stats countAll() {
    Map<String, Long> entities = new TreeMap<>();
    for (QuerySolution row : select(COUNT_ENTITIES)) {
      entities.put(row.getResource("class").getLocalName(), row.getLiteral("n").getLong());
    }
    Map<String, Long> facts = new TreeMap<>();
    for (QuerySolution row : select(COUNT_FACTS)) {
      facts.put(row.getResource("p").getLocalName(), row.getLiteral("n").getLong());
    }
    Map<String, Long> events = new TreeMap<>();
    for (QuerySolution row : select(COUNT_EVENTS)) {
      events.put(row.getResource("class").getLocalName(), row.getLiteral("n").getLong());
    }
    return new Views.Stats(count(COUNT_ARTICLES), entities, facts, events, count(COUNT_QUOTES));
  }

  // --- the parts ---------------------------------------------------------------------------

  private static final String EVIDENCE_VARIABLES =
      "?conf ?extractor ?sentence ?sentenceStart ?sentenceEnd ?article";

  private static final Query EVENT_DETAILS =
      Sparql.template(
          "SELECT ?event ?place ?trigger "
              + EVIDENCE_VARIABLES
              + " WHERE { ?event ng:trigger ?trigger ; "
              + EVIDENCE
              + " OPTIONAL { ?event ng:place ?place } }");

  /** Facts about an entity ({@code entity} bound) or stated by an article ({@code article}). */
  private List<Views.Fact> facts(Map<String, Node> values, int limit) {
    boolean aboutEntity = values.containsKey("entity");
    Query template =
        variant(
            "facts:" + aboutEntity,
            """
            SELECT DISTINCT ?fact ?s ?p ?o %s WHERE {
              %s
              ?fact a ng:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; %s
            } ORDER BY ?p DESC(?conf) ?fact
            """
                .formatted(
                    EVIDENCE_VARIABLES,
                    aboutEntity
                        ? "{ ?fact rdf:subject ?entity } UNION { ?fact rdf:object ?entity }"
                        : "",
                    EVIDENCE));
    Query query = Sparql.bind(template, values);
    query.setLimit(limit);
    List<QuerySolution> rows = select(query);
    Set<Node> entities = new LinkedHashSet<>();
    for (QuerySolution row : rows) {
      entities.add(row.getResource("s").asNode());
      if (row.get("o").isURIResource()) {
        entities.add(row.getResource("o").asNode());
      }
    }
    Map<String, EntityRef> names = names(entities);
    Map<String, ArticleRef> articles = articleRefs(rows);
    List<Views.Fact> facts = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef subject = names.get(row.getResource("s").getURI());
      RDFNode o = row.get("o");
      EntityRef object = o.isURIResource() ? names.get(o.asResource().getURI()) : null;
      if (subject == null || (o.isURIResource() && object == null)) {
        continue;
      }
      facts.add(
          new Views.Fact(
              row.getResource("fact").getURI(),
              row.getResource("p").getLocalName(),
              subject,
              object,
              o.isLiteral() ? o.asLiteral().getLexicalForm() : null,
              evidence(row, articles)));
    }
    return facts;
  }

  /** Quotes of a speaker ({@code entity} bound) or in an article ({@code article}). */
  private List<Views.Quote> quotes(Map<String, Node> values, int limit) {
    boolean bySpeaker = values.containsKey("entity");
    Query template =
        variant(
            "quotes:" + bySpeaker,
            """
            SELECT ?quote ?speaker ?text ?start ?end %s WHERE {
              ?quote a ng:Quote ; ng:speaker ?speaker ; ng:quotedText ?text ;
                     ng:startOffset ?start ; ng:endOffset ?end ; %s
              %s
            } ORDER BY ?article ?start
            """
                .formatted(
                    EVIDENCE_VARIABLES, EVIDENCE, bySpeaker ? "FILTER(?speaker = ?entity)" : ""));
    Query query = Sparql.bind(template, values);
    query.setLimit(limit);
    List<QuerySolution> rows = select(query);
    Map<String, EntityRef> names =
        names(rows.stream().map(r -> r.getResource("speaker").asNode()).toList());
    Map<String, ArticleRef> articles = articleRefs(rows);
    List<Views.Quote> quotes = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef speaker = names.get(row.getResource("speaker").getURI());
      if (speaker != null) {
        quotes.add(
            new Views.Quote(
                row.getResource("quote").getURI(),
                speaker,
                row.getLiteral("text").getString(),
                row.getLiteral("start").getInt(),
                row.getLiteral("end").getInt(),
                evidence(row, articles)));
      }
    }
    return quotes;
  }

  /** The relations that touch any of the entities, each as subject, predicate, object. */
  private List<List<Node>> neighbours(Collection<Node> entities, int limit) {
    Query query = Sparql.withValues(NEIGHBOURS, "n", List.copyOf(entities));
    query.setLimit(limit);
    List<List<Node>> edges = new ArrayList<>();
    for (QuerySolution row : select(query)) {
      Node s = row.getResource("s").asNode();
      Node p = row.getResource("p").asNode();
      Node o = row.getResource("o").asNode();
      if (Relation.of(p).isPresent() && !s.equals(o)) {
        edges.add(List.of(s, p, o));
      }
    }
    return edges;
  }

  /** An edge's key: symmetric relations are one edge whichever way they are written. */
  private static List<String> key(List<Node> edge) {
    String s = edge.get(0).getURI();
    String o = edge.get(2).getURI();
    boolean symmetric = Relation.of(edge.get(1)).map(Relation::isSymmetric).orElse(false);
    if (symmetric && s.compareTo(o) > 0) {
      return List.of(o, edge.get(1).getLocalName(), s);
    }
    return List.of(s, edge.get(1).getLocalName(), o);
  }

  /**
   * The references of entity IRIs, by IRI; IRIs with no name are left out. An entity merged into
   * another (by a rule or an analyst) is referred to as the one kept; a reference carries the name
   * an analyst gave, else the Wikipedia title of a linked entity, else the name most articles give;
   * and the type most articles give.
   */
  private Map<String, EntityRef> names(Collection<Node> entities) {
    List<Node> iris = entities.stream().filter(Node::isURI).distinct().toList();
    Map<String, String> kept = kept(iris);
    List<Node> shown =
        iris.stream().map(n -> NodeFactory.createURI(kept.get(n.getURI()))).distinct().toList();
    Map<String, EntityRef> refs = new HashMap<>();
    for (int from = 0; from < shown.size(); from += 500) {
      List<Node> page = shown.subList(from, Math.min(shown.size(), from + 500));
      Map<String, Map<String, Long>> labels = new HashMap<>();
      Map<String, Map<EntityType, Long>> types = new HashMap<>();
      for (QuerySolution row : select(Sparql.withValues(LABELS, "e", page))) {
        String iri = row.getResource("e").getURI();
        long n = row.getLiteral("n").getLong();
        labels
            .computeIfAbsent(iri, k -> new HashMap<>())
            .merge(row.getLiteral("name").getString(), n, Long::sum);
        EntityType.of(row.getResource("class"))
            .ifPresent(
                t -> types.computeIfAbsent(iri, k -> new HashMap<>()).merge(t, n, Long::sum));
      }
      Map<String, String> renamed = new HashMap<>();
      for (QuerySolution row : select(Sparql.withValues(RENAMED, "e", page))) {
        renamed.put(row.getResource("e").getURI(), row.getLiteral("name").getString());
      }
      Map<String, String> titles = new HashMap<>();
      List<Node> linked =
          page.stream()
              .filter(n -> EntityKey.ofIri(n.getURI()).map(EntityKey::linked).orElse(false))
              .toList();
      if (!linked.isEmpty()) {
        for (QuerySolution row : select(Sparql.withValues(PAGES, "e", linked))) {
          String title =
              row.getResource("page").getURI().substring(IriMinter.WIKIPEDIA_BASE.length());
          titles.put(
              row.getResource("e").getURI(),
              java.net.URLDecoder.decode(title, java.nio.charset.StandardCharsets.UTF_8)
                  .replace('_', ' '));
        }
      }
      for (Map.Entry<String, Map<String, Long>> entry : labels.entrySet()) {
        String iri = entry.getKey();
        // An analyst's name, else a linked entity's Wikipedia title, else the articles' most given.
        String name =
            renamed.getOrDefault(
                iri, titles.getOrDefault(iri, EntityResolution.mostGivenName(entry.getValue())));
        Map<EntityType, Long> given = types.getOrDefault(iri, Map.of());
        EntityType type = given.isEmpty() ? null : EntityResolution.mostGivenType(given);
        EntityRef.of(iri, name, type).ifPresent(ref -> refs.put(iri, ref));
      }
    }
    Map<String, EntityRef> ordered = new LinkedHashMap<>();
    for (Node node : iris) {
      EntityRef ref = refs.get(kept.get(node.getURI()));
      if (ref != null) {
        ordered.put(node.getURI(), ref);
      }
    }
    return ordered;
  }

  /** The IRI kept for each IRI: itself, or the one it was merged into, following a few hops. */
  private Map<String, String> kept(List<Node> iris) {
    Map<String, String> kept = new HashMap<>();
    iris.forEach(n -> kept.put(n.getURI(), n.getURI()));
    Map<String, String> next = new HashMap<>();
    for (int from = 0; from < iris.size(); from += 500) {
      List<Node> page = iris.subList(from, Math.min(iris.size(), from + 500));
      for (QuerySolution row : select(Sparql.withValues(KEPT, "e", page))) {
        next.put(row.getResource("e").getURI(), row.getResource("kept").getURI());
      }
    }
    if (next.isEmpty()) {
      return kept;
    }
    for (String iri : kept.keySet()) {
      String current = iri;
      for (int hop = 0; hop < 8 && next.containsKey(current); hop++) {
        String further = next.get(current);
        if (!next.containsKey(further) && !kept.containsKey(further)) {
          // One hop further than the page asked: ask the store for the rest of the chain.
          further = store.keptEntity(further);
        }
        current = further;
      }
      kept.put(iri, current);
    }
    return kept;
  }

  private Map<String, ArticleRef> articleRefs(List<QuerySolution> rows) {
    List<Node> articles =
        rows.stream().map(r -> r.getResource("article").asNode()).distinct().toList();
    Map<String, ArticleRef> refs = new HashMap<>();
    if (!articles.isEmpty()) {
      for (QuerySolution row : select(Sparql.withValues(ARTICLES, "article", articles))) {
        ArticleRef ref = articleRef(row);
        refs.put(ref.iri(), ref);
      }
    }
    return refs;
  }

  private static ArticleRef articleRef(QuerySolution row) {
    String iri = row.getResource("article").getURI();
    return new ArticleRef(
        IriMinter.articleId(iri),
        iri,
        row.getLiteral("title") == null ? null : row.getLiteral("title").getString(),
        row.getLiteral("published") == null ? null : row.getLiteral("published").getLexicalForm());
  }

  private static Evidence evidence(QuerySolution row, Map<String, ArticleRef> articles) {
    String article = row.getResource("article").getURI();
    return new Evidence(
        articles.getOrDefault(
            article, new ArticleRef(IriMinter.articleId(article), article, null, null)),
        row.getLiteral("sentence").getString(),
        row.getLiteral("sentenceStart").getInt(),
        row.getLiteral("sentenceEnd").getInt(),
        row.getLiteral("extractor").getString(),
        row.getLiteral("conf").getDouble());
  }

  private long count(Query query) {
    List<QuerySolution> rows = select(query);
    return rows.isEmpty() ? 0 : rows.get(0).getLiteral("n").getLong();
  }

  /** A query assembled from fixed fragments, parsed once per shape. */
  private Query variant(String key, String sparql) {
    return variants.computeIfAbsent(key, k -> Sparql.template(sparql));
  }

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
