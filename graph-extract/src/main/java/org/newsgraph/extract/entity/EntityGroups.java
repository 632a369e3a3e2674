package org.newsgraph.extract.entity;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.ontology.IriMinter;

/**
 * Makes one entity of each real thing among an article's typed names: the same name; a person's
 * surname or first name with the full name that ends or starts with it ("Altman" with "Sam Altman";
 * where several do, the one introduced first); the start of an organisation's name with the full
 * name. The longest name is the canonical one, and groups that end with the same canonical name are
 * one. Adjectives of nationality ("Greek") become mentions of their country, words for a party's
 * members ("Republican") of the party, and the {@link PronounResolver} adds the pronouns and
 * descriptions that refer back. Stateless.
 */
final class EntityGroups {

  private EntityGroups() {}

  /** A candidate that was given a type; tokens {@code first..last}, 1-based, of its sentence. */
  record Named(
      Mention mention, EntityType type, List<String> words, int sentence, int first, int last) {}

  /**
   * Returns the entities of the article's typed names, with every mention of them.
   *
   * @param text the article's text
   * @param document the article as CoreNLP annotated it
   * @param named the names that were given a type, in the order of the text
   */
  static DocumentEntities entities(String text, CoreDocument document, List<Named> named) {
    UnionFind groups = new UnionFind(named.size());
    groupSameNames(named, groups);
    groupPartialNames(named, groups);
    return build(text, document, named, groups, namesInWords(text, document, named));
  }

  private static void groupSameNames(List<Named> named, UnionFind groups) {
    Map<String, Integer> firstByKey = new HashMap<>();
    for (int i = 0; i < named.size(); i++) {
      Named mention = named.get(i);
      String key = mention.type() + "/" + IriMinter.slug(mention.mention().text());
      Integer first = firstByKey.putIfAbsent(key, i);
      if (first != null) {
        groups.union(first, i);
      }
    }
  }

  /**
   * Groups a short name with the one longer name it is part of. Where several fit ("Inouye" after
   * "Margaret Inouye" and her father "Kenji Inouye"), news style gives it to the one introduced
   * first, provided that one comes before it.
   */
  private static void groupPartialNames(List<Named> named, UnionFind groups) {
    for (int i = 0; i < named.size(); i++) {
      Named part = named.get(i);
      if (part.type() != EntityType.PERSON && part.type() != EntityType.ORGANIZATION) {
        continue;
      }
      Map<Integer, Integer> firstMentionByGroup = new LinkedHashMap<>();
      for (int j = 0; j < named.size(); j++) {
        Named whole = named.get(j);
        if (whole.type() == part.type()
            && whole.words().size() > part.words().size()
            && isPartOf(part, whole)) {
          firstMentionByGroup.putIfAbsent(groups.find(j), j);
        }
      }
      if (firstMentionByGroup.size() == 1) {
        groups.union(firstMentionByGroup.keySet().iterator().next(), i);
      } else if (!firstMentionByGroup.isEmpty()) {
        Map.Entry<Integer, Integer> first =
            firstMentionByGroup.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        if (first.getValue() < i) {
          groups.union(first.getKey(), i);
        }
      }
    }
  }

  /** A person by first or last names, an organisation by its leading words. */
  private static boolean isPartOf(Named part, Named whole) {
    List<String> p = part.words();
    List<String> w = whole.words();
    boolean prefix = w.subList(0, p.size()).equals(p);
    if (part.type() == EntityType.ORGANIZATION) {
      return prefix;
    }
    return prefix || w.subList(w.size() - p.size(), w.size()).equals(p);
  }

  /**
   * Words that stand for a name, unless inside one: adjectives of nationality ("Greek") for their
   * country, words for a party's members ("Republican") for the party.
   */
  private static List<Named> namesInWords(String text, CoreDocument document, List<Named> named) {
    List<Named> found = new ArrayList<>();
    for (CoreSentence sentence : document.sentences()) {
      List<CoreLabel> tokens = sentence.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        CoreLabel token = tokens.get(i);
        // Two words may name a party of their own ("Liberal Democrat"), or none known here.
        CoreLabel first = token;
        Optional<String> party = Optional.empty();
        if (i > 0) {
          party = PartyMembers.partyOf(tokens.get(i - 1).word() + " " + token.word());
          first = party.isPresent() ? tokens.get(i - 1) : token;
        }
        if (party.isEmpty()) {
          party = PartyMembers.partyOf(token.word());
        }
        if (party.filter(PartyMembers.NONE::equals).isPresent()) {
          continue;
        }
        Optional<String> place = Demonyms.placeOf(token.word());
        int start = first.beginPosition();
        boolean insideName =
            named.stream()
                .anyMatch(
                    n -> n.mention().start() < token.endPosition() && start < n.mention().end());
        if (insideName || (place.isEmpty() && party.isEmpty())) {
          continue;
        }
        found.add(
            new Named(
                Mention.in(text, start, token.endPosition()),
                party.isPresent() ? EntityType.ORGANIZATION : EntityType.PLACE,
                List.of(party.orElseGet(place::get)),
                token.sentIndex(),
                first.index(),
                token.index()));
      }
    }
    return found;
  }

  private static DocumentEntities build(
      String text,
      CoreDocument document,
      List<Named> named,
      UnionFind unions,
      List<Named> demonyms) {
    // Groups of named mentions, merged again where two got the same canonical name.
    Map<String, List<Named>> byKey = new LinkedHashMap<>();
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < named.size(); i++) {
      members.computeIfAbsent(unions.find(i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : members.values()) {
      List<Named> mentions = group.stream().map(named::get).toList();
      Named canonical = canonical(mentions);
      byKey
          .computeIfAbsent(
              key(canonical.type(), canonical.mention().text()), k -> new ArrayList<>())
          .addAll(mentions);
    }
    Map<String, List<Named>> nationalities = new LinkedHashMap<>();
    for (Named demonym : demonyms) {
      String key = key(demonym.type(), demonym.words().get(0));
      (byKey.containsKey(key) ? byKey : nationalities)
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(demonym);
    }

    List<String> keys = new ArrayList<>(byKey.keySet());
    keys.addAll(nationalities.keySet());
    Map<Integer, EntityType> types = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    Map<Integer, Gender> genders = new HashMap<>();
    List<PronounResolver.Named> resolvable = new ArrayList<>();
    for (int g = 0; g < keys.size(); g++) {
      List<Named> mentions =
          byKey.containsKey(keys.get(g)) ? byKey.get(keys.get(g)) : nationalities.get(keys.get(g));
      Named canonical = canonical(mentions);
      types.put(g, canonical.type());
      names.put(g, canonical.mention().text());
      genders.put(
          g,
          canonical.type() == EntityType.PERSON
              ? Gender.ofFirstName(canonical.words().get(0))
              : Gender.UNKNOWN);
      for (Named mention : mentions) {
        resolvable.add(
            new PronounResolver.Named(
                g, mention.mention(), mention.sentence(), mention.first(), mention.last()));
      }
    }
    resolvable.sort(Comparator.comparingInt((PronounResolver.Named n) -> n.mention().start()));
    PronounResolver resolver = new PronounResolver(types, names, genders);
    List<PronounResolver.Resolved> pronouns =
        resolver.resolve(document.sentences(), resolvable, text);

    List<Entity> entities = new ArrayList<>();
    List<EntityMention> all = new ArrayList<>();
    for (int g = 0; g < keys.size(); g++) {
      boolean nationalityOnly = !byKey.containsKey(keys.get(g));
      List<Named> mentions =
          nationalityOnly ? nationalities.get(keys.get(g)) : byKey.get(keys.get(g));
      int group = g;
      List<Mention> unnamed =
          pronouns.stream()
              .filter(p -> p.group() == group && !p.description())
              .map(PronounResolver.Resolved::mention)
              .toList();
      List<Mention> descriptions =
          pronouns.stream()
              .filter(p -> p.group() == group && p.description())
              .map(PronounResolver.Resolved::mention)
              .toList();
      List<Mention> spans = new ArrayList<>(mentions.stream().map(Named::mention).toList());
      List<String> aliases =
          mentions.stream()
              .filter(m -> !demonyms.contains(m))
              .map(m -> m.mention().text())
              .toList();
      String name =
          nationalityOnly ? mentions.get(0).words().get(0) : canonical(mentions).mention().text();
      List<Mention> every = new ArrayList<>(spans);
      every.addAll(unnamed);
      every.sort(Comparator.comparingInt(Mention::start));
      Entity entity = new Entity(types.get(g), name, aliases, every);
      entities.add(entity);
      spans.forEach(span -> all.add(new EntityMention(entity, span, true)));
      unnamed.forEach(span -> all.add(new EntityMention(entity, span, false)));
      // Descriptions help patterns find the entity but are not among the ways it is mentioned.
      descriptions.forEach(span -> all.add(new EntityMention(entity, span, false)));
    }
    resolver
        .unnamed()
        .forEach(
            (group, unnamedGroup) -> {
              List<Mention> spans =
                  pronouns.stream()
                      .filter(p -> p.group() == group)
                      .map(PronounResolver.Resolved::mention)
                      .toList();
              Entity entity =
                  Entity.unnamed(unnamedGroup.type(), unnamedGroup.description(), spans);
              entities.add(entity);
              spans.forEach(span -> all.add(new EntityMention(entity, span, false)));
            });
    entities.sort(Comparator.comparingInt(e -> e.mentions().get(0).start()));
    return new DocumentEntities(entities, all);
  }

  private static String key(EntityType type, String name) {
    return type + "/" + IriMinter.slug(name);
  }

  /** The name with the most words, the earliest among equals. */
  private static Named canonical(List<Named> mentions) {
    Named best = null;
    for (Named candidate : mentions) {
      if (best == null || candidate.words().size() > best.words().size()) {
        best = candidate;
      }
    }
    return best;
  }

  /** Disjoint sets over mention indexes. */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int size) {
      parent = new int[size];
      for (int i = 0; i < size; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
}
