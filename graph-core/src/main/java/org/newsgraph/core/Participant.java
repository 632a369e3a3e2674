package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

/**
 * An entity that took part in an event, in a role such as {@code speaker}, {@code acquirer} or
 * {@code target}.
 */
public record Participant(Entity entity, String role) {

  public Participant {
    requireNonNull(entity, "entity");
    requireNonNull(role, "role");
    if (entity.type() != EntityType.PERSON && entity.type() != EntityType.ORGANIZATION) {
      throw new GraphException(
          "participant "
              + entity.name()
              + " is a "
              + entity.type().label()
              + ", expected a person or an organization");
    }
  }
}
