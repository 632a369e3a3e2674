package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One real thing that an article refers to, with every mention of it in the article resolved to it.
 *
 * <p>Most entities are named. An article may also speak of someone it never names ("He was born in
 * 1950" in a fragment): such an entity is unnamed, its name only a description ("he"). What the
 * article states about it is kept with its sentence, but it has no IRI and never enters the graph.
 *
 * @param type what kind of thing it is
 * @param name the canonical, full name ("Sam Altman", not "Altman"), or for an unnamed entity a
 *     description of it
 * @param aliases every name the article uses for it, the canonical name first; pronouns excluded;
 *     none for an unnamed entity
 * @param mentions where the article refers to it, pronouns included
 * @param named whether the article names it
 * @param link the Wikipedia title that the entity is ({@code International_Monetary_Fund}), when
 *     linking found one; {@code null} otherwise
 */
public record Entity(
    EntityType type,
    String name,
    List<String> aliases,
    List<Mention> mentions,
    boolean named,
    String link) {

  public Entity {
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new GraphException("an entity of type " + type.label() + " has a blank name");
    }
    name = name.strip();
    Set<String> names = new LinkedHashSet<>();
    if (named) {
      names.add(name);
    }
    for (String alias : requireNonNull(aliases, "aliases")) {
      if (alias != null && !alias.isBlank()) {
        names.add(alias.strip());
      }
    }
    if (!named && !names.isEmpty()) {
      throw new GraphException(
          "the unnamed " + type.label() + " \"" + name + "\" has aliases " + names);
    }
    aliases = List.copyOf(names);
    mentions = List.copyOf(requireNonNull(mentions, "mentions"));
    if (link != null && (link.isBlank() || !named)) {
      throw new GraphException(
          "the "
              + type.label()
              + " \""
              + name
              + "\" has a link \""
              + link
              + "\" but "
              + (named ? "it is blank" : "no name"));
    }
  }

  /** Returns an entity as an article names it, not linked to Wikipedia. */
  public Entity(
      EntityType type, String name, List<String> aliases, List<Mention> mentions, boolean named) {
    this(type, name, aliases, mentions, named, null);
  }

  /** Returns a named entity. */
  public Entity(EntityType type, String name, List<String> aliases, List<Mention> mentions) {
    this(type, name, aliases, mentions, true);
  }

  /** Returns this entity linked to a Wikipedia title. */
  public Entity withLink(String title) {
    return new Entity(type, name, aliases, mentions, named, requireNonNull(title, "title"));
  }

  /** Returns an entity with only a name, mentioned nowhere in particular. */
  public static Entity named(EntityType type, String name) {
    return new Entity(type, name, List.of(), List.of());
  }

  /** Returns an entity that the article refers to without naming it. */
  public static Entity unnamed(EntityType type, String description, List<Mention> mentions) {
    return new Entity(type, description, List.of(), mentions, false);
  }

  @Override
  public String toString() {
    return type.label() + " " + (named ? name : "(unnamed: " + name + ")");
  }
}
