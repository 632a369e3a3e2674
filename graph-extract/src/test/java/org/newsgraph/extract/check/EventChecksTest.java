package org.newsgraph.extract.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/** The event check on sentences written for it, with events built by hand on their triggers. */
class EventChecksTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  /** The event as the check keeps it, or empty when the check leaves it out. */
  private static Optional<Event> kept(String text, EventType type, String trigger) {
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
    return EventChecks.standard().keep(article, List.of(event)).stream().findFirst();
  }

  private static EventStatus status(String text, EventType type, String trigger) {
    Optional<Event> event = kept(text, type, trigger);
    assertThat(event).as("the event of \"%s\" is kept", text).isPresent();
    return event.get().status();
  }

  @Test
  void anEventReportedAsHappeningIsCompletedAndOneAgreedIsAnnounced() {
    assertThat(status("Alder Health bought Brightwave Labs.", EventType.ACQUISITION, "bought"))
        .isEqualTo(EventStatus.COMPLETED);
    assertThat(status("Ostra Metals sued Halvard Steel on Monday.", EventType.LAWSUIT, "sued"))
        .isEqualTo(EventStatus.COMPLETED);
    assertThat(status("Alder Health agreed to buy Brightwave Labs.", EventType.ACQUISITION, "buy"))
        .isEqualTo(EventStatus.ANNOUNCED);
    assertThat(
            status(
                "Nordlys Air and Maplewing announced a codeshare partnership.",
                EventType.AGREEMENT,
                "announced"))
        .isEqualTo(EventStatus.ANNOUNCED);
  }

  @Test
  void anEventSpeculatedAboutPlannedBlockedOrDeniedIsKeptWithThatStatus() {
    assertThat(
            status(
                "Alder Health, once tipped to buy Brightwave Labs, was banned from the auction.",
                EventType.ACQUISITION,
                "buy"))
        .isEqualTo(EventStatus.RUMOURED);
    assertThat(status("Ostra Metals may sue Halvard Steel.", EventType.LAWSUIT, "sue"))
        .isEqualTo(EventStatus.PLANNED);
    assertThat(
            status(
                "Regulators blocked Alder Health's purchase of Brightwave Labs.",
                EventType.ACQUISITION,
                "purchase"))
        .isEqualTo(EventStatus.BLOCKED);
    assertThat(
            status(
                "Alder Health denied that it had bought Brightwave Labs.",
                EventType.ACQUISITION,
                "bought"))
        .isEqualTo(EventStatus.DENIED);
    assertThat(
            status(
                "Alder Health is said to be preparing to buy Brightwave Labs.",
                EventType.ACQUISITION,
                "buy"))
        .isEqualTo(EventStatus.RUMOURED);
  }

  @Test
  void aSuitToBlockADealDoesNotBlockIt() {
    assertThat(
            status(
                "Regulators sued to block Alder Health's purchase of Brightwave Labs.",
                EventType.ACQUISITION,
                "purchase"))
        .isNotEqualTo(EventStatus.BLOCKED);
  }

  @Test
  void anEventOnlySupposedIsLeftOut() {
    assertThat(
            kept(
                "Ministers called on regulators to block any takeover of Brightwave Labs.",
                EventType.ACQUISITION,
                "takeover"))
        .isEmpty();
    assertThat(
            kept(
                "Shareholders asked whether Alder Health would buy Brightwave Labs.",
                EventType.ACQUISITION,
                "buy"))
        .isEmpty();
  }

  @Test
  void whatCouldHaveHappenedOrWasOnceWantedIsLeftOut() {
    assertThat(
            kept(
                "Tarrow Group paid Velin Foods $90 million to end a pact that could have forced it"
                    + " to buy Velin outright.",
                EventType.ACQUISITION,
                "buy"))
        .isEmpty();
    assertThat(
            kept(
                "Ostra Metals had been willing to buy Halvard Steel, but its founder refused.",
                EventType.ACQUISITION,
                "buy"))
        .isEmpty();
    assertThat(
            status(
                "Ostra Metals said it wanted to buy Halvard Steel.", EventType.ACQUISITION, "buy"))
        .isEqualTo(EventStatus.PLANNED);
  }

  @Test
  void anInfinitiveOfPurposeIsNoEventButADealToBuyIsAnnounced() {
    assertThat(
            kept(
                "The listing will make it easier for Kestrel Dynamics to raise capital.",
                EventType.FUNDING_ROUND,
                "raise"))
        .isEmpty();
    assertThat(
            status(
                "Alder Health agreed a deal to buy Brightwave Labs.", EventType.ACQUISITION, "buy"))
        .isEqualTo(EventStatus.ANNOUNCED);
  }

  @Test
  void aRelativeClauseKeepsItsOwnStatus() {
    assertThat(
            status(
                "Ostra Metals is set to merge with Halvard Steel, the firm that bought Corvane"
                    + " Mining.",
                EventType.ACQUISITION,
                "bought"))
        .isEqualTo(EventStatus.COMPLETED);
  }
}
