package org.newsgraph.core;

import static org.newsgraph.core.EntityType.ORGANIZATION;
import static org.newsgraph.core.EntityType.PERSON;
import static org.newsgraph.core.EntityType.PLACE;
import static org.newsgraph.core.EntityType.PRODUCT;

import java.util.EnumSet;
import java.util.Set;
import org.apache.jena.rdf.model.Property;
import org.newsgraph.ontology.NG;

/**
 * The relations that facts state, with the ontology's domain and range. A relation whose object is
 * a date has no object types.
 */
public enum Relation {
  HEADS(NG.heads, EnumSet.of(PERSON), EnumSet.of(ORGANIZATION)),
  WORKS_FOR(NG.worksFor, EnumSet.of(PERSON), EnumSet.of(ORGANIZATION)),
  MEMBER_OF(NG.memberOf, EnumSet.of(PERSON), EnumSet.of(ORGANIZATION)),
  FOUNDED(NG.founded, EnumSet.of(PERSON, ORGANIZATION), EnumSet.of(ORGANIZATION)),
  FOUNDED_ON(NG.foundedOn, EnumSet.of(ORGANIZATION), null),
  SUBSIDIARY_OF(NG.subsidiaryOf, EnumSet.of(ORGANIZATION), EnumSet.of(ORGANIZATION)),
  HEADQUARTERED_IN(NG.headquarteredIn, EnumSet.of(ORGANIZATION), EnumSet.of(PLACE)),
  COMPETES_WITH(NG.competesWith, EnumSet.of(ORGANIZATION), EnumSet.of(ORGANIZATION)),
  ACQUIRED(NG.acquired, EnumSet.of(ORGANIZATION), EnumSet.of(ORGANIZATION)),
  INVESTS_IN(NG.investsIn, EnumSet.of(PERSON, ORGANIZATION), EnumSet.of(ORGANIZATION)),
  PARTNERS_WITH(NG.partnersWith, EnumSet.of(ORGANIZATION), EnumSet.of(ORGANIZATION)),
  DEVELOPS(NG.develops, EnumSet.of(ORGANIZATION), EnumSet.of(PRODUCT)),
  EDUCATED_AT(NG.educatedAt, EnumSet.of(PERSON), EnumSet.of(ORGANIZATION)),
  SPOUSE(NG.spouse, EnumSet.of(PERSON), EnumSet.of(PERSON)),
  CHILD_OF(NG.childOf, EnumSet.of(PERSON), EnumSet.of(PERSON)),
  BIRTH_DATE(NG.birthDate, EnumSet.of(PERSON), null),
  BIRTH_PLACE(NG.birthPlace, EnumSet.of(PERSON), EnumSet.of(PLACE)),
  DEATH_DATE(NG.deathDate, EnumSet.of(PERSON), null),
  NATIONALITY(NG.nationality, EnumSet.of(PERSON), EnumSet.of(PLACE)),
  RESIDENCE(NG.residence, EnumSet.of(PERSON), EnumSet.of(PLACE)),
  POLITICAL_PARTY(NG.politicalParty, EnumSet.of(PERSON), EnumSet.of(ORGANIZATION));

  private final Property property;
  private final Set<EntityType> subjectTypes;
  private final Set<EntityType> objectTypes;

  Relation(Property property, Set<EntityType> subjectTypes, Set<EntityType> objectTypes) {
    this.property = property;
    this.subjectTypes = Set.copyOf(subjectTypes);
    this.objectTypes = objectTypes == null ? Set.of() : Set.copyOf(objectTypes);
  }

  /** Returns the ontology property, such as {@code ng:heads}. */
  public Property property() {
    return property;
  }

  /** Returns the ontology's local name, such as {@code heads}, as the JSON records spell it. */
  public String localName() {
    return property.getLocalName();
  }

  /** Returns the types a subject may have. */
  public Set<EntityType> subjectTypes() {
    return subjectTypes;
  }

  /** Returns the types an object may have; empty when the object is a date. */
  public Set<EntityType> objectTypes() {
    return objectTypes;
  }

  /** Returns whether the object is a date value rather than an entity. */
  public boolean isDateValued() {
    return objectTypes.isEmpty();
  }

  /** Returns whether the relation holds both ways, such as {@code competesWith}. */
  public boolean isSymmetric() {
    return this == COMPETES_WITH || this == PARTNERS_WITH || this == SPOUSE;
  }

  /** Returns the relation whose property this is, if any. */
  public static java.util.Optional<Relation> of(org.apache.jena.graph.Node property) {
    for (Relation relation : values()) {
      if (relation.property().asNode().equals(property)) {
        return java.util.Optional.of(relation);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Returns the relation with this local name.
   *
   * @throws GraphException if there is none
   */
  public static Relation fromLocalName(String localName) {
    for (Relation relation : values()) {
      if (relation.localName().equals(localName)) {
        return relation;
      }
    }
    throw new GraphException("unknown relation \"" + localName + "\"");
  }
}
