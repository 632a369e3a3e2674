package org.newsgraph.extract.link;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;

/**
 * Links an article's entities to Wikipedia titles, offline, by Wikipedia's own anchors ({@link
 * WikiDict}): a name links to the title its anchor links to most, if enough of the anchor's links
 * go there, unless the article's own words point to another title of that name ("London" in an
 * article that names Ontario is {@code London,_Ontario}; "Labour Party" in one that names New
 * Zealand is {@code New_Zealand_Labour_Party}). Where neither the share nor the article settles it,
 * the entity stays unlinked: a wrong link merges different things, a missing one only leaves a name
 * to be matched by name.
 *
 * <p>People named by one word are never linked (a surname alone is matched across articles by
 * {@code EntityResolution}); a person's name links only to a title that is that name.
 *
 * <p>Thread-safe.
 */
public final class EntityLinker {

  /** The least share of an anchor's links a title needs, without support from the article. */
  static final double CLEAR = 0.5;

  /** The least share of an anchor's links a title needs when the article supports it. */
  static final double SUPPORTED = 0.2;

  private static final int ALTERNATIVES = 12;

  private final WikiDict dict;

  public EntityLinker(WikiDict dict) {
    this.dict = requireNonNull(dict, "dict");
  }

  /**
   * Returns the Wikipedia title an entity is, if its names and the article settle it.
   *
   * @param entity the entity, with every name the article uses for it
   * @param text the article's text
   * @param places the names of the places the article names
   */
  public Optional<String> link(Entity entity, String text, List<String> places) {
    requireNonNull(entity, "entity");
    requireNonNull(text, "text");
    requireNonNull(places, "places");
    if (!entity.named()) {
      return Optional.empty();
    }
    for (String name : names(entity)) {
      if (entity.type() == EntityType.PERSON && words(name) < 2) {
        continue;
      }
      Optional<WikiDict.Link> found = dict.lookup(name);
      if (found.isEmpty()) {
        continue;
      }
      WikiDict.Link link = found.get();
      Optional<String> chosen = choose(name, link, entity.type(), text, places);
      if (chosen.isPresent()) {
        return chosen;
      }
    }
    return Optional.empty();
  }

  /** The names to try, the canonical one first, then the longer aliases (they say more). */
  private static List<String> names(Entity entity) {
    Set<String> names = new LinkedHashSet<>();
    names.add(entity.name());
    entity.aliases().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(names::add);
    return List.copyOf(names);
  }

  private Optional<String> choose(
      String name, WikiDict.Link link, EntityType type, String text, List<String> places) {
    if (type == EntityType.PERSON && !isThePerson(name, link.title())) {
      return Optional.empty();
    }
    String lowerText = text.toLowerCase(Locale.ROOT);
    // A title of the same name that the article's places or words point to wins over the one
    // most links go to, when the article does not point to that one.
    if (!supported(link.title(), lowerText)) {
      for (Alternative alternative : alternatives(name, places)) {
        if (!alternative.title().equals(link.title())
            && lowerText.contains(alternative.support().toLowerCase(Locale.ROOT))) {
          return Optional.of(alternative.title());
        }
      }
    }
    if (link.share() >= CLEAR
        || (link.share() >= SUPPORTED && supported(link.title(), lowerText))) {
      return Optional.of(link.title());
    }
    return Optional.empty();
  }

  /** Another title a name may stand for, and the words in an article that point to it. */
  private record Alternative(String title, String support) {}

  /**
   * Titles the name may also stand for: {@code Name_(...)} and {@code Name,_...} pages (pointed to
   * by their qualifier), and the pages of "Place Name" and "Name, Place" for the places the article
   * names (pointed to by the place).
   */
  private List<Alternative> alternatives(String name, List<String> places) {
    String title = name.strip().replace(' ', '_');
    List<Alternative> alternatives = new ArrayList<>();
    for (String prefix : List.of(title + ",_", title + "_(")) {
      for (String found : dict.titlesStartingWith(prefix, ALTERNATIVES)) {
        String qualifier = qualifier(found);
        if (qualifier != null) {
          alternatives.add(new Alternative(found, qualifier));
        }
      }
    }
    for (String place : places) {
      for (String anchor :
          List.of(place + " " + name, name + ", " + place, name + " (" + place + ")")) {
        dict.lookup(anchor)
            .filter(link -> link.share() >= CLEAR)
            .ifPresent(link -> alternatives.add(new Alternative(link.title(), place)));
      }
    }
    return alternatives;
  }

  /**
   * Whether the article names what a title's qualifier says ("Ontario" for {@code London,_Ontario},
   * "New Zealand" for {@code New_Zealand_Labour_Party}): a title without one is not supported by
   * the article, nor contradicted.
   */
  static boolean supported(String title, String lowerText) {
    String qualifier = qualifier(title);
    return qualifier != null && lowerText.contains(qualifier.toLowerCase(Locale.ROOT));
  }

  /**
   * The part of a title that tells it from others of the same name: what follows a comma, what is
   * in brackets, or for "Place Name" titles the place. {@code null} for a plain title.
   */
  static String qualifier(String title) {
    String name = title.replace('_', ' ');
    int open = name.lastIndexOf(" (");
    if (open > 0 && name.endsWith(")")) {
      return expand(name.substring(open + 2, name.length() - 1));
    }
    int comma = name.indexOf(", ");
    if (comma > 0) {
      return name.substring(comma + 2);
    }
    return null;
  }

  /** Common abbreviations of qualifiers, as articles spell them out. */
  private static String expand(String qualifier) {
    return switch (qualifier) {
      case "UK" -> "Britain";
      case "US", "USA" -> "United States";
      default -> qualifier;
    };
  }

  /** Whether a person's title is that person's name, not a place or a thing named after them. */
  private static boolean isThePerson(String name, String title) {
    String plain = title.replace('_', ' ');
    int open = plain.indexOf(" (");
    if (open > 0) {
      plain = plain.substring(0, open);
    }
    String[] nameWords = name.toLowerCase(Locale.ROOT).split("\\s+");
    String last = nameWords[nameWords.length - 1];
    return plain.toLowerCase(Locale.ROOT).endsWith(last) && words(plain) >= 2;
  }

  private static int words(String name) {
    return name.strip().split("\\s+").length;
  }
}
