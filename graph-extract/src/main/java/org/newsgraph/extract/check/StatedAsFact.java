package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.rules.WordLists;

/**
 * A relation is a fact only where its sentence states it as one: no negation ("did not buy"), no
 * modal ("may buy", "said it would buy"), and no word of intent, speculation, dispute or ending
 * governing it ("tipped to buy", "bid for", "talks to buy", "blocked the purchase of", "denied
 * that", "an agreement to dissolve their alliance"). An acquisition or a parent company that was
 * only agreed ("agreed to buy", "a deal to buy") is not done yet: the event extractor reports the
 * deal, not the fact. The relations checked are those a deal, a move or a post makes or ends
 * ({@code modal-relations} in the cue file); what a noun phrase states ("a formidable new rival",
 * "its drug") keeps whatever mood the clause around it has.
 */
final class StatedAsFact implements FactCheck {

  private static final Set<String> NEGATING = Set.of("advmod", "neg", "det", "cc", "case", "dep");
  private static final Set<String> MODIFYING =
      Set.of("aux", "advmod", "amod", "acl", "xcomp", "mark", "compound");

  private final Set<String> eventNouns;
  private final Set<String> changing;
  private final Set<String> negation;
  private final Set<String> modal;
  private final Set<String> stated;
  private final Set<String> unfinished;
  private final Set<String> unfinishedRelations;

  /**
   * @param cues the word lists
   * @param dealsDone whether an acquisition agreed but not completed counts as stated, as it does
   *     for the event that reports the deal
   */
  StatedAsFact(WordLists cues, boolean dealsDone) {
    eventNouns = cues.get("event-noun");
    changing = cues.get("modal-relations");
    negation = cues.get("negation");
    modal = cues.get("modal");
    Set<String> words = new HashSet<>(cues.get("intent"));
    words.addAll(cues.get("dispute"));
    stated = Set.copyOf(words);
    unfinished = cues.get("unfinished");
    unfinishedRelations = dealsDone ? Set.of() : cues.get("unfinished-relations");
  }

  @Override
  public String name() {
    return "stated-as-fact";
  }

  @Override
  public boolean admits(FactSentence fact) {
    Relation relation = fact.fact().relation();
    if (!changing.contains(relation.localName().toLowerCase(Locale.ROOT))) {
      return true;
    }
    boolean mustBeDone =
        unfinishedRelations.contains(relation.localName().toLowerCase(Locale.ROOT));
    return stated(fact, mustBeDone);
  }

  /**
   * Returns whether the words that state a relation or an event, and those that govern them, leave
   * it stated as done (or, unless it must be done, as agreed).
   */
  boolean stated(FactSentence fact, boolean mustBeDone) {
    List<IndexedWord> governing = fact.governing(eventNouns);
    for (IndexedWord word : governing) {
      boolean named = fact.isTrigger(word);
      if (!named
          && (refuses(FactSentence.lemma(word), mustBeDone)
              || refuses(lower(word), mustBeDone)
              || negation.contains(lower(word)))) {
        return false;
      }
      for (IndexedWord dependent : fact.dependents(word, NEGATING)) {
        if (negation.contains(lower(dependent))) {
          return false;
        }
      }
      // "Federated is to buy May": planned as a fact, an announced deal as an event.
      if (!fact.isEvent() && isToBeDone(fact, word)) {
        return false;
      }
      for (IndexedWord dependent : fact.dependents(word, MODIFYING)) {
        if (modal.contains(lower(dependent))
            || refuses(FactSentence.lemma(dependent), mustBeDone)
            || refuses(lower(dependent), mustBeDone)) {
          return false;
        }
      }
    }
    return true;
  }

  /** "S&N is to invest": "be" with "to" before a verb plans it. */
  private static boolean isToBeDone(FactSentence fact, IndexedWord verb) {
    boolean be = false;
    boolean to = false;
    for (IndexedWord dependent : fact.dependents(verb, Set.of("aux", "mark"))) {
      be |= FactSentence.lemma(dependent).equals("be");
      to |= FactSentence.lower(dependent).equals("to");
    }
    return be && to;
  }

  private boolean refuses(String lemma, boolean mustBeDone) {
    return stated.contains(lemma) || (mustBeDone && unfinished.contains(lemma));
  }

  private static String lower(IndexedWord word) {
    return FactSentence.lower(word);
  }
}
