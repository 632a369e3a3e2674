package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.rules.WordLists;

/**
 * An argument that a pronoun or a description refers to, rather than a name, holds only where the
 * reference is safe: a relative pronoun ("which", "who") or a possessive ("its founder") whose
 * entity is named earlier in the same sentence; a personal pronoun that is the subject of its
 * clause ("It competes with SAS"); a description of one thing ("the company"), not of several ("the
 * largest firms"), of another ("her own business", "its rival") nor holding another name ("the Tata
 * group").
 */
final class ReferringArguments implements FactCheck {

  private final Set<String> relative;
  private final Set<String> possessive;
  private final Set<String> personal;
  private final Set<String> other;

  ReferringArguments(WordLists cues) {
    relative = cues.get("relative");
    possessive = cues.get("possessive");
    personal = cues.get("personal");
    other = cues.get("other");
  }

  @Override
  public String name() {
    return "referring-arguments";
  }

  @Override
  public boolean admits(FactSentence fact) {
    return safe(fact, fact.fact().subjectMention(), fact.subject())
        && (fact.fact().object() == null || safe(fact, fact.fact().objectMention(), fact.object()));
  }

  private boolean safe(FactSentence fact, Mention mention, IndexedWord head) {
    Optional<EntityMention> found = fact.mentionAt(mention);
    if (found.isEmpty() || found.get().named()) {
      return true;
    }
    EntityMention reference = found.get();
    String words = mention.text().toLowerCase(Locale.ROOT).strip();
    if (relative.contains(words)) {
      return fact.namedBefore(reference.entity(), mention.start());
    }
    if (possessive.contains(words)) {
      return fact.namedBefore(reference.entity(), mention.start())
          || describedBefore(fact, reference, mention);
    }
    if (personal.contains(words)) {
      return head != null && isClauseSubject(fact, head) && !isExpletive(fact, head, words);
    }
    return describesOneThing(fact, mention);
  }

  private static boolean isClauseSubject(FactSentence fact, IndexedWord word) {
    for (SemanticGraphEdge edge : fact.graph().incomingEdgeIterable(word)) {
      String relation = edge.getRelation().toString();
      if (!edge.isExtra() && (relation.equals("nsubj") || relation.startsWith("nsubj:"))) {
        return true;
      }
    }
    return false;
  }

  /** "The bank's board named its risk officer": a description earlier in the sentence. */
  private boolean describedBefore(FactSentence fact, EntityMention reference, Mention mention) {
    int start = fact.fact().evidence().sentenceStart();
    return fact.article().entities().mentions().stream()
        .anyMatch(
            m ->
                m.entity().equals(reference.entity())
                    && m.mention().start() >= start
                    && m.mention().end() <= mention.start()
                    && !isPronoun(m.mention().text())
                    && describesOneThing(fact, m.mention()));
  }

  private boolean isPronoun(String words) {
    String lower = words.toLowerCase(Locale.ROOT).strip();
    return relative.contains(lower)
        || possessive.contains(lower)
        || personal.contains(lower)
        || lower.matches("his|her|their|my|our");
  }

  /** "it" that stands for a clause, not a thing: "it has become clear that ...". */
  private static boolean isExpletive(FactSentence fact, IndexedWord it, String words) {
    if (!words.equals("it")) {
      return false;
    }
    for (SemanticGraphEdge edge : fact.graph().incomingEdgeIterable(it)) {
      IndexedWord governor = edge.getGovernor();
      String tag = governor.tag() == null ? "" : governor.tag();
      boolean clause =
          fact.graph().outgoingEdgeList(governor).stream()
              .anyMatch(e -> e.getRelation().toString().matches("ccomp|csubj.*|xcomp"));
      if (tag.startsWith("JJ") || (clause && !tag.startsWith("VB"))) {
        return true;
      }
    }
    return false;
  }

  private boolean describesOneThing(FactSentence fact, Mention mention) {
    List<CoreLabel> words =
        fact.tokens().stream()
            .filter(t -> t.beginPosition() >= mention.start() && t.endPosition() <= mention.end())
            .toList();
    if (words.isEmpty()) {
      return true;
    }
    for (CoreLabel word : words) {
      String tag = word.tag() == null ? "" : word.tag();
      if (tag.equals("JJS")
          || tag.equals("RBS")
          || tag.startsWith("NNP")
          || other.contains(word.word().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    String last = words.get(words.size() - 1).tag();
    return last == null || !last.equals("NNS");
  }
}
