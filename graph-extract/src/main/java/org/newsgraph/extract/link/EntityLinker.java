package org.newsgraph.extract.link;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.extract.entity.FirstNames;
import org.newsgraph.extract.rules.WordLists;

/**
 * Links an article's entities to Wikipedia titles, offline, by Wikipedia's own anchors ({@link
 * WikiDict}): a name links to the title its anchor links to most, if enough of the anchor's links
 * go there, unless the words around its mentions point to another title of that name ("London"
 * beside Ontario is {@code London,_Ontario}; "Labour Party" beside New Zealand is {@code
 * Labour_Party_(New_Zealand)}). Where neither the share nor the article settles it, the entity
 * stays unlinked: a wrong link merges different things, a missing one only leaves a name to be
 * matched by name.
 *
 * <p>People are never linked: that a page of a person bears the name an article gives says nothing
 * of whether the article's person is that one (a bank's CFO and a footballer called Daniel Ortiz);
 * people are matched across articles by name and surname ({@code EntityResolution}).
 *
 * <p>Thread-safe.
 */
public final class EntityLinker {

  /** The least share of an anchor's links a title needs, without support from the article. */
  static final double CLEAR = 0.5;

  /** The least share of an anchor's links a title needs when the article supports it. */
  static final double SUPPORTED = 0.2;

  private static final int ALTERNATIVES = 12;

  /** How many characters either side of a mention a qualifier may be. */
  private static final int NEAR = 120;

  private final Supplier<WikiDict> opener;
  private volatile WikiDict dict;

  /** Returns a linker on an open dictionary. */
  public EntityLinker(WikiDict dict) {
    requireNonNull(dict, "dict");
    this.opener = () -> dict;
    this.dict = dict;
  }

  private EntityLinker(Supplier<WikiDict> opener) {
    this.opener = opener;
  }

  /**
   * Returns a linker on the dictionary index in a folder, opened when it is first needed (or on
   * {@link #load()}), and built there first if the folder holds none (a few minutes, once per
   * machine).
   *
   * @param progress told, in words, how building the index goes
   */
  public static EntityLinker onIndex(Path folder, Consumer<String> progress) {
    requireNonNull(folder, "folder");
    requireNonNull(progress, "progress");
    return new EntityLinker(() -> WikiDict.open(folder, progress));
  }

  /** Opens the dictionary now, if it is not open yet, building its index if need be. */
  public void load() {
    dictionary();
  }

  private WikiDict dictionary() {
    WikiDict open = dict;
    if (open == null) {
      synchronized (this) {
        open = dict;
        if (open == null) {
          open = opener.get();
          dict = open;
        }
      }
    }
    return open;
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
    if (!entity.named() || entity.type() == EntityType.PERSON) {
      return Optional.empty();
    }
    Set<String> own = new LinkedHashSet<>(entity.aliases());
    List<String> otherPlaces = places.stream().filter(p -> !own.contains(p)).toList();
    for (String name : names(entity)) {
      Optional<WikiDict.Link> found = dictionary().lookup(name);
      if (found.isEmpty()) {
        continue;
      }
      Optional<String> chosen =
          choose(name, found.get(), near(entity, text), otherPlaces)
              .filter(title -> fits(title, name, entity.type(), this::isPage));
      if (chosen.isPresent()) {
        return chosen;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a title can be the page of an entity of this type (never a person's: people are not
   * linked). Not a person's page: brackets naming a kind of person ({@code
   * Jack_Smith_(footballer)}), or a first name before the name the article gives ({@code
   * Nikola_Tesla} for "Tesla" the carmaker); not a work's page for an organisation or a place
   * ({@code Tessellate_(song)}); and for an organisation or a product not a place's page, whose
   * title qualifies its name by a place with a page of its own ({@code Apex,_North_Carolina}),
   * where a company's qualifies it by a legal form ({@code Tesla,_Inc.}) and a committee's by more
   * of its name ({@code ..._Committee_on_Commerce,_Science_and_Transportation}). The link would
   * otherwise merge a company with whatever bears its name.
   *
   * @param isPage whether words are the title of a page of their own
   */
  static boolean fits(String title, String name, EntityType type, Predicate<String> isPage) {
    String page = title.replace('_', ' ');
    int open = page.lastIndexOf(" (");
    if (open > 0 && page.endsWith(")")) {
      String[] kind =
          page.substring(open + 2, page.length() - 1).toLowerCase(Locale.ROOT).split(" ");
      String last = kind[kind.length - 1];
      if (WordLists.words("person-kinds").contains(last)
          || (type != EntityType.PRODUCT && WordLists.words("work-kinds").contains(last))) {
        return false;
      }
      page = page.substring(0, open);
    }
    int comma = page.indexOf(", ");
    if (comma > 0
        && (type == EntityType.ORGANIZATION || type == EntityType.PRODUCT)
        && !EntityKey.isLegalForm(page.substring(comma + 2))
        && isPage.test(page.substring(comma + 2))) {
      return false;
    }
    String[] words = page.split(" ");
    String written = name.strip();
    return !(words.length > 1
        && !written.contains(" ")
        && words[words.length - 1].equalsIgnoreCase(written)
        && FirstNames.contains(words[0]));
  }

  /** Whether words are where their own anchor mostly links: "North Carolina" is a page. */
  private boolean isPage(String words) {
    return dictionary()
        .lookup(words)
        .filter(link -> link.title().equals(words.replace(' ', '_')))
        .isPresent();
  }

  /**
   * The words around the entity's mentions, where a qualifier that points to another page of its
   * name must be ("London, Ontario", "the Labour Party in Wellington"), not anywhere in the
   * article.
   */
  private static String near(Entity entity, String text) {
    StringBuilder near = new StringBuilder();
    for (org.newsgraph.core.Mention mention : entity.mentions()) {
      int from = Math.max(0, mention.start() - NEAR);
      int to = Math.min(text.length(), mention.end() + NEAR);
      near.append(text, from, to).append('\n');
    }
    return near.isEmpty() ? text : near.toString();
  }

  /**
   * The names to try, the canonical one first, then the longer aliases (they say more); a name in
   * capitals (a dateline's "LONDON") as it is written elsewhere.
   */
  private static List<String> names(Entity entity) {
    List<String> written = new ArrayList<>();
    written.add(entity.name());
    entity.aliases().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(written::add);
    Set<String> names = new LinkedHashSet<>();
    for (String name : written) {
      names.add(shouted(name) ? titleCase(name) : name);
    }
    return List.copyOf(names);
  }

  /** Whether a name is written in capitals throughout and is longer than an acronym. */
  private static boolean shouted(String name) {
    long letters = name.chars().filter(Character::isLetter).count();
    return letters > 4 && name.chars().filter(Character::isLowerCase).count() == 0;
  }

  private static String titleCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.toCharArray()) {
      out.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }

  private Optional<String> choose(
      String name, WikiDict.Link link, String text, List<String> places) {
    if (link.title().endsWith("_(disambiguation)")) {
      return Optional.empty();
    }
    // A title of the same name that the article's places or words point to wins over the one
    // most links go to, when the article does not point to that one.
    if (!supported(link.title(), text)) {
      for (Alternative alternative : alternatives(name, places)) {
        if (!alternative.title().equals(link.title())
            && qualifies(text, name, alternative.support())) {
          return Optional.of(alternative.title());
        }
      }
    }
    if (link.share() >= CLEAR || (link.share() >= SUPPORTED && supported(link.title(), text))) {
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
      for (String found : dictionary().titlesStartingWith(prefix, ALTERNATIVES)) {
        String qualifier = qualifier(found);
        if (qualifier != null && !qualifier.equalsIgnoreCase(name.strip())) {
          alternatives.add(new Alternative(found, qualifier));
        }
      }
    }
    for (String place : places) {
      // "London, Ontario": the page of the name qualified by a place the article names near it.
      dictionary()
          .lookup(name + ", " + place)
          .filter(link -> link.share() >= CLEAR && link.title().contains(place.replace(' ', '_')))
          .ifPresent(link -> alternatives.add(new Alternative(link.title(), place)));
    }
    return alternatives;
  }

  /**
   * Whether the article names what a title's qualifier says ("Ontario" for {@code London,_Ontario},
   * "New Zealand" for {@code Labour_Party_(New_Zealand)}): a title without one is not supported by
   * the article, nor contradicted.
   */
  static boolean supported(String title, String text) {
    String qualifier = qualifier(title);
    return qualifier != null && names(text, qualifier);
  }

  /**
   * Whether the text writes the qualifier right beside the name: "London, Ontario", "London
   * (Ontario)", "Ontario's London", "New Zealand Labour Party". A qualifier elsewhere in the
   * sentence ("Chicago" near "New York") says nothing of which page the name is.
   */
  static boolean qualifies(String text, String name, String qualifier) {
    return names(text, qualifier)
        && (text.contains(name + ", " + qualifier)
            || text.contains(name + " (" + qualifier)
            || text.contains(qualifier + "'s " + name)
            || text.contains(qualifier + "’s " + name)
            || text.contains(qualifier + " " + name));
  }

  /**
   * Whether the text names a qualifier as written, as a whole word: a qualifier that is a common
   * word ("company", "band") or a code of two letters ("IL") says nothing about an article.
   */
  static boolean names(String text, String qualifier) {
    if (qualifier.isEmpty()
        || !Character.isUpperCase(qualifier.charAt(0))
        || (qualifier.length() < 3 && !qualifier.contains("."))) {
      return false;
    }
    return java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(qualifier) + "(?![\\p{L}\\p{N}])")
        .matcher(text)
        .find();
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
}
