package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import org.newsgraph.core.EntityType;

/**
 * An entity that a name search found.
 *
 * @param iri the entity's IRI
 * @param type its type
 * @param name its canonical name
 * @param score how well it matched; higher is better, comparable within one search only
 */
public record EntityHit(String iri, EntityType type, String name, double score) {

  public EntityHit {
    requireNonNull(iri, "iri");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
  }
}
