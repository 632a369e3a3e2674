package org.newsgraph.extract.entity;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.core.Article;
import org.newsgraph.core.EntityType;
import org.newsgraph.extract.entity.NameCandidates.Candidate;
import org.newsgraph.extract.rules.RoleAnnotation;

/**
 * Finds the entities of an article, including names that no model has seen.
 *
 * <p>Candidates are CoreNLP's named-entity mentions (MISC included) and runs of proper nouns that
 * the model left untagged. Each name's type is decided for the whole article by votes: the model's
 * tag on each mention, and the evidence around each mention that the entity-type rules find ("CEO
 * of X", "rival: X", "X, a startup"); a name that is the start of a typed organisation's name, or
 * part of a typed person's name, leans the same way, unless it names a place by itself (a country,
 * a state, an adjective of nationality). Names with too little evidence are dropped.
 *
 * <p>Mentions are then grouped into one entity per real thing: the same name; a person's surname or
 * first name with the full name in the article that ends or starts with it ("Altman" with "Sam
 * Altman"; where several do, the one introduced first); the start of an organisation's name with
 * its full name. The longest name becomes the canonical name. Adjectives of nationality ("Greek")
 * become mentions of their country, words for a party's members ("Republican") of the party, and
 * the {@link PronounResolver} adds the pronouns and descriptions that refer back ("he", "the
 * company").
 *
 * <p>This class decides the types; finding the candidates is {@link NameCandidates}' part, and
 * grouping the typed names into entities {@link EntityGroups}'. Expects tokens to carry roles
 * ({@link RoleAnnotation}). Thread-safe.
 */
public final class EntityRecognizer {

  /** The annotators whose output this recogniser reads. */
  public static final Set<String> REQUIRED_ANNOTATORS = Set.of("ner", "depparse");

  /** The least sum of votes that types a name. */
  static final double MIN_VOTES = 0.75;

  private static final double KIND_OF_ORGANIZATION_VOTE = 1.5;

  /** The vote for the type of a longer name that a name is part of, and for "X-based" places. */
  static final double PART_OF_NAME_VOTE = 1.5;

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
    List<Candidate> candidates = NameCandidates.candidates(article, document);
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

    List<EntityGroups.Named> named = new ArrayList<>();
    for (Candidate candidate : candidates) {
      EntityType type = types.get(candidate.key());
      if (type != null) {
        named.add(
            new EntityGroups.Named(
                candidate.mention(),
                type,
                candidate.words(),
                candidate.sentence(),
                candidate.first(),
                candidate.last()));
      }
    }
    return EntityGroups.entities(article.text(), document, named);
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
   * way, unless it {@linkplain #namesAPlace names a place} by itself.
   */
  private static void voteByLongerNames(
      List<Candidate> candidates,
      Map<String, EnumMap<EntityType, Double>> votes,
      Map<String, EntityType> types) {
    for (Candidate part : candidates) {
      if (namesAPlace(part)) {
        continue;
      }
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

  /**
   * Whether a name stands for a place whatever longer name starts with it: a country, a state or a
   * province the model tagged as a place ("from Illinois" beside "Illinois College"), or an
   * adjective of nationality ("Italian" beside "Italian Space Agency").
   */
  private static boolean namesAPlace(Candidate part) {
    String name = part.mention().text();
    return Demonyms.placeOf(name).isPresent()
        || (part.initialVotes().containsKey(EntityType.PLACE) && Regions.isRegion(name));
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
}
