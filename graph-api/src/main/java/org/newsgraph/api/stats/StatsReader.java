package org.newsgraph.api.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.springframework.stereotype.Component;

/**
 * Counts what the graph holds. Counting a large graph takes a while and the answer changes only
 * with a write, so the counts are kept until the store's next write. Thread-safe.
 */
@Component
public final class StatsReader {

  private static final Query ARTICLES = Sparql.load(StatsReader.class, "count-articles.rq");
  private static final Query QUOTES = Sparql.load(StatsReader.class, "count-quotes.rq");
  private static final Query ENTITIES = Sparql.load(StatsReader.class, "count-entities.rq");
  private static final Query FACTS = Sparql.load(StatsReader.class, "count-facts.rq");
  private static final Query EVENTS = Sparql.load(StatsReader.class, "count-events.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private volatile CachedStats stats;

  /** Counts what the store holds, each query within the limits. */
  public StatsReader(GraphStore store, QueryLimits limits) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Returns what the graph holds. */
  public Views.Stats stats() {
    long version = store.version();
    CachedStats cached = stats;
    if (cached != null && cached.version() == version) {
      return cached.stats();
    }
    Views.Stats counted =
        new Views.Stats(
            count(ARTICLES),
            countEach(ENTITIES, "class"),
            countEach(FACTS, "p"),
            countEach(EVENTS, "class"),
            count(QUOTES));
    stats = new CachedStats(version, counted);
    return counted;
  }

  private record CachedStats(long version, Views.Stats stats) {}

  private Map<String, Long> countEach(Query query, String kind) {
    Map<String, Long> counts = new TreeMap<>();
    for (QuerySolution row : select(query)) {
      counts.put(row.getResource(kind).getLocalName(), row.getLiteral("n").getLong());
    }
    return counts;
  }

  private long count(Query query) {
    List<QuerySolution> rows = select(query);
    return rows.isEmpty() ? 0 : rows.get(0).getLiteral("n").getLong();
  }

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
