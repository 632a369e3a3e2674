package org.newsgraph.extract.relation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.rules.TableFile;

/**
 * The words with which a sentence states a relation, from {@code rules/relation-cues.tsv}: a
 * relation may require one of its words in the sentence outside the two mentions, and may exclude
 * words on the dependency path between them. The relation classifier's findings must agree with
 * them, as a model trained on sentences chosen for stating relations is too ready to see them
 * elsewhere. Immutable and thread-safe.
 */
final class RelationCues {

  private static final String RESOURCE = "rules/relation-cues.tsv";
  private static final RelationCues DEFAULT = load();

  private final Map<Relation, Set<String>> required;
  private final Map<Relation, Set<String>> excluded;

  private RelationCues(Map<Relation, Set<String>> required, Map<Relation, Set<String>> excluded) {
    this.required = required;
    this.excluded = excluded;
  }

  /** Returns the cues of the class path. */
  public static RelationCues standard() {
    return DEFAULT;
  }

  /**
   * Returns whether the candidate's sentence may state the relation: a required word appears
   * outside its mentions, and no excluded word lies on the path between them.
   *
   * @param pathLemmas the lemmas on the dependency path between the two mentions
   */
  public boolean allow(
      Relation relation,
      AnnotatedArticle article,
      RelationCandidate candidate,
      List<String> pathLemmas) {
    Set<String> excludedHere = excluded.get(relation);
    if (excludedHere != null && pathLemmas.stream().anyMatch(excludedHere::contains)) {
      return false;
    }
    Set<String> requiredHere = required.get(relation);
    if (requiredHere == null) {
      return true;
    }
    CoreMap sentence = article.sentences().get(candidate.sentence());
    Mention subject = candidate.subject().mention();
    Mention object = candidate.objectMention();
    for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
      if (inside(token, subject) || inside(token, object)) {
        continue;
      }
      String lemma =
          (token.lemma() != null ? token.lemma() : token.word()).toLowerCase(Locale.ROOT);
      if (requiredHere.contains(lemma)
          || requiredHere.contains(token.word().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(CoreLabel token, Mention mention) {
    return token.beginPosition() >= mention.start() && token.endPosition() <= mention.end();
  }

  private static RelationCues load() {
    Map<Relation, Set<String>> required = new EnumMap<>(Relation.class);
    Map<Relation, Set<String>> excluded = new EnumMap<>(Relation.class);
    String expected = "a relation, requires or excludes, and words";
    for (TableFile.Row row : TableFile.read(RESOURCE, 3, expected)) {
      boolean requires = row.cell(1).equals("requires");
      if (!requires && !row.cell(1).equals("excludes")) {
        throw row.error(expected);
      }
      Relation relation = Relation.fromLocalName(row.cell(0));
      Set<String> words = Set.of(row.cell(2).toLowerCase(Locale.ROOT).split(","));
      (requires ? required : excluded).put(relation, words);
    }
    return new RelationCues(Map.copyOf(required), Map.copyOf(excluded));
  }
}
