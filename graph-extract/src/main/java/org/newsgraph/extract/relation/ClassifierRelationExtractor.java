package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;

/**
 * Finds facts with a trained {@link RelationModel}: every candidate pair of each sentence is *
 * scored for every relation its types admit, and those the model finds likely enough, and that the
 * sentence's words support ({@link RelationCues}), are kept, the probability as confidence.
 * Stateless and thread-safe.
 */
public final class ClassifierRelationExtractor implements Extractor {

  /** The name recorded as provenance. */
  public static final String NAME = "classifier";

  private final RelationModel model;
  private final double minimum;
  private final RelationCues cues = RelationCues.standard();

  /**
   * @param model the trained model
   * @param minimum the least probability worth reporting; the extraction's threshold filters again
   */
  public ClassifierRelationExtractor(RelationModel model, double minimum) {
    this.model = requireNonNull(model, "model");
    this.minimum = minimum;
  }

  /** The lemmas on the dependency path, which the features hold as {@code pl=lemma}. */
  private static List<String> pathLemmas(List<String> features) {
    return features.stream().filter(f -> f.startsWith("pl=")).map(f -> f.substring(3)).toList();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("ner", "depparse");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    List<Fact> facts = new ArrayList<>();
    for (RelationCandidate candidate : RelationCandidate.of(article)) {
      List<String> features = null;
      for (Relation relation : model.relations()) {
        if (!candidate.fits(relation)) {
          continue;
        }
        if (features == null) {
          features = RelationFeatures.of(article, candidate);
        }
        double probability = model.probability(relation, features);
        if (probability >= minimum
            && cues.allow(relation, article, candidate, pathLemmas(features))) {
          Evidence evidence =
              article.evidence(candidate.sentence(), ExtractorId.of(NAME), probability);
          facts.add(
              candidate.date() != null
                  ? Fact.dated(
                      relation,
                      candidate.subject().entity(),
                      candidate.subject().mention(),
                      candidate.date().value(),
                      candidate.date().mention(),
                      evidence)
                  : Fact.between(
                      relation,
                      candidate.subject().entity(),
                      candidate.subject().mention(),
                      candidate.object().entity(),
                      candidate.object().mention(),
                      evidence));
        }
      }
    }
    return Findings.ofFacts(facts);
  }
}
