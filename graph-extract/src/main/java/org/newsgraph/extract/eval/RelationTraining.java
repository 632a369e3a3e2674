package org.newsgraph.extract.eval;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.relation.EncoderFeatures;
import org.newsgraph.extract.relation.RelationCandidate;
import org.newsgraph.extract.relation.RelationFeatures;
import org.newsgraph.extract.relation.RelationModel;

/**
 * Labels relation candidates with KnowledgeNet's gold facts, to train a {@link RelationModel}.
 *
 * <p>A candidate is positive for a relation when its passage was annotated for the relation and a
 * gold fact of it overlaps both mentions; otherwise negative. Passages are chosen because they are
 * likely to state the relations they were annotated for, so counting the other relations as not
 * stated too (which is nearly always true) teaches the classifier what ordinary sentences look
 * like, as news is full of them.
 */
final class RelationTraining {

  /** The examples of one document, and how many of its gold facts some candidate could match. */
  public record Labelled(List<RelationModel.Example> examples, int goldFacts, int reachable) {}

  /**
   * The share of candidates kept as negatives for relations their passage was not annotated for.
   */
  static final double UNANNOTATED_SHARE = 0.05;

  private RelationTraining() {}

  /**
   * Returns the labelled candidates of a document.
   *
   * @param encoder the encoder whose vectors become dense features, or {@code null} for none
   */
  public static Labelled label(
      AnnotatedArticle article, KnowledgeNet.Document gold, WordEncoder encoder) {
    List<RelationModel.Example> examples = new ArrayList<>();
    List<RelationCandidate> candidates = RelationCandidate.of(article);
    EncoderFeatures encoded = encoder == null ? null : new EncoderFeatures(article, encoder);
    for (RelationCandidate candidate : candidates) {
      List<String> features = null;
      float[] dense = null;
      for (KnowledgeNet.Passage passage : gold.passages()) {
        if (!passage.holds(candidate.subject().mention(), candidate.objectMention())) {
          continue;
        }
        for (Relation relation : Relation.values()) {
          if (!candidate.fits(relation)
              || !passage.annotated().contains(relation)
                  && !sampled(article, candidate, relation)) {
            continue;
          }
          if (features == null) {
            features = RelationFeatures.of(article, candidate);
            dense = encoded == null ? null : encoded.of(candidate);
          }
          boolean positive =
              passage.annotated().contains(relation)
                  && passage.facts().stream()
                      .anyMatch(
                          fact ->
                              fact.relation() == relation
                                  && overlaps(fact.subject(), candidate.subject().mention())
                                  && overlaps(fact.object(), candidate.objectMention()));
          examples.add(new RelationModel.Example(relation, features, dense, positive));
        }
      }
    }
    int facts = 0;
    int reachable = 0;
    for (KnowledgeNet.Passage passage : gold.passages()) {
      for (KnowledgeNet.Fact fact : passage.facts()) {
        facts++;
        boolean found =
            candidates.stream()
                .anyMatch(
                    c ->
                        c.fits(fact.relation())
                            && overlaps(fact.subject(), c.subject().mention())
                            && overlaps(fact.object(), c.objectMention()));
        if (found) {
          reachable++;
        }
      }
    }
    return new Labelled(examples, facts, reachable);
  }

  /**
   * Whether a candidate is among the sampled share of negatives for a relation its passage was not
   * annotated for: a stable choice, so that every run trains on the same examples. The relation is
   * hashed by name, as an enum's own hash code is its identity and changes from one run to the
   * next.
   */
  private static boolean sampled(
      AnnotatedArticle article, RelationCandidate candidate, Relation relation) {
    int hash =
        java.util.Objects.hash(
            article.article().id(),
            candidate.subject().mention().start(),
            candidate.objectMention().start(),
            relation.name());
    return Math.floorMod(hash, 1000) < UNANNOTATED_SHARE * 1000;
  }

  static boolean overlaps(Mention a, Mention b) {
    return a.start() < b.end() && b.start() < a.end();
  }
}
