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
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;

/**
 * The rules by which a pass over a whole corpus merges entities that articles named differently:
 * each article names an entity as it can ("OpenAI Inc.", "Altman"), and its IRI comes from that
 * name alone ({@link EntityResolver#minting()}), so the corpus holds one IRI per way of naming it.
 *
 * <p>Two rules, each deciding within a group of candidates that share a key, so that the pass can
 * run group by group on any number of machines and gives the same merges however the corpus is
 * split:
 *
 * <ol>
 *   <li>{@value #SAME_NAME}: names that are the same once case, accents, punctuation, a leading
 *       "the" and legal-form suffixes ("Inc.", "Ltd", "GmbH") are set aside name one entity;
 *   <li>{@value #SURNAME}: a person named by one word only ("Altman") is the person whose full name
 *       ends in that word, when the corpus holds exactly one such person.
 * </ol>
 *
 * <p>The entity kept is the one the most articles name, then the one with the shortest name (the
 * plain "OpenAI" over "OpenAI Inc."), then the smallest IRI: a choice that depends on the
 * candidates alone, never on their order.
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

  /** Returns the key that the same-name rule groups by: type and folded name. */
  public static String sameNameKey(EntityType type, String name) {
    return type.name() + ":" + EntityKey.foldedName(type, name);
  }

  /**
   * Returns the key that the surname rule groups by, for people only: their last word.
   *
   * @return the key, or empty if the candidate is not a person
   */
  public static Optional<String> surnameKey(EntityType type, String name) {
    if (type != EntityType.PERSON) {
      return Optional.empty();
    }
    String[] words = IriMinter.slug(name).split("-");
    return Optional.of(words[words.length - 1]);
  }

  /** Merges the candidates of one same-name key into the one kept. */
  public static List<Merge> sameName(List<Candidate> group) {
    if (group.size() < 2) {
      return List.of();
    }
    Candidate kept = group.stream().min(KEPT_FIRST).orElseThrow();
    List<Merge> merges = new ArrayList<>();
    for (Candidate candidate : sorted(group)) {
      if (!candidate.iri().equals(kept.iri())) {
        merges.add(merge(candidate, kept, SAME_NAME));
      }
    }
    return merges;
  }

  /**
   * Merges the one-word people of one surname key into the one person of several words, if there is
   * exactly one; with none or several, nothing is merged, as nothing says which is meant.
   */
  public static List<Merge> surname(List<Candidate> group) {
    List<Candidate> full = group.stream().filter(c -> words(c.name()) > 1).toList();
    if (full.size() != 1) {
      return List.of();
    }
    List<Merge> merges = new ArrayList<>();
    for (Candidate candidate : sorted(group)) {
      if (words(candidate.name()) == 1) {
        merges.add(merge(candidate, full.get(0), SURNAME));
      }
    }
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

  private static final Comparator<Candidate> KEPT_FIRST =
      Comparator.comparingLong(Candidate::articles)
          .reversed()
          .thenComparingInt((Candidate c) -> c.name().length())
          .thenComparing(Candidate::iri);

  private static List<Candidate> sorted(List<Candidate> group) {
    return group.stream().sorted(Comparator.comparing(Candidate::iri)).toList();
  }

  private static int words(String name) {
    return IriMinter.slug(name).split("-").length;
  }

  private static Merge merge(Candidate from, Candidate to, String rule) {
    return new Merge(from.iri(), to.iri(), from.name(), to.name(), rule);
  }
}
