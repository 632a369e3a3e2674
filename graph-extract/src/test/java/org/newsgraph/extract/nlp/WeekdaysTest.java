package org.newsgraph.extract.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;

/** Bare weekdays, in articles published on Monday 3 February 2025. */
class WeekdaysTest {

  private static final LocalDate MONDAY = LocalDate.of(2025, 2, 3);

  private final NlpPipeline pipeline = NlpPipeline.shared(NlpPipeline.Config.NEWSGRAPH);

  @Test
  void aWeekdayIsDatedByItsOwnArticleWhateverThePipelineReadBefore() {
    Article deal =
        article(
            "Harlow Foods and Pell Farms signed an agreement on Wednesday to work together on"
                + " new products.");
    List<String> alone = weekdays(deal);

    // SUTime keeps the tense it saw beside this weekday for the next documents (CoreNLP #1061).
    weekdays(article("Teller Bank launched Vantage on Wednesday."));

    assertThat(weekdays(deal)).isEqualTo(alone).containsExactly("2025-01-29");
  }

  @Test
  void thePastGoesBackAndTheFutureForward() {
    assertThat(weekdays(article("Regulators fined the lender on Wednesday.")))
        .containsExactly("2025-01-29");
    assertThat(weekdays(article("The board will vote on the plan on Wednesday.")))
        .containsExactly("2025-02-05");
    assertThat(weekdays(article("Okafor said on Friday that she would look into it.")))
        .containsExactly("2025-01-31");
  }

  private static Article article(String text) {
    return new Article("weekday-test", text, null, null, MONDAY);
  }

  private List<String> weekdays(Article article) {
    CoreDocument document = pipeline.annotate(article);
    return document.tokens().stream()
        .filter(token -> token.word().endsWith("day") && "DATE".equals(token.ner()))
        .map(token -> token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class))
        .toList();
  }
}
