package org.newsgraph.core;

import org.apache.jena.rdf.model.Resource;
import org.newsgraph.ontology.NG;

/** The kinds of things that articles name, each an ontology class. */
public enum EntityType {
  PERSON(NG.Person),
  ORGANIZATION(NG.Organization),
  PLACE(NG.Place),
  PRODUCT(NG.Product);

  private final Resource ontologyClass;

  EntityType(Resource ontologyClass) {
    this.ontologyClass = ontologyClass;
  }

  /** Returns the ontology class, such as {@code ng:Person}. */
  public Resource ontologyClass() {
    return ontologyClass;
  }

  /** Returns the class's local name, such as {@code Person}, as the JSON records spell it. */
  public String label() {
    return ontologyClass.getLocalName();
  }

  /** Returns the type whose ontology class this is, if any. */
  public static java.util.Optional<EntityType> of(Resource ontologyClass) {
    for (EntityType type : values()) {
      if (type.ontologyClass.equals(ontologyClass)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Returns the type whose label or name is given, ignoring case.
   *
   * @throws GraphException if there is none
   */
  public static EntityType fromLabel(String label) {
    for (EntityType type : values()) {
      if (type.label().equalsIgnoreCase(label) || type.name().equalsIgnoreCase(label)) {
        return type;
      }
    }
    throw new GraphException(
        "unknown entity type \"" + label + "\", expected Person, Organization, Place or Product");
  }
}
