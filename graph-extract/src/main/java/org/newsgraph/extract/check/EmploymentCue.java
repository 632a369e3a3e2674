package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import org.newsgraph.extract.rules.WordLists;

/**
 * Working for, or heading, an organisation is said by a position or a verb of holding a post that
 * the syntax attaches to both: the dependency path from the person to the organisation passes
 * through it, or it stands beside them in one noun phrase ("Ann Lee, chief economist at Acme";
 * "Acme chief Ann Lee"; "Lee joined Acme"). It must not pass through a verb of speaking ("Lee told
 * the Wall Street Journal", "said Lee, quoting an Acme analyst") nor through another person, whose
 * position it would be. The rules of {@code worksFor.rules} and {@code heads.rules} name their
 * position or verb by construction.
 */
final class EmploymentCue implements FactCheck {

  /**
   * How a title stands beside a name in a flat noun phrase: "Acme deputy governor Ann Lee" has
   * "Acme", "governor" and "Lee" side by side, and the title joins them as much as on the path.
   */
  private static final Set<String> TITLES = Set.of("compound", "appos", "flat", "amod");

  private final Set<String> employment;
  private final Set<String> leading;
  private final Set<String> communication;
  private final Set<String> regions;

  EmploymentCue(WordLists cues) {
    employment = cues.get("employment");
    leading = cues.get("leading");
    communication = cues.get("communication");
    regions = cues.get("region");
  }

  @Override
  public String name() {
    return "employment-cue";
  }

  @Override
  public boolean admits(FactSentence fact) {
    Relation relation = fact.fact().relation();
    if (relation != Relation.WORKS_FOR && relation != Relation.HEADS) {
      return true;
    }
    if (relation == Relation.HEADS && headsAPart(fact)) {
      return false;
    }
    // A rule matched the position on the words it names, which a fact may cite by a name
    // elsewhere in the sentence ("the carmaker's chief" cited as "BMW"): its path says nothing.
    if (fact.fact().evidence().foundBy(PatternRelationExtractor.NAME)) {
      return true;
    }
    if (fact.path().isEmpty()) {
      return false;
    }
    List<IndexedWord> between = fact.between();
    for (IndexedWord word : between) {
      if (communication.contains(FactSentence.lemma(word)) || isSomeoneElse(fact, word)) {
        return false;
      }
    }
    if (describedAsStaff(fact)) {
      return true;
    }
    // A position anywhere between them ("Ann Lee, chief economist at Acme"; "Acme chief Ann Lee"),
    // or beside a word of the path in a flat phrase; to head, a position of head. A verb of
    // holding a post only with the organisation as its object and the person, if anyone, as its
    // subject ("Lee joined Acme", "Lee worked for Acme"): in "with DeepSeek leading the charge,
    // Altman sees", "leading" is DeepSeek's.
    boolean heads = relation == Relation.HEADS;
    List<IndexedWord> path = fact.path();
    for (IndexedWord word : path) {
      if (fact.inArgument(word)) {
        continue;
      }
      if (isPost(word, heads)
          || ((heads ? leading : employment).contains(FactSentence.lemma(word))
              && holdsPost(fact, word))) {
        return true;
      }
    }
    for (IndexedWord word : path) {
      for (IndexedWord title : fact.dependents(word, TITLES)) {
        if (isPost(title, heads)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPost(IndexedWord word, boolean heads) {
    String role = FactSentence.role(word);
    return heads ? "HEAD".equals(role) : role != null;
  }

  /**
   * The verb has the organisation as object ("led Acme", "Acme is led by") and no subject but the
   * person.
   */
  private static boolean holdsPost(FactSentence fact, IndexedWord verb) {
    SemanticGraphEdge toObject = fact.graph().getEdge(verb, fact.object());
    if (toObject == null
        || !toObject.getRelation().toString().matches("obj|nsubj:pass|obl(:.*)?|nmod(:.*)?")) {
      return false;
    }
    for (IndexedWord subject : fact.dependents(verb, Set.of("nsubj"))) {
      if (!isMention(fact, subject, fact.fact().subject())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMention(FactSentence fact, IndexedWord word, Entity entity) {
    return fact.article()
        .entities()
        .at(word.beginPosition(), word.endPosition())
        .map(m -> m.entity().equals(entity))
        .orElse(false);
  }

  /**
   * "He is a Technical Fellow at Microsoft", "Ann Lee, a professor at Acme": a common noun said of
   * the person, with the organisation attached to it by "at", "for" or "with", is a post there.
   */
  private static boolean describedAsStaff(FactSentence fact) {
    List<IndexedWord> between = fact.between();
    if (between.size() != 1 || fact.object() == null) {
      return false;
    }
    IndexedWord noun = between.get(0);
    String tag = noun.tag() == null ? "" : noun.tag();
    if (!(tag.equals("NN") || tag.equals("NNS"))) {
      return false;
    }
    return fact.graph().getEdge(noun, fact.object()) != null
        && fact.graph()
            .getEdge(noun, fact.object())
            .getRelation()
            .toString()
            .matches("nmod:(at|for|with)");
  }

  /**
   * Whether the head's title is of a part of the organisation: "head of equity research at NCB" and
   * "head of Distribution at the UK Film Council" head a department, "Sony's European president"
   * and "its UK chief" a region's arm; none heads the company.
   */
  private boolean headsAPart(FactSentence fact) {
    for (IndexedWord word : fact.path()) {
      if (!"HEAD".equals(FactSentence.role(word))) {
        continue;
      }
      // "head of X at Acme" heads X within Acme, whatever X is (the models may take "Distribution"
      // for a name); "head of research" only if research names nothing ("chairman of Acme and of
      // Beta" heads both; "dean of the School and Dan Gillmor" is a misparse of a list).
      SemanticGraphEdge toObject =
          fact.object() == null ? null : fact.graph().getEdge(word, fact.object());
      boolean within =
          toObject != null && toObject.getRelation().toString().matches("nmod:(at|in|within)");
      for (IndexedWord part : fact.dependents(word, Set.of("nmod:of"))) {
        String tag = part.tag() == null ? "" : part.tag();
        if (tag.startsWith("NN")
            && !fact.path().contains(part)
            && (within || FactSentence.entityType(part) == null)) {
          return true;
        }
      }
      for (IndexedWord region : fact.dependents(word, Set.of("amod", "compound"))) {
        if (regions.contains(FactSentence.lower(region))) {
          return true;
        }
      }
      for (IndexedWord place : fact.dependents(word, Set.of("compound"))) {
        if ("PLACE".equals(FactSentence.entityType(place))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a word names or describes a person other than the fact's subject. */
  private static boolean isSomeoneElse(FactSentence fact, IndexedWord word) {
    if (!"PERSON".equals(FactSentence.entityType(word))) {
      return false;
    }
    return fact.article()
        .entities()
        .at(word.beginPosition(), word.endPosition())
        .map(m -> !m.entity().equals(fact.fact().subject()))
        .orElse(true);
  }
}
