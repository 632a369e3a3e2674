package org.newsgraph.api.graph;

import java.util.Optional;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.ontology.IriMinter;

/**
 * An entity as the API names it.
 *
 * @param id the entity's id in the API, as in its IRI: {@code organization/openai}, or {@code
 *     wiki/microsoft} for an entity linked to Wikipedia
 * @param iri the entity's IRI
 * @param type its type: Person, Organization, Place or Product
 * @param name its canonical name
 */
public record EntityRef(String id, String iri, String type, String name) {

  /**
   * Returns the reference of an entity IRI that Newsgraph minted, if it is one.
   *
   * @param type the type the articles give it, or {@code null} for the type its IRI carries (a
   *     linked entity's IRI carries none, and has no reference without one)
   */
  public static Optional<EntityRef> of(String iri, String name, EntityType type) {
    return EntityKey.ofIri(iri)
        .flatMap(
            key -> {
              EntityType known = type != null ? type : key.type().orElse(null);
              if (known == null) {
                return Optional.empty();
              }
              return Optional.of(
                  new EntityRef(key.id(), iri, known.label(), name == null ? key.key() : name));
            });
  }

  /** Returns the IRI of an API entity id, if the id has the shape of one. */
  public static Optional<String> iriOf(String id) {
    return EntityKey.ofId(id).map(key -> IriMinter.ENTITY_BASE + key.id());
  }
}
