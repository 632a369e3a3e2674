package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

/**
 * A relation that an article states between two entities, or between an entity and a date.
 *
 * @param relation the relation
 * @param subject the entity the fact is about
 * @param subjectMention the words in the evidence sentence that name the subject (may be a pronoun)
 * @param object the other entity, or {@code null} when the relation's object is a date
 * @param value the normalised date ({@link DateValue}), or {@code null} when the object is an
 *     entity
 * @param objectMention the words in the evidence sentence that name the object
 * @param evidence the sentence, the extractor and the confidence
 * @param former whether the article states the fact as past ("former CEO", "stepped down as")
 * @param start the normalised date ({@link DateValue}) from which the fact holds, or {@code null}
 * @param end the normalised date until which the fact held, or {@code null}
 */
public record Fact(
    Relation relation,
    Entity subject,
    Mention subjectMention,
    Entity object,
    String value,
    Mention objectMention,
    Evidence evidence,
    boolean former,
    String start,
    String end) {

  public Fact {
    requireNonNull(relation, "relation");
    requireNonNull(subject, "subject");
    requireNonNull(subjectMention, "subjectMention");
    requireNonNull(objectMention, "objectMention");
    requireNonNull(evidence, "evidence");
    String name = relation.localName();
    for (String date : new String[] {start, end}) {
      if (date != null && !DateValue.isValid(date)) {
        throw new GraphException(
            "fact " + name + " of " + subject.name() + ": \"" + date + "\" is not a date");
      }
    }
    if (!relation.subjectTypes().contains(subject.type())) {
      throw new GraphException(
          "fact "
              + name
              + ": subject "
              + subject.name()
              + " is a "
              + subject.type().label()
              + ", expected one of "
              + relation.subjectTypes());
    }
    if (relation.isDateValued()) {
      if (object != null || !DateValue.isValid(value)) {
        throw new GraphException(
            "fact " + name + " of " + subject.name() + ": expected a date value, got " + value);
      }
    } else {
      if (object == null || value != null) {
        throw new GraphException(
            "fact " + name + " of " + subject.name() + ": expected an entity as object");
      }
      if (!relation.objectTypes().contains(object.type())) {
        throw new GraphException(
            "fact "
                + name
                + ": object "
                + object.name()
                + " is a "
                + object.type().label()
                + ", expected one of "
                + relation.objectTypes());
      }
    }
  }

  /** Returns a fact that the article states as current and without dates. */
  public Fact(
      Relation relation,
      Entity subject,
      Mention subjectMention,
      Entity object,
      String value,
      Mention objectMention,
      Evidence evidence) {
    this(
        relation,
        subject,
        subjectMention,
        object,
        value,
        objectMention,
        evidence,
        false,
        null,
        null);
  }

  /** Returns this fact with the time the article gives it. */
  public Fact withTime(boolean former, String start, String end) {
    return new Fact(
        relation,
        subject,
        subjectMention,
        object,
        value,
        objectMention,
        evidence,
        former,
        start,
        end);
  }

  /** Returns a fact between two entities. */
  public static Fact between(
      Relation relation,
      Entity subject,
      Mention subjectMention,
      Entity object,
      Mention objectMention,
      Evidence evidence) {
    return new Fact(relation, subject, subjectMention, object, null, objectMention, evidence);
  }

  /** Returns a fact whose object is a date. */
  public static Fact dated(
      Relation relation,
      Entity subject,
      Mention subjectMention,
      String value,
      Mention objectMention,
      Evidence evidence) {
    return new Fact(relation, subject, subjectMention, null, value, objectMention, evidence);
  }

  /** Returns the canonical name of the object, or the date. */
  public String objectLabel() {
    return object != null ? object.name() : value;
  }
}
