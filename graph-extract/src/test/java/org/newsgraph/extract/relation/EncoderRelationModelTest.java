package org.newsgraph.extract.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.encoder.OnnxWordEncoder;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/** The relation model that weighs the encoder's vectors, kept in the project beside the other. */
class EncoderRelationModelTest {

  private static final RelationModel MODEL =
      RelationModel.fromClassPath(RelationModel.ENCODER_RESOURCE).orElseThrow();

  @Test
  void theModelLoadsAndWeighsAsManyDenseFeaturesAsTheEncoderGives() {
    assertThat(MODEL.dense()).isEqualTo(EncoderFeatures.dimension(OnnxWordEncoder.shared()));
    assertThat(MODEL.relations()).contains(Relation.SPOUSE, Relation.BIRTH_PLACE);
    assertThat(RelationModel.fromClassPath().orElseThrow().dense()).isZero();
  }

  @Test
  void itFindsABirthPlaceWithTheEncoder() {
    ClassifierRelationExtractor classifier =
        new ClassifierRelationExtractor(MODEL, 0.5, OnnxWordEncoder.shared());
    List<Fact> facts =
        classifier
            .extract(
                ArticleExtractor.standard()
                    .annotate(Article.of("test", "Tomasz Wilk was born in Gdansk in 1968.")))
            .facts();

    assertThat(facts)
        .anySatisfy(
            f -> {
              assertThat(f.relation()).isEqualTo(Relation.BIRTH_PLACE);
              assertThat(f.objectLabel()).isEqualTo("Gdansk");
            });
  }

  @Test
  void withoutTheEncoderItRefusesToStart() {
    assertThatThrownBy(() -> new ClassifierRelationExtractor(MODEL, 0.5))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("encoder");
  }
}
