package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.extract.rules.WordLists;

/**
 * A relation that holds for a time ({@code timed} in the cue file: working for, heading, a parent
 * company) is stated as current unless the sentence marks it past: "former", "ex-", "then",
 * "previously" on the words that join the arguments or on the arguments ("former Yukos boss Mikhail
 * Khodorkovsky"), or a verb of leaving whose subject is the fact's subject ("stepped down as chief
 * of") or of removal whose object is ("was ousted as chairman of"). It no longer drops such a fact:
 * {@link FactTimes} asks it, and keeps the fact marked past.
 */
final class CurrentNotFormer implements FactCheck {

  private static final Set<String> MARKING = Set.of("amod", "advmod", "compound", "dep");

  /** Past only before a title ("the then chairman"), not as a clause's adverb ("then joined"). */
  private static final Set<String> ADVERBS = Set.of("then", "once");

  private static final Set<String> SUBJECT = Set.of("nsubj", "nsubj:xsubj", "dep", "obl");
  private static final Set<String> OBJECT = Set.of("obj", "nsubj:pass", "nsubj:pass:xsubj");
  private static final Set<String> CLAUSE_ROLES = Set.of("nsubj", "obj", "dep", "obl", "acl");

  private final Set<String> eventNouns;
  private final Set<String> former;
  private final Set<String> leaving;
  private final Set<String> removing;
  private final Set<String> timed;

  CurrentNotFormer(WordLists cues) {
    eventNouns = cues.get("event-noun");
    former = cues.get("former");
    leaving = cues.get("leaving");
    removing = cues.get("removing");
    timed = cues.get("timed");
  }

  @Override
  public String name() {
    return "current-not-former";
  }

  @Override
  public boolean admits(FactSentence fact) {
    if (!timed.contains(fact.fact().relation().localName().toLowerCase(Locale.ROOT))) {
      return true;
    }
    List<IndexedWord> words = new ArrayList<>(fact.governing(eventNouns));
    if (fact.subject() != null) {
      words.add(fact.subject());
    }
    if (fact.object() != null) {
      words.add(fact.object());
    }
    // "Nortel's head Frank Dunn was fired", "with Mr Demel leaving the company": the verb of
    // leaving governs the subject, outside the path between the arguments.
    words.addAll(fact.governors(fact.subject(), CLAUSE_ROLES));
    boolean onePhrase =
        fact.path().size() <= 3
            && fact.path().stream().noneMatch(w -> w.tag() != null && w.tag().startsWith("VB"));
    for (IndexedWord word : words) {
      if (marksPast(word) && !fact.inArgument(word)) {
        return false;
      }
      // In a flat phrase "former" hangs on the name ("the former Google executive Raymond
      // Cho"): it dates the title of that phrase, so it ends this fact only when both arguments
      // stand in the phrase ("former Yukos boss Mikhail Khodorkovsky").
      boolean argument = word.equals(fact.subject()) || word.equals(fact.object());
      if (argument && !onePhrase) {
        continue;
      }
      if (titleOfAnother(fact, word)) {
        continue;
      }
      for (IndexedWord dependent : fact.dependents(word, MARKING)) {
        if (marksPast(dependent)
            && (!ADVERBS.contains(FactSentence.lower(dependent)) || isNoun(word))) {
          return false;
        }
      }
      String lemma = FactSentence.lemma(word);
      if (leaving.contains(lemma)
          && FactSentence.governs(fact.graph(), word, fact.subject(), SUBJECT)) {
        return false;
      }
      if (removing.contains(lemma)
          && FactSentence.governs(fact.graph(), word, fact.subject(), OBJECT)) {
        return false;
      }
    }
    return !hasExPrefix(fact);
  }

  /** A title of another organisation: "former" in "the former Google executive" dates that post. */
  private static boolean titleOfAnother(FactSentence fact, IndexedWord word) {
    return fact.dependents(word, Set.of("compound", "nmod")).stream()
        .anyMatch(d -> "ORGANIZATION".equals(FactSentence.entityType(d)));
  }

  private static boolean isNoun(IndexedWord word) {
    return word.tag() != null && word.tag().startsWith("NN");
  }

  private boolean marksPast(IndexedWord word) {
    String lower = FactSentence.lower(word);
    return former.contains(lower) || lower.startsWith("ex-");
  }

  /** "ex-Yukos boss": the prefix may stay on the organisation's first word. */
  private static boolean hasExPrefix(FactSentence fact) {
    return fact.fact().objectMention().text().toLowerCase(Locale.ROOT).startsWith("ex-")
        || fact.fact().subjectMention().text().toLowerCase(Locale.ROOT).startsWith("ex-");
  }
}
