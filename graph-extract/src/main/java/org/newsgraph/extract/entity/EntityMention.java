package org.newsgraph.extract.entity;

import static java.util.Objects.requireNonNull;

import org.newsgraph.core.Entity;
import org.newsgraph.core.Mention;

/**
 * One place where an article refers to an entity.
 *
 * @param entity the entity referred to
 * @param mention the words and their offsets
 * @param named whether the words are a name ("Altman") rather than a pronoun or a description
 *     ("he", "the company")
 */
public record EntityMention(Entity entity, Mention mention, boolean named) {

  public EntityMention {
    requireNonNull(entity, "entity");
    requireNonNull(mention, "mention");
  }
}
