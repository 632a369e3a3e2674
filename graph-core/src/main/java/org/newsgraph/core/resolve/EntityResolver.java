package org.newsgraph.core.resolve;

import org.apache.jena.rdf.model.Resource;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityKey;

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
   * Returns the resolver that mints the IRI from the entity's {@link EntityKey} alone (its
   * Wikipedia title, else its folded name and type), so that every process agrees on it without
   * coordinating.
   */
  static EntityResolver minting() {
    return entity -> EntityKey.of(entity).iri();
  }
}
