package org.newsgraph.extract.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.core.Fact;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.rules.WordLists;

/**
 * The checks every fact passes before it is kept, whichever extractor found it: that its arguments
 * are names or safe references to them and names of their kind, that a head office is said to be
 * one, that a position joins a person to the organisation they work for, and that the sentence
 * states the relation as a fact (not denied, planned or rumoured); a fact that the sentence states
 * as past ("former") is kept and marked so. Word lists are data, in {@code rules/fact-checks.tsv}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FactChecks {

  /** The checks' word lists. */
  static final String WORDS = "rules/fact-checks.tsv";

  private static final FactChecks STANDARD =
      new FactChecks(WordLists.load(FactChecks.WORDS), false);
  private static final FactChecks DEALS = new FactChecks(WordLists.load(FactChecks.WORDS), true);

  private final List<FactCheck> checks;
  private final FactTimes times;

  private FactChecks(WordLists cues, boolean dealsDone) {
    checks =
        List.of(
            new ReferringArguments(cues),
            new PlausibleNames(cues),
            new RelationWords(cues),
            new HeadOffice(cues),
            new StatedAsFact(cues, dealsDone),
            new EmploymentCue(cues));
    times = new FactTimes(cues);
  }

  /** Returns the checks with the word lists of the class path. */
  public static FactChecks standard() {
    return STANDARD;
  }

  /**
   * Returns the checks for the facts that events are made of: the same, except that an acquisition
   * agreed but not completed ("agreed to buy") passes, as the event reports the deal.
   */
  public static FactChecks forEvents() {
    return DEALS;
  }

  /**
   * Returns the facts that pass every check, in their order, each with the time its sentence gives
   * it ({@link #timed}).
   *
   * @param article the annotated article the facts were found in
   * @param facts facts found in that article
   */
  public List<Fact> keep(AnnotatedArticle article, List<Fact> facts) {
    requireNonNull(article, "article");
    requireNonNull(facts, "facts");
    List<Fact> kept = new ArrayList<>();
    for (Fact fact : facts) {
      if (refusal(article, fact).isEmpty()) {
        kept.add(timed(article, fact));
      }
    }
    return kept;
  }

  /**
   * Returns the fact with the time its sentence gives it: past where the sentence marks it so
   * ("former chief executive", "stepped down as"), and its start and end where the sentence states
   * them ("joined Arvion in 2012", "from 2010 to 2015"). A past fact was true and is kept, marked
   * past, rather than dropped or reported as current. A fact whose sentence cannot be found is
   * returned as it is.
   */
  public Fact timed(AnnotatedArticle article, Fact fact) {
    requireNonNull(article, "article");
    requireNonNull(fact, "fact");
    return FactSentence.of(article, fact).map(times::timed).orElse(fact);
  }

  /**
   * Returns the name of the first check that refuses the fact, or empty if every check admits it. A
   * fact whose sentence cannot be found, or has no dependency graph, is admitted unchecked.
   */
  public Optional<String> refusal(AnnotatedArticle article, Fact fact) {
    requireNonNull(article, "article");
    requireNonNull(fact, "fact");
    Optional<FactSentence> sentence = FactSentence.of(article, fact);
    if (sentence.isEmpty()) {
      return Optional.empty();
    }
    for (FactCheck check : checks) {
      if (!check.admits(sentence.get())) {
        return Optional.of(check.name());
      }
    }
    return Optional.empty();
  }
}
