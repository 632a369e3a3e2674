package org.newsgraph.extract.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder shipped in a Maven jar, run with ONNX Runtime, on sentences written for it. */
class OnnxWordEncoderTest {

  private static final OnnxWordEncoder ENCODER = OnnxWordEncoder.shared();

  private static List<String> words(String sentence) {
    return List.of(sentence.split(" "));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void theSameSentenceGivesTheSameVectors() {
    List<String> sentence = words("Nadia Farouk founded Orinoco Health in Caracas .");

    float[][] first = ENCODER.encode(sentence);
    float[][] second = ENCODER.encode(sentence);

    assertThat(first).hasNumberOfRows(sentence.size());
    assertThat(first[0]).hasSize(ENCODER.dimension());
    assertThat(first).isDeepEqualTo(second);
  }

  @Test
  void aWordReadsDifferentlyInAnotherSentence() {
    float[] river = ENCODER.encode(words("They sat on the bank of the river ."))[4];
    float[] money = ENCODER.encode(words("She borrowed money from the bank last year ."))[5];

    assertThat(river).isNotEqualTo(money);
    assertThat(cosine(river, money)).isLessThan(0.99);
  }

  @Test
  void eachWordGetsTheWordPiecesThatSpellIt() {
    List<String> sentence =
        words("Zbigniew Brzeziński , Wikipedia's editor-in-chief , joined Unilever in 1998 .");
    List<Integer> ids = new ArrayList<>();

    int[][] spans = ENCODER.pieceSpans(sentence, ids);

    assertThat(spans).hasNumberOfRows(sentence.size());
    assertThat(spans[0][0]).isEqualTo(1);
    for (int w = 0; w < sentence.size(); w++) {
      StringBuilder spelt = new StringBuilder();
      for (int p = spans[w][0]; p < spans[w][1]; p++) {
        spelt.append(ENCODER.piece(ids.get(p)).replace("##", ""));
      }
      String expected =
          java.text.Normalizer.normalize(
                  sentence.get(w).toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{Mn}", "");
      assertThat(spelt.toString()).as("word %d", w).isEqualTo(expected);
      if (w > 0) {
        assertThat(spans[w][0]).isEqualTo(spans[w - 1][1]);
      }
    }
    assertThat(spans[1][1] - spans[1][0]).as("a rare name is split").isGreaterThan(1);
  }

  @Test
  void wordsPastTheLongestInputGetZeros() {
    List<String> sentence = new ArrayList<>();
    for (int i = 0; i < OnnxWordEncoder.MAX_PIECES + 10; i++) {
      sentence.add("word");
    }

    float[][] vectors = ENCODER.encode(sentence);

    assertThat(vectors[0]).isNotEqualTo(new float[ENCODER.dimension()]);
    assertThat(vectors[sentence.size() - 1]).isEqualTo(new float[ENCODER.dimension()]);
  }

  @Test
  void theCacheGivesBackWhatTheEncoderGave(@TempDir Path folder) {
    List<String> sentence = words("Greta Lund married Anders Berg in Oslo .");
    CachedWordEncoder cached = new CachedWordEncoder(ENCODER, folder);

    float[][] first = cached.encode(sentence);
    float[][] again = new CachedWordEncoder(ENCODER, folder).encode(sentence);

    assertThat(first).isDeepEqualTo(ENCODER.encode(sentence));
    assertThat(again).isDeepEqualTo(first);
    assertThat(folder.toFile().list()).isNotEmpty();
  }
}
