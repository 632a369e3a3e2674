package org.newsgraph.extract.relation;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Which words each slice of a candidate's dense features is pooled from, told apart by an encoder
 * that gives each word of a sentence a vector of its own position.
 */
class EncoderFeaturesTest {

  private static final int DIMENSION = 64;

  /** Word {@code i} gets 1 at index {@code i}, so a pooled vector shows which words it averaged. */
  private static final WordEncoder POSITIONS =
      new WordEncoder() {
        @Override
        public int dimension() {
          return DIMENSION;
        }

        @Override
        public String name() {
          return "positions";
        }

        @Override
        public float[][] encode(List<String> words) {
          float[][] vectors = new float[words.size()][DIMENSION];
          for (int i = 0; i < words.size() && i < DIMENSION; i++) {
            vectors[i][i] = 1;
          }
          return vectors;
        }
      };

  /** The positions, in the sentence, of the words a slice of the features was pooled from. */
  private static List<Integer> pooled(float[] features, int slice) {
    List<Integer> words = new ArrayList<>();
    for (int d = 0; d < DIMENSION; d++) {
      if (features[slice * DIMENSION + d] != 0) {
        words.add(d);
      }
    }
    return words;
  }

  private static List<String> words(AnnotatedArticle article, int sentence, List<Integer> at) {
    List<CoreLabel> tokens =
        article.sentences().get(sentence).get(CoreAnnotations.TokensAnnotation.class);
    return at.stream().map(i -> tokens.get(i).word()).toList();
  }

  @Test
  void eachMentionIsPooledFromItsOwnWordsAndTheMiddleFromTheWordsBetween() {
    AnnotatedArticle article =
        ArticleExtractor.standard()
            .annotate(
                Article.of(
                    "test",
                    "The weather was fine. Ingrid Halvorsen was appointed chief executive of"
                        + " Nordvik Shipping in Bergen."));
    RelationCandidate candidate =
        RelationCandidate.of(article).stream()
            .filter(
                c ->
                    c.object() != null
                        && c.subject().entity().name().equals("Ingrid Halvorsen")
                        && c.object().entity().name().equals("Nordvik Shipping"))
            .findFirst()
            .orElseThrow();

    float[] features = new EncoderFeatures(article, POSITIONS).of(candidate);

    assertThat(features).hasSize(EncoderFeatures.dimension(POSITIONS));
    int s = candidate.sentence();
    assertThat(words(article, s, pooled(features, 0))).containsExactly("Ingrid", "Halvorsen");
    assertThat(words(article, s, pooled(features, 1))).containsExactly("Nordvik", "Shipping");
    assertThat(words(article, s, pooled(features, 2)))
        .containsExactly("was", "appointed", "chief", "executive", "of");
  }

  @Test
  void theWordsBetweenAreFoundWhenTheObjectComesFirst() {
    AnnotatedArticle article =
        ArticleExtractor.standard()
            .annotate(Article.of("test", "Nordvik Shipping chief Ingrid Halvorsen resigned."));
    RelationCandidate candidate =
        RelationCandidate.of(article).stream()
            .filter(c -> c.object() != null)
            .filter(c -> c.subject().entity().name().equals("Ingrid Halvorsen"))
            .findFirst()
            .orElseThrow();

    float[] features = new EncoderFeatures(article, POSITIONS).of(candidate);

    assertThat(words(article, 0, pooled(features, 2))).containsExactly("chief");
    assertThat(words(article, 0, pooled(features, 0))).containsExactly("Ingrid", "Halvorsen");
  }
}
