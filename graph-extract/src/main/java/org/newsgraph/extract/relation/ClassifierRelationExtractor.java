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
import org.newsgraph.extract.encoder.WordEncoder;

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
  private final WordEncoder encoder;
  private final RelationCues cues = RelationCues.standard();

  /**
   * @param model the trained model, which must weigh no dense features
   * @param minimum the least probability worth reporting; the extraction's threshold filters again
   */
  public ClassifierRelationExtractor(RelationModel model, double minimum) {
    this(model, minimum, null);
  }

  /**
   * @param model the trained model
   * @param minimum the least probability worth reporting; the extraction's threshold filters again
   * @param encoder the encoder whose vectors the model weighs, or {@code null} if it weighs none
   */
  public ClassifierRelationExtractor(RelationModel model, double minimum, WordEncoder encoder) {
    this.model = requireNonNull(model, "model");
    this.minimum = minimum;
    this.encoder = model.dense() > 0 ? requireNonNull(encoder, "encoder") : null;
    if (this.encoder != null && EncoderFeatures.dimension(encoder) != model.dense()) {
      throw new IllegalArgumentException(
          "the model weighs "
              + model.dense()
              + " dense features, but encoder "
              + encoder.name()
              + " gives "
              + EncoderFeatures.dimension(encoder));
    }
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
    EncoderFeatures encoded = encoder == null ? null : new EncoderFeatures(article, encoder);
    for (RelationCandidate candidate : RelationCandidate.of(article)) {
      List<String> features = null;
      float[] dense = null;
      for (Relation relation : model.relations()) {
        if (!candidate.fits(relation)) {
          continue;
        }
        if (features == null) {
          features = RelationFeatures.of(article, candidate);
          dense = encoded == null ? null : encoded.of(candidate);
        }
        double probability = model.probability(relation, features, dense);
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
