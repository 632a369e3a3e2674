package org.newsgraph.extract.entity;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.rules.RoleAnnotation;
import org.newsgraph.ontology.IriMinter;

/**
 * Finds the entities of an article, including names that no model has seen.
 *
 * <p>Candidates are CoreNLP's named-entity mentions (MISC included) and runs of proper nouns that
 * the model left untagged. Each name's type is decided for the whole article by votes: the model's
 * tag on each mention, and the evidence around each mention that the entity-type rules find ("CEO
 * of X", "rival: X", "X, a startup"); a name that is the start of a typed organisation's name, or
 * part of a typed person's name, leans the same way. Names with too little evidence are dropped.
 *
 * <p>Mentions are then grouped into one entity per real thing: the same name; a person's surname or
 * first name with the full name in the article that ends or starts with it ("Altman" with "Sam
 * Altman"; where several do, the one introduced first); the start of an organisation's name with
 * its full name. The longest name becomes the canonical name. Adjectives of nationality ("Greek")
 * become mentions of their country, words for a party's members ("Republican") of the party, and
 * the {@link PronounResolver} adds the pronouns and descriptions that refer back ("he", "the
 * company").
 *
 * <p>Expects tokens to carry roles ({@link RoleAnnotation}). Thread-safe.
 */
public final class EntityRecognizer {

  /** The annotators whose output this recogniser reads. */
  public static final Set<String> REQUIRED_ANNOTATORS = Set.of("ner", "depparse");

  /** The least sum of votes that types a name. */
  static final double MIN_VOTES = 0.75;

  private static final double PLACE_TAG_VOTE = 1.2;
  private static final double KIND_OF_ORGANIZATION_VOTE = 1.5;
  private static final double NAME_TAG_VOTE = 1.0;
  private static final double PART_OF_NAME_VOTE = 1.5;
  private static final Pattern BASED =
      Pattern.compile("^(\\p{Lu}[\\p{L}.']*(?:-\\p{Lu}[\\p{L}.']*)*)-based$");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "TITLE",
          "DATE",
          "TIME",
          "DURATION",
          "SET",
          "MONEY",
          "NUMBER",
          "ORDINAL",
          "PERCENT",
          "NATIONALITY",
          "RELIGION",
          "IDEOLOGY",
          "CRIMINAL_CHARGE",
          "CAUSE_OF_DEATH",
          "EMAIL",
          "URL",
          "HANDLE");

  private final List<EntityTypeRule> rules;

  /** Returns a recogniser with the entity-type rules of the class path. */
  public EntityRecognizer() {
    this(EntityTypeRule.load());
  }

  /** Returns a recogniser with the given entity-type rules. */
  public EntityRecognizer(List<EntityTypeRule> rules) {
    this.rules = List.copyOf(requireNonNull(rules, "rules"));
  }

  /** Returns the entities of an annotated article. */
  public DocumentEntities recognize(Article article, CoreDocument document) {
    List<Candidate> candidates = candidates(article, document);
    Map<String, EnumMap<EntityType, Double>> votes = new HashMap<>();
    // The model's tags count once per name, however often it repeats a guess, so that evidence in
    // the text ("Quillon, the education technology company") can outweigh them.
    Map<String, EnumMap<EntityType, Double>> tags = new HashMap<>();
    for (Candidate candidate : candidates) {
      candidate
          .initialVotes()
          .forEach(
              (type, weight) ->
                  tags.computeIfAbsent(candidate.key(), k -> new EnumMap<>(EntityType.class))
                      .merge(type, weight, Math::max));
    }
    tags.forEach((key, tally) -> votes.put(key, new EnumMap<>(tally)));
    java.util.Set<String> kindVoted = new java.util.HashSet<>();
    for (Candidate candidate : candidates) {
      // A name ending as companies, schools and parties do ("Quarry Systems", "Labour Party").
      if (candidate.words().size() > 1
          && !OrganizationKind.of(candidate.mention().text()).equals("UNKNOWN")
          && kindVoted.add(candidate.key())) {
        vote(votes, candidate, EntityType.ORGANIZATION, KIND_OF_ORGANIZATION_VOTE);
      }
    }
    voteByEvidence(document, candidates, votes);
    Map<String, EntityType> types = decide(votes);
    voteByLongerNames(candidates, votes, types);
    types = decide(votes);

    List<Named> named = new ArrayList<>();
    for (Candidate candidate : candidates) {
      EntityType type = types.get(candidate.key());
      if (type != null) {
        named.add(
            new Named(
                candidate.mention(),
                type,
                candidate.words(),
                candidate.sentence(),
                candidate.first(),
                candidate.last()));
      }
    }
    UnionFind groups = new UnionFind(named.size());
    groupSameNames(named, groups);
    groupPartialNames(named, groups);
    return build(
        article.text(), document, named, groups, namesInWords(article.text(), document, named));
  }

  /** A stretch of a sentence that may name something; tokens {@code first..last}, 1-based. */
  private record Candidate(
      Mention mention,
      List<String> words,
      int sentence,
      int first,
      int last,
      Map<EntityType, Double> initialVotes) {
    String key() {
      return IriMinter.slug(mention.text());
    }
  }

  private record Named(
      Mention mention, EntityType type, List<String> words, int sentence, int first, int last) {}

  private static List<Candidate> candidates(Article article, CoreDocument document) {
    String text = article.text();
    List<Candidate> candidates = new ArrayList<>();
    for (CoreEntityMention mention : document.entityMentions()) {
      String tag = mention.entityType();
      if (tag == null || NOT_NAMES.contains(tag) || isPronoun(mention.tokens())) {
        continue;
      }
      EntityType type = typeOf(tag);
      Map<EntityType, Double> vote =
          type == null
              ? Map.of()
              : Map.of(type, type == EntityType.PLACE ? PLACE_TAG_VOTE : NAME_TAG_VOTE);
      candidates.add(candidate(text, withTrailingNameWords(mention, document), vote));
    }
    for (CoreSentence sentence : document.sentences()) {
      List<CoreLabel> tokens = sentence.tokens();
      int i = 0;
      while (i < tokens.size()) {
        if (i == 0 && opensAName(tokens, candidates)) {
          int j = 0;
          while (j + 1 < tokens.size() && mayBeUntaggedName(tokens.get(j + 1), candidates)) {
            j++;
          }
          candidates.add(candidate(text, tokens.subList(0, j + 1), Map.of()));
          i = j + 1;
          continue;
        }
        if (!mayBeUntaggedName(tokens.get(i), candidates)) {
          basedPlace(text, tokens.get(i)).ifPresent(candidates::add);
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < tokens.size() && mayBeUntaggedName(tokens.get(j + 1), candidates)) {
          j++;
        }
        j = hyphenated(tokens, j, candidates);
        candidates.add(candidate(text, tokens.subList(i, j + 1), Map.of()));
        i = j + 1;
      }
    }
    candidates.sort(Comparator.comparingInt(c -> c.mention().start()));
    return joinPossessiveNames(text, document, candidates);
  }

  /**
   * Joins "Tilly" + "'s" + "Bakery" into one name when the whole reads as a company, school or
   * party ("Tilly's Bakery", "McDonald's Corporation"), but leaves "OpenAI's ChatGPT" apart.
   */
  private static List<Candidate> joinPossessiveNames(
      String text, CoreDocument document, List<Candidate> candidates) {
    List<Candidate> joined = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate owner = candidates.get(i);
      if (i + 1 < candidates.size()) {
        Candidate owned = candidates.get(i + 1);
        List<CoreLabel> tokens = document.sentences().get(owner.sentence()).tokens();
        boolean adjacent =
            owned.sentence() == owner.sentence()
                && owned.first() == owner.last() + 2
                && "POS".equals(tokens.get(owner.last()).tag());
        if (adjacent) {
          List<CoreLabel> span = tokens.subList(owner.first() - 1, owned.last());
          Candidate whole = candidate(text, span, Map.of());
          if (!OrganizationKind.of(whole.mention().text()).equals("UNKNOWN")) {
            joined.add(whole);
            i++;
            continue;
          }
        }
      }
      joined.add(owner);
    }
    return joined;
  }

  private static Candidate candidate(
      String text, List<CoreLabel> tokens, Map<EntityType, Double> votes) {
    CoreLabel first = tokens.get(0);
    CoreLabel last = tokens.get(tokens.size() - 1);
    return new Candidate(
        Mention.in(text, first.beginPosition(), last.endPosition()),
        tokens.stream().map(CoreLabel::word).toList(),
        first.sentIndex(),
        first.index(),
        last.index(),
        votes);
  }

  /**
   * An organisation's tokens, extended over proper nouns that the model left out of the name
   * ("Google DeepMind" where it tagged only "Google").
   */
  private static List<CoreLabel> withTrailingNameWords(
      CoreEntityMention mention, CoreDocument document) {
    List<CoreLabel> tokens = mention.tokens();
    if (!"ORGANIZATION".equals(mention.entityType())) {
      return tokens;
    }
    List<CoreLabel> sentence = document.sentences().get(tokens.get(0).sentIndex()).tokens();
    int last = tokens.get(tokens.size() - 1).index(); // 1-based: the next token's 0-based index
    int end = last;
    while (end < sentence.size()) {
      CoreLabel next = sentence.get(end);
      boolean untaggedProperNoun =
          ("NNP".equals(next.tag()) || "NNPS".equals(next.tag()))
              && "O".equals(next.ner())
              && next.get(RoleAnnotation.class) == null;
      if (!untaggedProperNoun) {
        break;
      }
      end++;
    }
    return end == last ? tokens : sentence.subList(tokens.get(0).index() - 1, end);
  }

  /** The place in "Gothenburg-based", which the tokenizer keeps in one token. */
  private static java.util.Optional<Candidate> basedPlace(String text, CoreLabel token) {
    Matcher matcher = BASED.matcher(token.originalText());
    if (!matcher.matches()) {
      return java.util.Optional.empty();
    }
    int start = token.beginPosition();
    int end = start + matcher.group(1).length();
    return java.util.Optional.of(
        new Candidate(
            Mention.in(text, start, end),
            List.of(matcher.group(1)),
            token.sentIndex(),
            token.index(),
            token.index(),
            Map.of(EntityType.PLACE, PART_OF_NAME_VOTE)));
  }

  /**
   * Extends a name over hyphens written without spaces, which the tokenizer splits: "MB-101",
   * "GPT-4", "Coca-Cola". Returns the index of the name's last token.
   */
  private static int hyphenated(List<CoreLabel> tokens, int last, List<Candidate> candidates) {
    while (last + 2 < tokens.size()) {
      CoreLabel hyphen = tokens.get(last + 1);
      CoreLabel next = tokens.get(last + 2);
      boolean joined =
          "HYPH".equals(hyphen.tag())
              && hyphen.beginPosition() == tokens.get(last).endPosition()
              && next.beginPosition() == hyphen.endPosition();
      // "GPT-4", "Coca-Cola", and given names such as "Ji-ho" that the tagger takes as names.
      boolean namePart =
          "CD".equals(next.tag())
              || "NNP".equals(next.tag())
              || Character.isUpperCase(next.word().codePointAt(0));
      if (!joined || !namePart || overlapsCandidate(next, candidates)) {
        return last;
      }
      last += 2;
    }
    return last;
  }

  /**
   * Whether a capitalised word opening a sentence starts a name that the tagger took for a common
   * noun or a verb: it does when a name follows ("Marrow Bio"), when a possessive does
   * ("Alphabet's"), or when an apposition does ("Streamline, the streaming service").
   */
  private static boolean opensAName(List<CoreLabel> tokens, List<Candidate> candidates) {
    CoreLabel first = tokens.get(0);
    String tag = first.tag();
    if (tokens.size() < 3
        || !Character.isUpperCase(first.word().codePointAt(0))
        || first.get(RoleAnnotation.class) != null
        || overlapsCandidate(first, candidates)) {
      return false;
    }
    CoreLabel next = tokens.get(1);
    boolean apposition = ",".equals(next.word()) && tokens.get(2).word().matches("(?i)a|an|the");
    if (tag != null && tag.startsWith("VB")) {
      return apposition;
    }
    if (!("NN".equals(tag) || "NNS".equals(tag))) {
      return false;
    }
    return "POS".equals(next.tag()) || mayBeUntaggedName(next, candidates) || apposition;
  }

  private static boolean overlapsCandidate(CoreLabel token, List<Candidate> candidates) {
    for (Candidate candidate : candidates) {
      if (candidate.mention().start() < token.endPosition()
          && token.beginPosition() < candidate.mention().end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayBeUntaggedName(CoreLabel token, List<Candidate> candidates) {
    String tag = token.tag();
    boolean properNoun = "NNP".equals(tag) || "NNPS".equals(tag);
    // A capitalised common noun inside a sentence may be a name the tagger did not know ("Pulse");
    // at its start only if capitals inside the word say so ("OpenAI", "IBM").
    String word = token.word();
    boolean capitalised =
        ("NN".equals(tag) || "NNS".equals(tag))
            && Character.isUpperCase(word.codePointAt(0))
            && (token.index() > 1 || word.chars().skip(1).anyMatch(Character::isUpperCase));
    if (!properNoun && !capitalised) {
      return false;
    }
    if (token.get(RoleAnnotation.class) != null
        || (token.ner() != null && NOT_NAMES.contains(token.ner()))) {
      return false;
    }
    return !overlapsCandidate(token, candidates);
  }

  private void voteByEvidence(
      CoreDocument document,
      List<Candidate> candidates,
      Map<String, EnumMap<EntityType, Double>> votes) {
    for (CoreSentence sentence : document.sentences()) {
      List<CoreLabel> tokens = sentence.tokens();
      for (EntityTypeRule rule : rules) {
        TokenSequenceMatcher matcher = rule.pattern().getMatcher(tokens);
        while (matcher.find()) {
          List<? extends CoreMap> name = matcher.groupNodes("$name");
          if (name == null || name.isEmpty()) {
            continue;
          }
          int start = ((CoreLabel) name.get(0)).beginPosition();
          int end = ((CoreLabel) name.get(name.size() - 1)).endPosition();
          Candidate best = null;
          int bestOverlap = 0;
          for (Candidate candidate : candidates) {
            int overlap =
                Math.min(end, candidate.mention().end())
                    - Math.max(start, candidate.mention().start());
            if (overlap > bestOverlap) {
              best = candidate;
              bestOverlap = overlap;
            }
          }
          if (best != null) {
            for (Candidate conjunct : withConjuncts(best, tokens, candidates)) {
              vote(votes, conjunct, rule.type(), 2 * rule.line().confidence());
            }
          }
        }
      }
    }
  }

  /**
   * The name and the names listed after it ("competes with Venmo, Zelle and Cash App"), which share
   * the evidence that the first one has. A list ends with "and" or "or": names after a comma alone
   * ("the chairman of Tidewater, Victor Hale") are not listed.
   */
  private static List<Candidate> withConjuncts(
      Candidate first, List<CoreLabel> sentence, List<Candidate> candidates) {
    List<Candidate> listed = new ArrayList<>(List.of(first));
    int closed = 1; // how many names of the list a conjunction has closed
    Candidate current = first;
    while (true) {
      int next = current.last(); // 0-based index of the token after the name
      boolean conjunction = false;
      while (next < sentence.size() && sentence.get(next).word().matches(",|and|or")) {
        conjunction |= !sentence.get(next).word().equals(",");
        next++;
      }
      if (next == current.last() || next >= sentence.size()) {
        return listed.subList(0, closed);
      }
      int start = sentence.get(next).beginPosition();
      Candidate following = null;
      for (Candidate candidate : candidates) {
        if (candidate.sentence() == current.sentence() && candidate.mention().start() == start) {
          following = candidate;
        }
      }
      if (following == null) {
        return listed.subList(0, closed);
      }
      listed.add(following);
      if (conjunction) {
        closed = listed.size();
      }
      current = following;
    }
  }

  /**
   * A name that starts a typed organisation's name, or is part of a typed person's name, leans that
   * way.
   */
  private static void voteByLongerNames(
      List<Candidate> candidates,
      Map<String, EnumMap<EntityType, Double>> votes,
      Map<String, EntityType> types) {
    for (Candidate part : candidates) {
      for (Candidate whole : candidates) {
        EntityType type = types.get(whole.key());
        if (type == null || whole.words().size() <= part.words().size()) {
          continue;
        }
        List<String> p = part.words();
        List<String> w = whole.words();
        boolean prefix = w.subList(0, p.size()).equals(p);
        boolean suffix = w.subList(w.size() - p.size(), w.size()).equals(p);
        if ((type == EntityType.ORGANIZATION && prefix)
            || (type == EntityType.PERSON && (prefix || suffix))) {
          vote(votes, part, type, PART_OF_NAME_VOTE);
          break;
        }
      }
    }
  }

  private static void vote(
      Map<String, EnumMap<EntityType, Double>> votes,
      Candidate candidate,
      EntityType type,
      double weight) {
    votes
        .computeIfAbsent(candidate.key(), k -> new EnumMap<>(EntityType.class))
        .merge(type, weight, Double::sum);
  }

  private static Map<String, EntityType> decide(Map<String, EnumMap<EntityType, Double>> votes) {
    Map<String, EntityType> types = new HashMap<>();
    votes.forEach(
        (key, tally) ->
            tally.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .filter(best -> best.getValue() >= MIN_VOTES)
                .ifPresent(best -> types.put(key, best.getKey())));
    return types;
  }

  /** Maps CoreNLP's entity tags, fine-grained ones included, to the ontology's types. */
  static EntityType typeOf(String nerTag) {
    if (nerTag == null) {
      return null;
    }
    return switch (nerTag) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION", "CITY", "STATE_OR_PROVINCE", "COUNTRY" -> EntityType.PLACE;
      default -> null;
    };
  }

  private static boolean isPronoun(List<CoreLabel> tokens) {
    return tokens.size() == 1
        && tokens.get(0).tag() != null
        && tokens.get(0).tag().startsWith("PRP");
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
      for (CoreLabel token : sentence.tokens()) {
        java.util.Optional<String> place = Demonyms.placeOf(token.word());
        java.util.Optional<String> party = PartyMembers.partyOf(token.word());
        boolean insideName =
            named.stream()
                .anyMatch(
                    n ->
                        n.mention().start() < token.endPosition()
                            && token.beginPosition() < n.mention().end());
        if (insideName || (place.isEmpty() && party.isEmpty())) {
          continue;
        }
        found.add(
            new Named(
                Mention.in(text, token.beginPosition(), token.endPosition()),
                party.isPresent() ? EntityType.ORGANIZATION : EntityType.PLACE,
                List.of(party.orElseGet(place::get)),
                token.sentIndex(),
                token.index(),
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
