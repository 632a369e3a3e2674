package org.newsgraph.core.resolve;

import org.apache.jena.rdf.model.Resource;
import org.newsgraph.core.Entity;
import org.newsgraph.ontology.IriMinter;

/**
 * Decides which IRI stands for an entity that an article names.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface EntityResolver {

  /** Returns the IRI of the entity. */
  Resource resolve(Entity entity);

  /**
   * Returns the resolver that mints the IRI from the entity's type and canonical name alone, so
   * that every process agrees on it without coordinating.
   */
  static EntityResolver minting() {
    return entity -> IriMinter.entity(entity.type().ontologyClass(), entity.name());
  }
}
