package org.newsgraph.api.decision;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.FactReader;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.springframework.stereotype.Component;

/**
 * The facts that most need an analyst's look: those no analyst has confirmed or rejected, the least
 * confident first (the best confidence among a fact's sentences: a fact one sentence states firmly
 * is already well attested), and among equally confident ones those whose subject and object take
 * part in the most facts first, since a wrong fact about a much-connected entity misleads more
 * answers. The rest of the order (relation, then the entities' ids) only keeps pages stable.
 *
 * <p>A fact is one as {@link FactReader} lists it: its plain triple with the entities kept for its
 * ends, with every sentence that states it. The queue ranks every fact the store holds, up to the
 * query row limit of distinct triples. Thread-safe.
 */
@Component
class FactQueueReader {

  private static final Query FACTS = Sparql.load(FactQueueReader.class, "facts-to-check.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final FactReader facts;

  FactQueueReader(GraphStore store, QueryLimits limits, EntityNames names, FactReader facts) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.facts = requireNonNull(facts, "facts");
  }

  /**
   * A fact waiting for an analyst's verdict.
   *
   * @param fact the fact with its sources, as the entity and article answers list it
   * @param facts how many facts its subject and object take part in, this one included, each
   *     counted once
   */
  record FactToCheck(Views.Fact fact, int facts) {}

  /** A fact as the queue ranks it: its best confidence and the article triples that state it. */
  private static final class Ranked {
    private final FactKey key;
    private double confidence;
    private final List<List<Node>> triples = new ArrayList<>();
    private int touched;

    Ranked(FactKey key) {
      this.key = key;
    }
  }

  /**
   * Returns a page of the facts without a verdict, in the queue's order.
   *
   * @param relation only the facts of this relation, or empty for all
   */
  List<FactToCheck> waiting(Optional<Relation> relation, int limit, int offset) {
    List<QuerySolution> rows = Sparql.select(store, FACTS.cloneQuery(), limits);
    List<Decisions.Decision> verdicts =
        store.decisions().stream().filter(d -> d.kind().aboutFact()).toList();
    Map<String, EntityRef> named = names.of(FactReader.entitiesOf(rows, verdicts));
    Map<FactKey, Ranked> ranked = new LinkedHashMap<>();
    for (QuerySolution row : rows) {
      FactKey key = FactReader.key(named, row);
      if (key != null) {
        Ranked fact = ranked.computeIfAbsent(key, Ranked::new);
        fact.confidence = Math.max(fact.confidence, row.getLiteral("confidence").getDouble());
        fact.triples.add(
            List.of(
                row.getResource("s").asNode(),
                row.getResource("p").asNode(),
                row.get("o").asNode()));
      }
    }
    countTouched(ranked);
    Set<FactKey> judged = FactReader.reviews(named, verdicts).keySet();
    List<Ranked> page =
        ranked.values().stream()
            .filter(f -> !judged.contains(f.key))
            .filter(f -> relation.isEmpty() || f.key.relation() == relation.get())
            .sorted(ORDER)
            .skip(offset)
            .limit(limit)
            .toList();
    Map<FactKey, Views.Fact> found = new HashMap<>();
    for (Views.Fact fact :
        facts.factsStating(page.stream().flatMap(f -> f.triples.stream()).toList())) {
      found.put(keyOf(fact), fact);
    }
    List<FactToCheck> waiting = new ArrayList<>();
    for (Ranked fact : page) {
      // A fact whose article was deleted since the first query is gone: it needs no look.
      Views.Fact listed = found.get(fact.key);
      if (listed != null) {
        waiting.add(new FactToCheck(listed, fact.touched));
      }
    }
    return waiting;
  }

  private static final Comparator<Ranked> ORDER =
      Comparator.<Ranked>comparingDouble(f -> f.confidence)
          .thenComparing(Comparator.<Ranked>comparingInt(f -> f.touched).reversed())
          .thenComparing(f -> f.key.relation().localName())
          .thenComparing(f -> f.key.subject())
          .thenComparing(f -> f.key.object() == null ? "" : f.key.object())
          .thenComparing(f -> f.key.value() == null ? "" : f.key.value());

  /** Counts, for each fact, the facts that its subject or object take part in, each once. */
  private static void countTouched(Map<FactKey, Ranked> ranked) {
    Map<String, Set<FactKey>> byEntity = new HashMap<>();
    for (FactKey key : ranked.keySet()) {
      byEntity.computeIfAbsent(key.subject(), e -> new HashSet<>()).add(key);
      if (key.object() != null) {
        byEntity.computeIfAbsent(key.object(), e -> new HashSet<>()).add(key);
      }
    }
    for (Ranked fact : ranked.values()) {
      Set<FactKey> subject = byEntity.get(fact.key.subject());
      Set<FactKey> object = fact.key.object() == null ? Set.of() : byEntity.get(fact.key.object());
      int shared = 0;
      for (FactKey key : object) {
        if (subject.contains(key)) {
          shared++;
        }
      }
      fact.touched = subject.size() + object.size() - shared;
    }
  }

  /** The key of a listed fact, whose ends are already the entities kept. */
  private static FactKey keyOf(Views.Fact fact) {
    return FactKey.of(
        fact.subject().iri(),
        Relation.fromLocalName(fact.relation()).property().getURI(),
        fact.object() == null ? null : fact.object().iri(),
        fact.object() == null ? fact.value() : null);
  }
}
