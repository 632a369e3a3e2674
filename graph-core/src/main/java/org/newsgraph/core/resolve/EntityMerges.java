package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.core.EntityType;
import org.newsgraph.ontology.NG;

/**
 * The store's rules of identity ({@link EntityResolution}) as a pass over a whole corpus applies
 * them, on Spark: instead of recording {@code owl:sameAs} in a resolution graph, the pass rewrites
 * each merged IRI in the article graphs to the one kept, so that {@code newsgraph load} of its
 * output serves one node per thing. The rules are the store's, group by group (a same-name group:
 * an unlinked name goes to the one entity linked under it, a type few articles gave to the type
 * most gave; a surname group: a one-word name goes to the one full name ending in it), so the pass
 * gives the same merges however the corpus is split. Pairs the rules leave for review stay apart;
 * reviewing them needs the store ({@link ResolutionGraph}).
 */
public final class EntityMerges {

  /** The rule that merges names equal but for case, punctuation and legal form. */
  public static final String SAME_NAME = "same-name";

  /** The rule that merges a surname alone into the one full name ending in it. */
  public static final String SURNAME = "surname";

  private EntityMerges() {}

  /**
   * An entity as the corpus names it: one IRI, with how many articles name it so.
   *
   * @param iri its IRI
   * @param type its type
   * @param name the name its IRI was minted from
   * @param articles how many articles name it so
   */
  public record Candidate(String iri, EntityType type, String name, long articles)
      implements Serializable {

    public Candidate {
      requireNonNull(iri, "iri");
      requireNonNull(type, "type");
      requireNonNull(name, "name");
    }
  }

  /**
   * One entity merged into another.
   *
   * @param from the IRI that goes
   * @param to the IRI that stays
   * @param fromName the name that goes, kept as an alias
   * @param toName the name that stays
   * @param rule the rule that merged them
   */
  public record Merge(String from, String to, String fromName, String toName, String rule)
      implements Serializable {}

  /**
   * Returns the key that the same-name rule groups by: the folded name, whatever the type, as the
   * store's resolution groups ({@link EntityResolution#nameKey}).
   */
  public static String sameNameKey(EntityType type, String name) {
    return EntityResolution.nameKey(name);
  }

  /**
   * Returns the key that the surname rule groups by, for people only: their last word.
   *
   * @return the key, or empty if the candidate is not a person
   */
  public static Optional<String> surnameKey(EntityType type, String name) {
    return EntityResolution.surname(type, name);
  }

  /**
   * Decides the candidates of one same-name key by the store's rule ({@link
   * EntityResolution#byName}): the merges it makes; the pairs it leaves for review stay apart.
   */
  public static List<Merge> sameName(List<Candidate> group) {
    if (group.isEmpty()) {
      return List.of();
    }
    String key = sameNameKey(group.get(0).type(), group.get(0).name());
    return merges(EntityResolution.byName(key, resolution(group)), group);
  }

  /**
   * Decides the people of one surname key by the store's rule ({@link EntityResolution#bySurname}):
   * the one-word names go to the one full name, if there is exactly one.
   */
  public static List<Merge> surname(List<Candidate> group) {
    if (group.isEmpty()) {
      return List.of();
    }
    String key = surnameKey(group.get(0).type(), group.get(0).name()).orElse("");
    return merges(EntityResolution.bySurname(key, resolution(group)), group);
  }

  private static List<EntityResolution.Candidate> resolution(List<Candidate> group) {
    return group.stream()
        .sorted(Comparator.comparing(Candidate::iri))
        .map(c -> new EntityResolution.Candidate(c.iri(), c.type(), c.name(), c.articles()))
        .toList();
  }

  /** The store's merges with the candidates' names, in IRI order. */
  private static List<Merge> merges(EntityResolution.Outcome outcome, List<Candidate> group) {
    Map<String, String> names = new java.util.HashMap<>();
    group.forEach(c -> names.putIfAbsent(c.iri(), c.name()));
    List<Merge> merges = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EntityResolution.Merge merge : outcome.merges()) {
      if (seen.add(merge.from())) {
        merges.add(
            new Merge(
                merge.from(),
                merge.to(),
                names.get(merge.from()),
                names.get(merge.to()),
                merge.rule()));
      }
    }
    merges.sort(Comparator.comparing(Merge::from));
    return merges;
  }

  /**
   * Returns an article's graph with the merges applied: each merged IRI replaced by the one kept,
   * and its name by the kept one's, the merged name staying as an alias.
   *
   * @param article the article's graph
   * @param byFrom the merges, by the IRI that goes
   */
  public static Graph apply(Graph article, Map<String, Merge> byFrom) {
    Graph merged = GraphFactory.createDefaultGraph();
    Node label = RDFS.label.asNode();
    article
        .find()
        .forEachRemaining(
            triple -> {
              Merge subject = merge(triple.getSubject(), byFrom);
              if (subject != null && triple.getPredicate().equals(label)) {
                Node to = NodeFactory.createURI(subject.to());
                merged.add(to, label, NodeFactory.createLiteralString(subject.toName()));
                if (!subject.fromName().equals(subject.toName())) {
                  merged.add(
                      to, NG.alias.asNode(), NodeFactory.createLiteralString(subject.fromName()));
                }
                return;
              }
              merged.add(
                  replaced(triple.getSubject(), byFrom),
                  triple.getPredicate(),
                  replaced(triple.getObject(), byFrom));
            });
    return merged;
  }

  private static Merge merge(Node node, Map<String, Merge> byFrom) {
    return node.isURI() ? byFrom.get(node.getURI()) : null;
  }

  private static Node replaced(Node node, Map<String, Merge> byFrom) {
    Merge merge = merge(node, byFrom);
    return merge == null ? node : NodeFactory.createURI(merge.to());
  }
}
