package org.newsgraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IriMinterTest {

  @Test
  void entityIrisAreReadableAndDependOnlyOnTypeAndName() {
    assertThat(IriMinter.entity(NG.Organization, "OpenAI").getURI())
        .isEqualTo("https://newsgraph.org/id/entity/organization/openai");
    assertThat(IriMinter.entity(NG.Person, "Sam  Altman").getURI())
        .isEqualTo("https://newsgraph.org/id/entity/person/sam-altman");
    assertThat(IriMinter.entity(NG.Person, "Sam Altman"))
        .isEqualTo(IriMinter.entity(NG.Person, "sam altman"));
  }

  @Test
  void slugsFoldAccentsAndPunctuationAndJoinApostrophes() {
    assertThat(IriMinter.slug("Société Générale S.A.")).isEqualTo("societe-generale-s-a");
    assertThat(IriMinter.slug("McDonald’s")).isEqualTo("mcdonalds");
    assertThat(IriMinter.slug("北京字节跳动")).isEqualTo("北京字节跳动");
    assertThat(IriMinter.slug("!!!")).startsWith("h").hasSize(17);
  }

  @Test
  void entityIrisRefuseClassesOutsideTheOntology() {
    Resource foreign = org.apache.jena.vocabulary.RDFS.Class;

    assertThatThrownBy(() -> IriMinter.entity(foreign, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Newsgraph entity class");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed",
        "reuters/2025/01/openai",
        "..",
        ".",
        "a b",
        "Zürich-2025",
        "x?y#z%20",
        "引用"
      })
  void articleIdsRoundTripThroughValidIris(String id) {
    Resource article = IriMinter.article(id);

    assertThat(IRIx.create(article.getURI()).isReference()).isTrue();
    assertThat(article.getURI().substring(IriMinter.ARTICLE_BASE.length())).doesNotContain("/");
    assertThat(IriMinter.articleId(article.getURI())).isEqualTo(id);
  }

  @Test
  void articleIrisKeepTheIdReadable() {
    assertThat(IriMinter.article("seed-2025.01").getURI())
        .isEqualTo("https://newsgraph.org/id/article/seed-2025.01");
    assertThat(IriMinter.article("..").getURI())
        .isEqualTo("https://newsgraph.org/id/article/%2E%2E");
  }

  @Test
  void partsOfAnArticleLiveUnderItsIri() {
    Resource article = IriMinter.article("seed");

    assertThat(IriMinter.fact(article, 3).getURI())
        .isEqualTo("https://newsgraph.org/id/article/seed/fact/3");
    assertThat(IriMinter.quote(article, 0).getURI()).endsWith("/seed/quote/0");
  }

  @Test
  void anEventsAmountLivesUnderTheEventAndNothingElseHasOne() {
    Resource event = IriMinter.event(IriMinter.article("seed"), 2);

    assertThat(IriMinter.amount(event).getURI())
        .isEqualTo("https://newsgraph.org/id/article/seed/event/2/amount");
    Resource fact = IriMinter.fact(IriMinter.article("seed"), 2);
    assertThatThrownBy(() -> IriMinter.amount(fact))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an event IRI: " + fact.getURI());
  }

  @Test
  void blankArticleIdsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> IriMinter.article("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("article id is blank");
  }
}
