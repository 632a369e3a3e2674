package org.newsgraph.api.graph;

import java.util.Optional;
import org.newsgraph.core.EntityType;
import org.newsgraph.ontology.IriMinter;

/**
 * An entity as the API names it.
 *
 * @param id the entity's id in the API, {@code type/key} ("organization/openai"), as in its IRI
 * @param iri the entity's IRI
 * @param type its type: Person, Organization, Place or Product
 * @param name its canonical name
 */
public record EntityRef(String id, String iri, String type, String name) {

  /** Returns the reference of an entity IRI that Newsgraph minted, if it is one. */
  public static Optional<EntityRef> of(String iri, String name) {
    return typeOf(iri)
        .map(
            type ->
                new EntityRef(
                    iri.substring(IriMinter.ENTITY_BASE.length()),
                    iri,
                    type.label(),
                    name == null ? iri.substring(iri.lastIndexOf('/') + 1) : name));
  }

  /** Returns the IRI of an API entity id, if the id has the shape of one. */
  public static Optional<String> iriOf(String id) {
    String iri = IriMinter.ENTITY_BASE + id;
    return typeOf(iri).isPresent() && id.indexOf('/') == id.lastIndexOf('/')
        ? Optional.of(iri)
        : Optional.empty();
  }

  /** Returns the type that an entity IRI carries in its path. */
  static Optional<EntityType> typeOf(String iri) {
    if (!iri.startsWith(IriMinter.ENTITY_BASE)) {
      return Optional.empty();
    }
    String rest = iri.substring(IriMinter.ENTITY_BASE.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return Optional.empty();
    }
    String segment = rest.substring(0, slash);
    for (EntityType type : EntityType.values()) {
      if (type.label().equalsIgnoreCase(segment)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
