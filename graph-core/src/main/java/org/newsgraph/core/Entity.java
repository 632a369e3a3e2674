package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One real thing that an article names, with every mention of it in the article resolved to it.
 *
 * @param type what kind of thing it is
 * @param name the canonical, full name ("Sam Altman", not "Altman")
 * @param aliases every name the article uses for it, the canonical name first; pronouns excluded
 * @param mentions where the article refers to it, pronouns included
 */
public record Entity(EntityType type, String name, List<String> aliases, List<Mention> mentions) {

  public Entity {
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new GraphException("an entity of type " + type.label() + " has a blank name");
    }
    name = name.strip();
    Set<String> names = new LinkedHashSet<>();
    names.add(name);
    for (String alias : requireNonNull(aliases, "aliases")) {
      if (alias != null && !alias.isBlank()) {
        names.add(alias.strip());
      }
    }
    aliases = List.copyOf(names);
    mentions = List.copyOf(requireNonNull(mentions, "mentions"));
  }

  /** Returns an entity with only a name, mentioned nowhere in particular. */
  public static Entity named(EntityType type, String name) {
    return new Entity(type, name, List.of(), List.of());
  }

  @Override
  public String toString() {
    return type.label() + " " + name;
  }
}
