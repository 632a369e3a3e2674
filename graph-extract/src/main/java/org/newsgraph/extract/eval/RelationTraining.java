package org.newsgraph.extract.eval;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.AnnotatedArticle;
import org.newsgraph.extract.relation.RelationCandidate;
import org.newsgraph.extract.relation.RelationFeatures;
import org.newsgraph.extract.relation.RelationModel;

/**
 * Labels relation candidates with KnowledgeNet's gold facts, to train a {@link RelationModel}.
 *
 * <p>A candidate is labelled only for the relations its passage was annotated for exhaustively:
 * positive when a gold fact of the relation overlaps both its mentions, negative otherwise. About
 * other relations the passage says nothing, so they get no label.
 */
public final class RelationTraining {

  /** The examples of one document, and how many of its gold facts some candidate could match. */
  public record Labelled(List<RelationModel.Example> examples, int goldFacts, int reachable) {}

  private RelationTraining() {}

  /** Returns the labelled candidates of a document. */
  public static Labelled label(AnnotatedArticle article, KnowledgeNet.Document gold) {
    List<RelationModel.Example> examples = new ArrayList<>();
    List<RelationCandidate> candidates = RelationCandidate.of(article);
    for (RelationCandidate candidate : candidates) {
      List<String> features = null;
      for (KnowledgeNet.Passage passage : gold.passages()) {
        if (!passage.holds(candidate.subject().mention(), candidate.objectMention())) {
          continue;
        }
        for (var relation : passage.annotated()) {
          if (!candidate.fits(relation)) {
            continue;
          }
          if (features == null) {
            features = RelationFeatures.of(article, candidate);
          }
          boolean positive =
              passage.facts().stream()
                  .anyMatch(
                      fact ->
                          fact.relation() == relation
                              && overlaps(fact.subject(), candidate.subject().mention())
                              && overlaps(fact.object(), candidate.objectMention()));
          examples.add(new RelationModel.Example(relation, features, positive));
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

  static boolean overlaps(Mention a, Mention b) {
    return a.start() < b.end() && b.start() < a.end();
  }
}
