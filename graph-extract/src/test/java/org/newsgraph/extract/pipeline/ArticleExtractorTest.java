package org.newsgraph.extract.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;

class ArticleExtractorTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  private static final Article ARTICLE =
      new Article(
          "quillfield-1",
          "Orla Brennan, the chief executive of Quillfield Systems, said on Tuesday that the"
              + " company would double its staff in Dublin. Brennan founded the firm in 2015."
              + "\n\n\u201cWe have more orders than engineers,\u201d Brennan said.",
          "Quillfield to double staff",
          null,
          LocalDate.of(2025, 6, 12));

  @Test
  void findsTheChiefExecutiveOfACompanyWithTheFullNameAsLabel() {
    Extraction extraction = EXTRACTOR.extract(ARTICLE);

    assertThat(extraction.facts())
        .anySatisfy(
            fact -> {
              assertThat(fact.relation()).isEqualTo(Relation.HEADS);
              assertThat(fact.subject().name()).isEqualTo("Orla Brennan");
              assertThat(fact.object().name()).isEqualTo("Quillfield Systems");
              assertThat(fact.evidence().sentence())
                  .startsWith("Orla Brennan, the chief executive");
            });
  }

  @Test
  void resolvesTheSurnameToTheSamePerson() {
    Extraction extraction = EXTRACTOR.extract(ARTICLE);

    Entity brennan =
        extraction.entities().stream()
            .filter(e -> e.type() == EntityType.PERSON)
            .filter(e -> e.name().equals("Orla Brennan"))
            .findFirst()
            .orElseThrow();
    assertThat(brennan.aliases()).contains("Brennan");
    assertThat(brennan.mentions()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void attributesTheQuoteToTheSpeakersCanonicalEntity() {
    Extraction extraction = EXTRACTOR.extract(ARTICLE);

    assertThat(extraction.quotes())
        .singleElement()
        .satisfies(
            quote -> {
              assertThat(quote.text()).isEqualTo("We have more orders than engineers");
              assertThat(quote.speaker().name()).isEqualTo("Orla Brennan");
              assertThat(ARTICLE.text().substring(quote.start(), quote.end()))
                  .isEqualTo(quote.text());
            });
  }

  @Test
  void everyOffsetPointsAtTheWordsItClaims() {
    Extraction extraction = EXTRACTOR.extract(ARTICLE);

    assertThat(extraction.facts())
        .isNotEmpty()
        .allSatisfy(
            fact -> {
              String text = ARTICLE.text();
              assertThat(text.substring(fact.subjectMention().start(), fact.subjectMention().end()))
                  .isEqualTo(fact.subjectMention().text());
              assertThat(
                      text.substring(
                          fact.evidence().sentenceStart(), fact.evidence().sentenceEnd()))
                  .isEqualTo(fact.evidence().sentence());
            });
  }

  @Test
  void factsAreCalibratedBeforeTheThreshold() {
    ArticleExtractor raw =
        EXTRACTOR.withCalibration(ConfidenceCalibration.identity()).atThreshold(0.3);
    List<Fact> uncalibrated = raw.extract(ARTICLE).facts();
    // Every source's facts calibrated to one value, set above and then below the threshold.
    List<ConfidenceCalibration.Step> above = new ArrayList<>();
    List<ConfidenceCalibration.Step> below = new ArrayList<>();
    for (ConfidenceCalibration.Source source : ConfidenceCalibration.Source.values()) {
      above.add(new ConfidenceCalibration.Step(source, 0, 1, 0.6, 1));
      below.add(new ConfidenceCalibration.Step(source, 0, 1, 0.2, 1));
    }

    List<Fact> calibrated =
        raw.withCalibration(ConfidenceCalibration.of(above)).extract(ARTICLE).facts();
    List<Fact> dropped =
        raw.withCalibration(ConfidenceCalibration.of(below)).extract(ARTICLE).facts();

    assertThat(uncalibrated).isNotEmpty();
    assertThat(calibrated).hasSameSizeAs(uncalibrated);
    for (int i = 0; i < uncalibrated.size(); i++) {
      assertThat(calibrated.get(i).relation()).isEqualTo(uncalibrated.get(i).relation());
      assertThat(calibrated.get(i).evidence().confidence()).isEqualTo(0.6);
    }
    assertThat(dropped).isEmpty();
  }
}
