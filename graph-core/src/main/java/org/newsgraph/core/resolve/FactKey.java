package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import org.apache.jena.graph.NodeFactory;
import org.newsgraph.core.Relation;

/**
 * A fact as one thing, whichever articles state it and however often: the plain triple of its
 * subject, relation and object, the entities named by the IRIs kept for them. A symmetric relation
 * ({@code competesWith}) is one fact whichever way round it is stated: its key puts the smaller IRI
 * first.
 *
 * @param subject the subject entity's IRI
 * @param predicate the relation's property IRI
 * @param object the object entity's IRI, or {@code null} when the fact has a value
 * @param value the value's lexical form (a date such as {@code 2015-12}), or {@code null} when the
 *     object is an entity
 */
public record FactKey(String subject, String predicate, String object, String value) {

  /** Checks that the fact has a subject, a known relation, and an entity or a value, not both. */
  public FactKey {
    requireNonNull(subject, "subject");
    requireNonNull(predicate, "predicate");
    if ((object == null) == (value == null)) {
      throw new IllegalArgumentException(
          "a fact has an object entity or a value, not "
              + (object == null ? "neither" : "both: <" + object + "> and \"" + value + "\""));
    }
    if (relationOf(predicate) == null) {
      throw new IllegalArgumentException("<" + predicate + "> is not a relation of the ontology");
    }
  }

  /** Returns the key of a fact, its ends in the order the key keeps for a symmetric relation. */
  public static FactKey of(String subject, String predicate, String object, String value) {
    FactKey key = new FactKey(subject, predicate, object, value);
    if (object != null && key.relation().isSymmetric() && subject.compareTo(object) > 0) {
      return new FactKey(object, predicate, subject, null);
    }
    return key;
  }

  /** Returns the relation the fact states. */
  public Relation relation() {
    return relationOf(predicate);
  }

  private static Relation relationOf(String predicate) {
    return Relation.of(NodeFactory.createURI(predicate)).orElse(null);
  }

  /** Returns a text that names the fact: its parts, one a line. */
  String text() {
    return subject + "\n" + predicate + "\n" + (object != null ? object : "\"" + value + "\"");
  }
}
