package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.encoder.WordEncoder;

/**
 * The dense features of relation candidates in one article: the encoder's vectors averaged over the
 * subject's words, over the object's and over the words between them (zeros when they touch), each
 * scaled to a fixed length. The sparse features see a path's words; these see what the words mean
 * in their sentence, which is what carries a fact stated in words no rule or feature has met. Each
 * sentence is encoded once, when its first candidate asks. Not thread-safe: one per article.
 */
public final class EncoderFeatures {

  /**
   * The length each pooled vector is scaled to. With the classifier's prior unchanged, this sets
   * how much the dense features may weigh against the sparse ones: on KnowledgeNet folds 1-3
   * (cross-validated, overlapping spans) F1 was 0.657 at 3, 0.662 at 2, 0.664 at 1.25 and 0.657 at
   * 0.8, against 0.651 without the encoder. A fourth and fifth slice (the product of the two
   * mentions' vectors, the sentence's mean) at 6 gave 0.619.
   */
  static final double SCALE = 1.25;

  /** The subject's words, the object's, and those between. */
  private static final int SLICES = 3;

  private final AnnotatedArticle article;
  private final WordEncoder encoder;
  private final Map<Integer, float[][]> sentences = new HashMap<>();

  public EncoderFeatures(AnnotatedArticle article, WordEncoder encoder) {
    this.article = requireNonNull(article, "article");
    this.encoder = requireNonNull(encoder, "encoder");
  }

  /** Returns how many values {@link #of} returns. */
  public static int dimension(WordEncoder encoder) {
    return SLICES * encoder.dimension();
  }

  /** Returns the dense features of a candidate. */
  public float[] of(RelationCandidate candidate) {
    List<CoreLabel> tokens =
        article.sentences().get(candidate.sentence()).get(CoreAnnotations.TokensAnnotation.class);
    float[][] vectors = sentences.computeIfAbsent(candidate.sentence(), s -> encode(tokens));
    int[] subject = RelationFeatures.span(tokens, candidate.subject().mention());
    int[] object = RelationFeatures.span(tokens, candidate.objectMention());
    boolean subjectFirst = subject[0] < object[0];
    int left = subjectFirst ? subject[1] : object[1];
    int right = subjectFirst ? object[0] : subject[0];
    int n = encoder.dimension();
    float[] features = new float[SLICES * n];
    pool(vectors, subject[0], subject[1] + 1, features, 0);
    pool(vectors, object[0], object[1] + 1, features, n);
    pool(vectors, left + 1, right, features, 2 * n);
    return features;
  }

  private float[][] encode(List<CoreLabel> tokens) {
    List<String> words = new ArrayList<>(tokens.size());
    for (CoreLabel token : tokens) {
      words.add(token.originalText() != null ? token.originalText() : token.word());
    }
    return encoder.encode(words);
  }

  /** Averages the vectors of words {@code from} to {@code to} (exclusive) into a scaled slice. */
  private static void pool(float[][] vectors, int from, int to, float[] into, int at) {
    int n = vectors.length == 0 ? 0 : vectors[0].length;
    double[] sum = new double[n];
    for (int w = Math.max(0, from); w < Math.min(to, vectors.length); w++) {
      for (int d = 0; d < n; d++) {
        sum[d] += vectors[w][d];
      }
    }
    double norm = 0;
    for (double value : sum) {
      norm += value * value;
    }
    if (norm == 0) {
      return;
    }
    double scale = SCALE / Math.sqrt(norm);
    for (int d = 0; d < n; d++) {
      into[at + d] = (float) (sum[d] * scale);
    }
  }
}
