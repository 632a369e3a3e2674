package org.newsgraph.extract.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/** The relation model kept in the project, on sentences written for this test. */
class ClassifierRelationExtractorTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();
  private static final ClassifierRelationExtractor CLASSIFIER =
      new ClassifierRelationExtractor(RelationModel.fromClassPath().orElseThrow(), 0.5);

  private static List<Fact> factsOf(String text) {
    return CLASSIFIER.extract(EXTRACTOR.annotate(Article.of("test", text))).facts();
  }

  @Test
  void theModelIsKeptInTheProject() {
    assertThat(RelationModel.fromClassPath())
        .get()
        .satisfies(m -> assertThat(m.relations()).contains(Relation.SPOUSE));
  }

  @Test
  void findsBirthsAndEducationInABiography() {
    List<Fact> facts =
        factsOf(
            "Tomasz Wilk was born in Gdansk on 3 March 1968. He studied physics at Warsaw University.");

    assertThat(facts)
        .anySatisfy(
            f -> {
              assertThat(f.relation()).isEqualTo(Relation.BIRTH_PLACE);
              assertThat(f.objectLabel()).isEqualTo("Gdansk");
            })
        .anySatisfy(
            f -> {
              assertThat(f.relation()).isEqualTo(Relation.BIRTH_DATE);
              assertThat(f.value()).isEqualTo("1968-03-03");
            })
        .anySatisfy(
            f -> {
              assertThat(f.relation()).isEqualTo(Relation.EDUCATED_AT);
              assertThat(f.subject().name()).isEqualTo("Tomasz Wilk");
            });
  }

  @Test
  void aSiblingIsNotASpouse() {
    List<Fact> facts = factsOf("Greta Lund founded the shop with her brother Anders Lund in 1990.");

    assertThat(facts).noneMatch(f -> f.relation() == Relation.SPOUSE);
  }

  @Test
  void aSentenceWithoutATitleStatesNoHead() {
    List<Fact> facts =
        factsOf("Corvid Logistics said on Monday that Dana Ruiz had visited its depot in Leeds.");

    assertThat(facts).noneMatch(f -> f.relation() == Relation.HEADS);
  }
}
