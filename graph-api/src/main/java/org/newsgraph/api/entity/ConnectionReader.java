package org.newsgraph.api.entity;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.api.graph.ArticleRefs;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.FactTime;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.graph.Views.Edge;
import org.newsgraph.core.Relation;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.springframework.stereotype.Component;

/**
 * Reads how entities connect: the neighbourhood of one, breadth first, and the shortest paths
 * between two. Each step out asks for the relations between entities that touch the frontier.
 * Thread-safe.
 */
@Component
class ConnectionReader {

  /** The relations between two entities (not those whose object is a date). */
  private static final Query NEIGHBOURS =
      Sparql.withValues(
          Sparql.bind(
              Sparql.load(ConnectionReader.class, "neighbours.rq"),
              Map.of("entities", NodeFactory.createLiteralString(IriMinter.ENTITY_BASE))),
          "p",
          Arrays.stream(Relation.values())
              .filter(r -> !r.isDateValued())
              .map(r -> r.property().asNode())
              .toList());

  /** Every assertion of some relations, with the time it gives. */
  private static final Query RELATION_TIMES =
      Sparql.load(ConnectionReader.class, "relation-times.rq");

  /** The sentence that states one relation most surely. */
  private static final Query HOP_EVIDENCE = Sparql.load(ConnectionReader.class, "hop-evidence.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final ArticleRefs articles;

  ConnectionReader(GraphStore store, QueryLimits limits, EntityNames names, ArticleRefs articles) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.articles = requireNonNull(articles, "articles");
  }

  /**
   * Returns the entities within {@code depth} relations of an entity, breadth first, and the
   * relations between them; at most {@code limit} entities.
   */
  Optional<Views.Neighbourhood> neighbourhood(String id, int depth, int limit) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Node center = NodeFactory.createURI(iri.get());
    if (names.of(List.of(center)).isEmpty()) {
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
    Map<String, EntityRef> named = names.of(depths.keySet());
    List<Views.Node> nodes = new ArrayList<>();
    depths.forEach(
        (node, d) -> {
          EntityRef ref = named.get(node.getURI());
          if (ref != null) {
            nodes.add(new Views.Node(ref, d));
          }
        });
    Map<List<String>, FactTime> times = times(seen);
    List<Edge> edges = new ArrayList<>();
    for (List<String> edge : seen) {
      EntityRef source = named.get(edge.get(0));
      EntityRef target = named.get(edge.get(2));
      if (source != null && target != null) {
        edges.add(
            new Edge(
                source.id(), target.id(), edge.get(1), times.getOrDefault(edge, FactTime.NONE)));
      }
    }
    return Optional.of(
        new Views.Neighbourhood(named.get(center.getURI()), nodes, edges, List.of(), truncated));
  }

  /**
   * Returns the shortest ways, up to {@code maxLength} relations long, in which two entities are
   * connected; at most {@code limit} paths.
   */
  Optional<Views.Paths> paths(String fromId, String toId, int maxLength, int limit) {
    Optional<String> fromIri = EntityRef.iriOf(fromId);
    Optional<String> toIri = EntityRef.iriOf(toId);
    if (fromIri.isEmpty() || toIri.isEmpty()) {
      return Optional.empty();
    }
    Node from = NodeFactory.createURI(fromIri.get());
    Node to = NodeFactory.createURI(toIri.get());
    Map<String, EntityRef> ends = names.of(List.of(from, to));
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
    Map<String, EntityRef> named = names.of(onPaths);
    Map<String, EntityRef> byId = new TreeMap<>();
    named.values().forEach(ref -> byId.put(ref.id(), ref));
    List<List<Edge>> paths = new ArrayList<>();
    Map<Edge, Views.Evidence> evidence = new HashMap<>();
    for (List<List<Node>> path : found) {
      List<Edge> steps = new ArrayList<>();
      for (List<Node> edge : path) {
        // A symmetric relation is stored both ways: written one way, the two are one step.
        List<String> written = key(edge);
        Edge step =
            new Edge(
                named.get(written.get(0)).id(), named.get(written.get(2)).id(), written.get(1));
        steps.add(step);
        if (!evidence.containsKey(step)) {
          evidence.put(step, evidence(edge));
        }
      }
      if (!paths.contains(steps)) {
        paths.add(steps);
      }
    }
    // In the same order whichever way the search met them.
    paths.sort(Comparator.comparing(List::toString));
    List<List<Views.Hop>> hops = new ArrayList<>();
    for (List<Edge> path : paths) {
      hops.add(
          path.stream()
              .map(e -> new Views.Hop(e.source(), e.target(), e.relation(), evidence.get(e)))
              .toList());
    }
    return Optional.of(
        new Views.Paths(named.get(from.getURI()), named.get(to.getURI()), hops, byId));
  }

  /**
   * The sentence that states a relation most surely, or {@code null} if no assertion does. A
   * symmetric relation is stored both ways but stated one way, so the other way is asked too.
   */
  private Views.Evidence evidence(List<Node> edge) {
    List<QuerySolution> rows = statements(edge.get(0), edge.get(1), edge.get(2));
    if (rows.isEmpty() && Relation.of(edge.get(1)).map(Relation::isSymmetric).orElse(false)) {
      rows = statements(edge.get(2), edge.get(1), edge.get(0));
    }
    if (rows.isEmpty()) {
      return null;
    }
    return ArticleRefs.evidence(rows.get(0), articles.ofRows(rows));
  }

  private List<QuerySolution> statements(Node s, Node p, Node o) {
    return Sparql.select(store, Sparql.bind(HOP_EVIDENCE, Map.of("s", s, "p", p, "o", o)), limits);
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
   * When each of the relations (by {@link #key}) held, as {@link FactTime#of} makes it of the times
   * its assertions give; in one question for all. A symmetric relation's assertions are found
   * whichever way round they state it.
   */
  private Map<List<String>, FactTime> times(Set<List<String>> relations) {
    if (relations.isEmpty()) {
      return Map.of();
    }
    List<List<Node>> triples = new ArrayList<>();
    for (List<String> relation : relations) {
      Node s = NodeFactory.createURI(relation.get(0));
      Relation kind = Relation.fromLocalName(relation.get(1));
      Node p = kind.property().asNode();
      Node o = NodeFactory.createURI(relation.get(2));
      triples.add(List.of(s, p, o));
      if (kind.isSymmetric()) {
        triples.add(List.of(o, p, s));
      }
    }
    Query query = Sparql.withRows(RELATION_TIMES, List.of("s", "p", "o"), triples);
    Map<List<String>, List<FactTime.Stated>> stated = new HashMap<>();
    for (QuerySolution row : Sparql.select(store, query, limits)) {
      List<Node> edge =
          List.of(
              row.getResource("s").asNode(),
              row.getResource("p").asNode(),
              row.getResource("o").asNode());
      String published =
          row.getLiteral("published") == null ? null : row.getLiteral("published").getLexicalForm();
      stated
          .computeIfAbsent(key(edge), k -> new ArrayList<>())
          .add(new FactTime.Stated(published, FactTime.ofRow(row)));
    }
    Map<List<String>, FactTime> times = new HashMap<>();
    stated.forEach((relation, sources) -> times.put(relation, FactTime.of(sources)));
    return times;
  }

  /** The relations that touch any of the entities, each as subject, predicate, object. */
  private List<List<Node>> neighbours(Collection<Node> entities, int limit) {
    Query query = Sparql.withValues(NEIGHBOURS, "n", List.copyOf(entities));
    query.setLimit(limit);
    List<List<Node>> edges = new ArrayList<>();
    for (QuerySolution row : Sparql.select(store, query, limits)) {
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
}
