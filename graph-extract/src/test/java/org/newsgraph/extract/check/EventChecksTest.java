package org.newsgraph.extract.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventType;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/** The event check on sentences written for it, with events built by hand on their triggers. */
class EventChecksTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  private static boolean kept(String text, EventType type, String trigger) {
    AnnotatedArticle article = EXTRACTOR.annotate(Article.of("example", text));
    int start = text.indexOf(trigger);
    Event event =
        new Event(
            type,
            null,
            null,
            List.of(),
            Mention.in(text, start, start + trigger.length()),
            article.evidence(0, ExtractorId.of("events"), 0.9));
    return !EventChecks.standard().keep(article, List.of(event)).isEmpty();
  }

  @Test
  void anEventReportedAsHappeningOrAgreedIsKept() {
    assertThat(kept("Alder Health bought Brightwave Labs.", EventType.ACQUISITION, "bought"))
        .isTrue();
    assertThat(kept("Alder Health agreed to buy Brightwave Labs.", EventType.ACQUISITION, "buy"))
        .isTrue();
    assertThat(kept("Ostra Metals sued Halvard Steel on Monday.", EventType.LAWSUIT, "sued"))
        .isTrue();
  }

  @Test
  void anEventSpeculatedAboutPlannedOrBlockedIsLeftOut() {
    assertThat(
            kept(
                "Alder Health, once tipped to buy Brightwave Labs, was banned from the auction.",
                EventType.ACQUISITION,
                "buy"))
        .isFalse();
    assertThat(
            kept(
                "Ministers called on regulators to block any takeover of Brightwave Labs.",
                EventType.ACQUISITION,
                "takeover"))
        .isFalse();
    assertThat(kept("Ostra Metals may sue Halvard Steel.", EventType.LAWSUIT, "sue")).isFalse();
  }
}
