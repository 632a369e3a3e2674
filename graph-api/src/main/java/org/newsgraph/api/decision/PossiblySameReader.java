package org.newsgraph.api.decision;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.springframework.stereotype.Component;

/**
 * Reads the pairs of entities that may be one, which the rules left for an analyst. Thread-safe.
 */
@Component
class PossiblySameReader {

  private static final Query POSSIBLY_SAME =
      Sparql.bind(
          Sparql.load(PossiblySameReader.class, "possibly-same.rq"),
          Map.of("resolution", NodeFactory.createURI(IriMinter.RESOLUTION_GRAPH)));
  private static final Query PAIR_FACTS = Sparql.load(PossiblySameReader.class, "pair-facts.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;

  PossiblySameReader(GraphStore store, QueryLimits limits, EntityNames names) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
  }

  /**
   * Returns the pairs not yet settled, those whose entities touch the most facts first, a page at a
   * time; a pair whose two entities were since merged into one is left out. Every pair (of the
   * entity, if one is given) is counted to order them: the pairs come from the resolution graph,
   * and the facts of all their entities are counted in one query whose values lead it, so each
   * entity is looked up in the indexes (counting in the pairs query itself matched every fact in
   * the store against every pair, seconds on a graph of a million triples).
   *
   * @param entity the IRIs of the one entity whose pairs are wanted (the entity kept and those
   *     merged into it), or empty for every pair
   */
  List<Views.PossiblySame> possiblySame(List<Node> entity, int limit, int offset) {
    Query query =
        entity.isEmpty()
            ? POSSIBLY_SAME.cloneQuery()
            : Sparql.withValues(POSSIBLY_SAME, "entity", entity);
    List<QuerySolution> rows = Sparql.select(store, query, limits);
    List<Node> entities = new ArrayList<>();
    List<List<Node>> ends = new ArrayList<>();
    rows.forEach(
        row -> {
          Node a = row.getResource("a").asNode();
          Node b = row.getResource("b").asNode();
          entities.add(a);
          entities.add(b);
          ends.add(List.of(a, b));
        });
    Map<String, EntityRef> named = names.of(entities);
    Map<List<String>, Long> facts = new HashMap<>();
    if (!ends.isEmpty()) {
      for (QuerySolution row :
          Sparql.select(store, Sparql.withRows(PAIR_FACTS, List.of("a", "b"), ends), limits)) {
        facts.put(
            List.of(row.getResource("a").getURI(), row.getResource("b").getURI()),
            row.getLiteral("facts").getLong());
      }
    }
    List<Views.PossiblySame> pairs = new ArrayList<>();
    for (QuerySolution row : rows) {
      String a = row.getResource("a").getURI();
      String b = row.getResource("b").getURI();
      EntityRef first = named.get(a);
      EntityRef second = named.get(b);
      if (first != null && second != null && !first.id().equals(second.id())) {
        pairs.add(
            new Views.PossiblySame(
                first,
                second,
                row.getLiteral("rule").getString(),
                row.getLiteral("reason").getString(),
                facts.getOrDefault(List.of(a, b), 0L)));
      }
    }
    // A stable sort: pairs that touch as many facts keep the query's order, by rule and IRIs.
    return pairs.stream()
        .sorted(Comparator.comparingLong(Views.PossiblySame::facts).reversed())
        .skip(offset)
        .limit(limit)
        .toList();
  }
}
