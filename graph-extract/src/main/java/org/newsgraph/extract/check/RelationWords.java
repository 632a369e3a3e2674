package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.entity.OrganizationKind;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import org.newsgraph.extract.rules.WordLists;

/**
 * Some relations are stated with words of their own, which a finding must show: a party that is not
 * named as one is a party only in a sentence about politics ("Alain Levy, chairman of EMI Music"
 * states no party), and a party's member works for it no more than a voter does; the classifier's
 * parent company needs a word of owning on the path ("a unit of", "owned by"), its residence a word
 * of living ("grew up in", "a Leeds resident": not the city a person works or campaigns in) and its
 * spouse a word of marriage (not a "partner"); and its nationality or party, stated by a word
 * attached to the person ("Indian oil minister Mani Shankar Aiyar", "Labour MP Tom Hale"), needs a
 * short path ("under Russian law, said Mr Clement" states no nationality), for a party through no
 * verb but one of membership ("the Tories accused Hale" states none).
 */
final class RelationWords implements FactCheck {

  private final Set<String> political;
  private final Set<String> membership;
  private final Map<Relation, Set<String>> saying;
  private final Map<String, Integer> shortPaths = new HashMap<>();

  RelationWords(WordLists cues) {
    political = cues.get("political");
    membership = cues.get("membership");
    saying =
        Map.of(
            Relation.SUBSIDIARY_OF, cues.get("ownership"),
            Relation.RESIDENCE, cues.get("residing"),
            Relation.SPOUSE, cues.get("marriage"));
    for (String entry : cues.get("short-path")) {
      String[] parts = entry.split(":");
      shortPaths.put(parts[0], Integer.parseInt(parts[1]));
    }
  }

  @Override
  public String name() {
    return "relation-words";
  }

  @Override
  public boolean admits(FactSentence fact) {
    Relation relation = fact.fact().relation();
    if (relation == Relation.POLITICAL_PARTY
        && !OrganizationKind.of(fact.fact().object().name()).equals("PARTY")
        && !sentenceHas(fact, political)) {
      return false;
    }
    // A party's member or spokesman is of the party (politicalParty), not its employee.
    if (relation == Relation.WORKS_FOR
        && OrganizationKind.of(fact.fact().object().name()).equals("PARTY")) {
      return false;
    }
    if (fact.fact().evidence().foundBy(PatternRelationExtractor.NAME)) {
      return true;
    }
    Integer longest = shortPaths.get(relation.localName().toLowerCase(Locale.ROOT));
    if (longest != null && (fact.path().isEmpty() || fact.path().size() > longest)) {
      return false;
    }
    if (relation == Relation.SUBSIDIARY_OF && parentOfTheObject(fact)) {
      return false;
    }
    if (relation == Relation.POLITICAL_PARTY && !joinedByMembership(fact)) {
      return false;
    }
    Set<String> words = saying.get(relation);
    return words == null || said(fact, words);
  }

  /** Whether each verb between a person and their party is one of membership. */
  private boolean joinedByMembership(FactSentence fact) {
    for (IndexedWord word : fact.between()) {
      String tag = word.tag() == null ? "" : word.tag();
      if (tag.startsWith("VB") && !in(word, membership)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a word of the list is on the fact's path, or modifies a word of it. */
  private static boolean said(FactSentence fact, Set<String> words) {
    for (IndexedWord word : fact.path()) {
      if (in(word, words)) {
        return true;
      }
      for (IndexedWord modifier : fact.dependents(word, Set.of("amod", "compound"))) {
        if (in(modifier, words)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "DaimlerChrysler, parent company of Mercedes Benz": the subject owns, not the object. */
  private static boolean parentOfTheObject(FactSentence fact) {
    for (IndexedWord word : fact.path()) {
      String lemma = FactSentence.lemma(word);
      boolean parent =
          lemma.equals("parent")
              || lemma.equals("owner")
              || fact.dependents(word, Set.of("amod", "compound")).stream()
                  .anyMatch(d -> FactSentence.lemma(d).equals("parent"));
      if (parent
          && fact.object() != null
          && fact.graph().getEdge(word, fact.object()) != null
          && fact.graph()
              .getEdge(word, fact.object())
              .getRelation()
              .toString()
              .matches("nmod:(of|for)")) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(IndexedWord word, Set<String> words) {
    return words.contains(FactSentence.lemma(word)) || words.contains(FactSentence.lower(word));
  }

  private static boolean sentenceHas(FactSentence fact, Set<String> words) {
    for (CoreLabel token : fact.tokens()) {
      String lemma = token.lemma() == null ? token.word() : token.lemma();
      if (words.contains(lemma.toLowerCase(Locale.ROOT))
          || words.contains(token.word().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
