package org.newsgraph.api.decision;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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
   * time; a pair whose two entities were since merged into one is left out.
   *
   * @param entity the IRIs of the one entity whose pairs are wanted (the entity kept and those
   *     merged into it), or empty for every pair
   */
  List<Views.PossiblySame> possiblySame(List<Node> entity, int limit, int offset) {
    Query query =
        entity.isEmpty()
            ? POSSIBLY_SAME.cloneQuery()
            : Sparql.withValues(POSSIBLY_SAME, "entity", entity);
    query.setLimit(limit);
    query.setOffset(offset);
    List<QuerySolution> rows = Sparql.select(store, query, limits);
    List<Node> entities = new ArrayList<>();
    rows.forEach(
        row -> {
          entities.add(row.getResource("a").asNode());
          entities.add(row.getResource("b").asNode());
        });
    Map<String, EntityRef> named = names.of(entities);
    List<Views.PossiblySame> pairs = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef a = named.get(row.getResource("a").getURI());
      EntityRef b = named.get(row.getResource("b").getURI());
      if (a != null && b != null && !a.id().equals(b.id())) {
        pairs.add(
            new Views.PossiblySame(
                a,
                b,
                row.getLiteral("rule").getString(),
                row.getLiteral("reason").getString(),
                row.getLiteral("facts").getLong()));
      }
    }
    return pairs;
  }
}
