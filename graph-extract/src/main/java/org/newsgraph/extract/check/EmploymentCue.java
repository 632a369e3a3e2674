package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.List;
import java.util.Set;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.relation.PatternRelationExtractor;

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
  private final Set<String> communication;

  EmploymentCue(Cues cues) {
    employment = cues.get("employment");
    communication = cues.get("communication");
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
    // A rule matched the position on the words it names, which a fact may cite by a name
    // elsewhere in the sentence ("the carmaker's chief" cited as "BMW"): its path says nothing.
    if (fact.fact().evidence().extractor().contains(PatternRelationExtractor.NAME + ":")) {
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
    for (IndexedWord word : fact.path()) {
      if (FactSentence.role(word) != null || employment.contains(FactSentence.lemma(word))) {
        return true;
      }
      for (IndexedWord title : fact.dependents(word, TITLES)) {
        if (FactSentence.role(title) != null) {
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
