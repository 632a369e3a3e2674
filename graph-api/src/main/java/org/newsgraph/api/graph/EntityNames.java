package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.resolve.EntityResolution;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.springframework.stereotype.Component;

/**
 * How answers name entities. An entity merged into another (by a rule or an analyst) is referred to
 * as the one kept; a reference carries the name an analyst gave, else the Wikipedia title of a
 * linked entity, else the name most articles give; and the type most articles give. Two queries a
 * page of 500 entities: the IRIs kept, then their names. Thread-safe.
 */
@Component
public final class EntityNames {

  private static final int PAGE = 500;

  private static final Query NAMES =
      Sparql.bind(
          Sparql.load(EntityNames.class, "names.rq"),
          Map.of(
              "decisions", NodeFactory.createURI(IriMinter.DECISIONS_GRAPH),
              "wikipedia", NodeFactory.createLiteralString(IriMinter.WIKIPEDIA_BASE)));
  private static final Query KEPT =
      Sparql.bind(
          Sparql.load(EntityNames.class, "kept.rq"),
          Map.of("resolution", NodeFactory.createURI(IriMinter.RESOLUTION_GRAPH)));

  private final GraphStore store;
  private final QueryLimits limits;

  /** Names entities by what the store holds, each query within the limits. */
  public EntityNames(GraphStore store, QueryLimits limits) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
  }

  /**
   * Returns the references of entity IRIs, by IRI, in the order given; IRIs with no name, and nodes
   * that are not IRIs, are left out.
   */
  public Map<String, EntityRef> of(Collection<Node> entities) {
    List<Node> iris = entities.stream().filter(Node::isURI).distinct().toList();
    Map<String, String> kept = kept(iris);
    List<Node> shown =
        iris.stream().map(n -> NodeFactory.createURI(kept.get(n.getURI()))).distinct().toList();
    Map<String, EntityRef> refs = new HashMap<>();
    for (int from = 0; from < shown.size(); from += PAGE) {
      refs.putAll(named(shown.subList(from, Math.min(shown.size(), from + PAGE))));
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

  private Map<String, EntityRef> named(List<Node> page) {
    Map<String, Map<String, Long>> labels = new HashMap<>();
    Map<String, Map<EntityType, Long>> types = new HashMap<>();
    Map<String, String> renamed = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (QuerySolution row : select(Sparql.withValues(NAMES, "e", page))) {
      String iri = row.getResource("e").getURI();
      if (row.contains("renamed")) {
        renamed.put(iri, row.getLiteral("renamed").getString());
      } else if (row.contains("page")) {
        // Only a linked entity is named by its page; the others keep the names articles give.
        if (EntityKey.ofIri(iri).map(EntityKey::linked).orElse(false)) {
          titles.put(iri, title(row.getResource("page").getURI()));
        }
      } else {
        long n = row.getLiteral("n").getLong();
        labels
            .computeIfAbsent(iri, k -> new HashMap<>())
            .merge(row.getLiteral("name").getString(), n, Long::sum);
        EntityType.of(row.getResource("class"))
            .ifPresent(
                t -> types.computeIfAbsent(iri, k -> new HashMap<>()).merge(t, n, Long::sum));
      }
    }
    Map<String, EntityRef> refs = new HashMap<>();
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
    return refs;
  }

  private static String title(String page) {
    String title = page.substring(IriMinter.WIKIPEDIA_BASE.length());
    return URLDecoder.decode(title, StandardCharsets.UTF_8).replace('_', ' ');
  }

  /** The IRI kept for each IRI: itself, or the one it was merged into, following a few hops. */
  private Map<String, String> kept(List<Node> iris) {
    Map<String, String> kept = new HashMap<>();
    iris.forEach(n -> kept.put(n.getURI(), n.getURI()));
    Map<String, String> next = new HashMap<>();
    for (int from = 0; from < iris.size(); from += PAGE) {
      List<Node> page = iris.subList(from, Math.min(iris.size(), from + PAGE));
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

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
