package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.ontology.IriMinter;

/**
 * The rules of identity across articles, beyond what an entity's key settles by itself. An
 * article's entity gets its IRI from its {@link EntityKey}: its Wikipedia title when linking found
 * one, else its folded name within its type. What one article cannot know, these rules decide over
 * all articles, each within a group of entities that share a key, so that the outcome depends on
 * the articles alone, never on their order or on how a corpus is split:
 *
 * <ol>
 *   <li>{@value #SAME_NAME}, within entities of the same {@linkplain #nameKey name key}: an entity
 *       that no article could link is the one entity linked to Wikipedia under that name, if there
 *       is one; and an entity that one or two articles typed otherwise than most (a company typed
 *       as a person) is the one most articles name;
 *   <li>{@value #SURNAME}, within people of the same {@linkplain #surname surname}: a person named
 *       by one word only is the one person whose full name ends in it, if there is exactly one.
 * </ol>
 *
 * <p>Where a group holds several entities that a name could mean (two people called Raman, two
 * entities linked under one name), nothing is merged: each pair is recorded as possibly the same,
 * for an analyst to decide. The entity kept is the linked one, else the one the most articles name,
 * then the shortest name, then the smallest IRI.
 *
 * <p>Stateless and thread-safe; {@link ResolutionGraph} applies the rules to a store.
 */
public final class EntityResolution {

  /** The rule that merges entities named alike. */
  public static final String SAME_NAME = "same-name";

  /** The rule that merges a surname alone into the one full name ending in it. */
  public static final String SURNAME = "surname";

  /** An analyst's decision. */
  public static final String ANALYST = "analyst";

  private static final Set<EntityType> COMPANY_TYPES =
      Set.of(EntityType.ORGANIZATION, EntityType.PRODUCT);

  private EntityResolution() {}

  /**
   * An entity as the articles name it: one IRI.
   *
   * @param iri its IRI
   * @param type the type most articles give it
   * @param name the name most articles give it
   * @param articles how many articles name it
   */
  public record Candidate(String iri, EntityType type, String name, long articles) {

    public Candidate {
      requireNonNull(iri, "iri");
      requireNonNull(type, "type");
      requireNonNull(name, "name");
    }

    /** Returns whether the entity is linked to Wikipedia. */
    public boolean linked() {
      return EntityKey.ofIri(iri).map(EntityKey::linked).orElse(false);
    }
  }

  /**
   * One entity IRI that names the same thing as another, which is kept.
   *
   * @param from the IRI merged
   * @param to the IRI kept
   * @param rule the rule that decided it
   * @param group the key of the group it was decided in
   * @param reason why, in words
   */
  public record Merge(String from, String to, String rule, String group, String reason) {}

  /**
   * Two entities that may be one thing: the evidence did not settle it.
   *
   * @param first the smaller IRI
   * @param second the larger IRI
   * @param rule the rule that found them
   * @param group the key of the group they were found in
   * @param reason why they were not merged, in words
   */
  public record Pair(String first, String second, String rule, String group, String reason) {

    /** Returns the pair of two IRIs, the smaller first. */
    static Pair of(String a, String b, String rule, String group, String reason) {
      return a.compareTo(b) <= 0
          ? new Pair(a, b, rule, group, reason)
          : new Pair(b, a, rule, group, reason);
    }
  }

  /** What a rule decided within a group. */
  public record Outcome(List<Merge> merges, List<Pair> possiblySame) {

    public Outcome {
      merges = List.copyOf(merges);
      possiblySame = List.copyOf(possiblySame);
    }

    static final Outcome NOTHING = new Outcome(List.of(), List.of());
  }

  /**
   * Returns the key entities are compared by across types: the name folded as an organisation's
   * ("OpenAI", "OpenAI Inc." and "the OpenAI" give {@code openai}).
   */
  public static String nameKey(String name) {
    return EntityKey.foldedName(EntityType.ORGANIZATION, name);
  }

  /**
   * Returns the surname of a person, the last word of the folded name.
   *
   * @return the surname, or empty if the entity is not a person
   */
  public static Optional<String> surname(EntityType type, String name) {
    if (type != EntityType.PERSON) {
      return Optional.empty();
    }
    String[] words = IriMinter.slug(name).split("-");
    return Optional.of(words[words.length - 1]);
  }

  /**
   * Decides within a group of entities that share a name key. The people of a contested name
   * ({@link Namesakes}), its qualified IRIs and the plain one, are merged with nothing: the plain
   * IRI (articles that do not say which person they mean) and every other entity of the name are
   * paired with each qualified one as possibly the same. Two qualified people are not paired: their
   * articles state organisations that share none, and pairs of each with each would grow with the
   * square of their number (an analyst's merge joins two that are one person who changed employer).
   * The rest of the group is decided as if the people were not there.
   */
  public static Outcome byName(String key, List<Candidate> group) {
    if (group.size() < 2) {
      return Outcome.NOTHING;
    }
    Set<String> namesakes = namesakes(group);
    if (!namesakes.isEmpty()) {
      Outcome rest = byName(key, group.stream().filter(c -> !namesakes.contains(c.iri())).toList());
      Set<String> merged = new java.util.HashSet<>();
      rest.merges().forEach(m -> merged.add(m.from()));
      List<Pair> pairs = new ArrayList<>(rest.possiblySame());
      List<Candidate> all = sorted(group);
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          String a = all.get(i).iri();
          String b = all.get(j).iri();
          if ((namesakes.contains(a) || namesakes.contains(b))
              && !(qualified(a) && qualified(b))
              && !merged.contains(a)
              && !merged.contains(b)) {
            pairs.add(
                Pair.of(
                    a,
                    b,
                    SAME_NAME,
                    key,
                    "people of this name are told apart by the organisations their articles"
                        + " state, and nothing says which of them this is"));
          }
        }
      }
      return new Outcome(rest.merges(), pairs);
    }
    List<Candidate> linked = sorted(group.stream().filter(Candidate::linked).toList());
    List<Candidate> unlinked = sorted(group.stream().filter(c -> !c.linked()).toList());
    List<Merge> merges = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    if (linked.size() > 1) {
      for (Candidate one : unlinked) {
        for (Candidate link : linked) {
          pairs.add(
              Pair.of(
                  one.iri(),
                  link.iri(),
                  SAME_NAME,
                  key,
                  "the name \"" + one.name() + "\" is linked to more than one Wikipedia page"));
        }
      }
      return new Outcome(merges, pairs);
    }
    Candidate kept =
        linked.isEmpty() ? group.stream().min(KEPT_FIRST).orElseThrow() : linked.get(0);
    for (Candidate other : unlinked) {
      if (other.iri().equals(kept.iri())) {
        continue;
      }
      if (compatible(other, kept)) {
        merges.add(
            new Merge(
                other.iri(),
                kept.iri(),
                SAME_NAME,
                key,
                kept.linked()
                    ? "the same name as the entity linked to Wikipedia"
                    : "the same name, typed " + other.type().label() + " by fewer articles"));
      } else {
        pairs.add(
            Pair.of(
                other.iri(),
                kept.iri(),
                SAME_NAME,
                key,
                "the same name, but typed "
                    + other.type().label()
                    + " and "
                    + kept.type().label()
                    + " by as many articles"));
      }
    }
    return new Outcome(merges, pairs);
  }

  /**
   * Returns the people of the group whose name is contested: each IRI of a person whose plain IRI
   * or another qualified one is in the group with a qualified one.
   */
  private static Set<String> namesakes(List<Candidate> group) {
    Set<String> contested = new java.util.HashSet<>();
    for (Candidate c : group) {
      if (qualified(c.iri())) {
        contested.add(Namesakes.plainOf(c.iri()).orElseThrow());
      }
    }
    Set<String> namesakes = new java.util.HashSet<>();
    for (Candidate c : group) {
      Namesakes.plainOf(c.iri()).filter(contested::contains).ifPresent(p -> namesakes.add(c.iri()));
    }
    return namesakes;
  }

  private static boolean qualified(String iri) {
    return EntityKey.ofIri(iri).map(EntityKey::isQualified).orElse(false);
  }

  /**
   * Decides within a group of people who share a surname: the one-word names go to the one full
   * name, if there is exactly one.
   */
  public static Outcome bySurname(String surname, List<Candidate> group) {
    List<Candidate> people = group.stream().filter(c -> c.type() == EntityType.PERSON).toList();
    List<Candidate> full = sorted(people.stream().filter(c -> words(c.name()) > 1).toList());
    List<Candidate> alone =
        sorted(people.stream().filter(c -> words(c.name()) == 1 && !c.linked()).toList());
    if (alone.isEmpty() || full.isEmpty()) {
      return Outcome.NOTHING;
    }
    List<Merge> merges = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    for (Candidate one : alone) {
      if (full.size() == 1) {
        merges.add(
            new Merge(
                one.iri(),
                full.get(0).iri(),
                SURNAME,
                surname,
                "the one person whose full name ends in \"" + one.name() + "\""));
      } else {
        for (Candidate person : full) {
          pairs.add(
              Pair.of(
                  one.iri(),
                  person.iri(),
                  SURNAME,
                  surname,
                  full.size() + " people have the surname \"" + one.name() + "\""));
        }
      }
    }
    return new Outcome(merges, pairs);
  }

  /**
   * Whether an entity named like the kept one is the same thing despite another type: a company and
   * its product name, or a type that few articles gave next to one most gave.
   */
  private static boolean compatible(Candidate other, Candidate kept) {
    if (sameKind(other.type(), kept.type())) {
      return true;
    }
    return kept.articles() >= 2 && kept.articles() >= 2 * other.articles();
  }

  /**
   * Returns the name an entity is known by among those its articles give it: the one most give,
   * then the shortest, then the first in order.
   *
   * @param names each name, with how many articles give it; not empty
   */
  public static String mostGivenName(Map<String, Long> names) {
    return names.entrySet().stream()
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(e -> -e.getKey().length())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  /**
   * Returns the type an entity is known by among those its articles give it: the one most give,
   * then the first in the order of {@link EntityType}.
   *
   * @param types each type, with how many articles give it; not empty
   */
  public static EntityType mostGivenType(Map<EntityType, Long> types) {
    return types.entrySet().stream()
        .max(
            Map.Entry.<EntityType, Long>comparingByValue()
                .thenComparing(e -> -e.getKey().ordinal()))
        .orElseThrow()
        .getKey();
  }

  /**
   * Returns whether one thing may have both types: the same type, or a company and its product's
   * name.
   */
  public static boolean sameKind(EntityType a, EntityType b) {
    return a == b || (COMPANY_TYPES.contains(a) && COMPANY_TYPES.contains(b));
  }

  private static final Comparator<Candidate> KEPT_FIRST =
      Comparator.comparingLong(Candidate::articles)
          .reversed()
          .thenComparingInt((Candidate c) -> c.name().length())
          .thenComparing(Candidate::iri);

  private static List<Candidate> sorted(List<Candidate> candidates) {
    return candidates.stream().sorted(Comparator.comparing(Candidate::iri)).toList();
  }

  private static int words(String name) {
    return IriMinter.slug(name).split("-").length;
  }
}
