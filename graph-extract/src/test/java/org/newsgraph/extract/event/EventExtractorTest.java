package org.newsgraph.extract.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Participant;
import org.newsgraph.extract.pipeline.ArticleExtractor;

class EventExtractorTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  private static List<Event> eventsOf(String text, LocalDate published) {
    Article article = new Article("test", text, null, null, published);
    return EventExtractor.fromRuleFile().extract(EXTRACTOR.annotate(article)).events();
  }

  @Test
  void aPressConferenceHasItsRelativeDateResolvedItsPlaceAndItsSpeaker() {
    List<Event> events =
        eventsOf(
            "Gov. Rhea Tillman spoke at a news conference in Sacramento on Tuesday. She said the"
                + " state would build two reservoirs.",
            LocalDate.of(2025, 6, 12));

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(EventType.PRESS_CONFERENCE);
              assertThat(event.date()).isEqualTo("2025-06-10");
              assertThat(event.place().name()).isEqualTo("Sacramento");
              assertThat(event.participants())
                  .extracting(p -> p.entity().name())
                  .contains("Rhea Tillman");
              assertThat(event.trigger().text()).isEqualTo("news conference");
            });
  }

  @Test
  void anAcquisitionNamesBuyerAndBoughtAndTakesTheLeadsDate() {
    List<Event> events =
        eventsOf(
            "Corvid Logistics said on Monday that it had agreed to acquire the courier Swiftpost."
                + " The deal is worth $300 million.",
            LocalDate.of(2025, 9, 17));

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(EventType.ACQUISITION);
              assertThat(event.date()).isEqualTo("2025-09-15");
              assertThat(event.participants())
                  .extracting(Participant::role, p -> p.entity().name())
                  .contains(tuple("acquirer", "Corvid Logistics"), tuple("target", "Swiftpost"));
            });
  }

  @Test
  void twoMentionsOfOneResignationAreOneEvent() {
    List<Event> events =
        eventsOf(
            "Paulo Serrano resigned as chief executive of Ferrum Steel on Friday. Serrano, who"
                + " resigned after a dispute with the board, will stay as an adviser.",
            LocalDate.of(2025, 3, 10));

    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.RESIGNATION));
  }

  @Test
  void quittingAnActivityIsNoResignation() {
    LocalDate published = LocalDate.of(2025, 3, 4);

    assertThat(eventsOf("Milan Varga quit playing online games last year.", published)).isEmpty();
    for (String text :
        List.of(
            "Milan Varga quit the government in 2003.",
            "Milan Varga - who has resigned as home secretary - kept his seat.",
            "Milan Varga stayed an MP until 1995, when he resigned to become a judge.",
            "Milan Varga quit as deputy chairman after apparently suggesting deeper cuts.")) {
      assertThat(eventsOf(text, published))
          .as(text)
          .extracting(Event::type)
          .containsExactly(EventType.RESIGNATION);
    }
    assertThat(eventsOf("Milan Varga quit his post at Greywater Analytics in May.", published))
        .extracting(Event::type)
        .containsExactly(EventType.RESIGNATION);
    assertThat(eventsOf("Milan Varga quit in May.", published))
        .extracting(Event::type)
        .containsExactly(EventType.RESIGNATION);
  }

  @Test
  void anUndatedEventTakesTheDayOfTheSentenceBeforeButNotItsYear() {
    List<Event> dayBefore =
        eventsOf(
            "Halden Foods reported record sales on Tuesday. Halden Foods acquired the bakery chain"
                + " Corrin Bakeries.",
            LocalDate.of(2025, 3, 14));
    List<Event> yearBefore =
        eventsOf(
            "Halden Foods reported record sales for 2023. Halden Foods acquired the bakery chain"
                + " Corrin Bakeries.",
            LocalDate.of(2025, 3, 14));

    assertThat(dayBefore).singleElement().extracting(Event::date).isEqualTo("2025-03-11");
    assertThat(yearBefore).singleElement().extracting(Event::date).isNull();
  }

  @Test
  void aBuyersTwoPurchasesAreTwoEvents() {
    List<Event> events =
        eventsOf(
            "Tarrow Group bought Velin Foods in 2019. Tarrow Group has also agreed to buy Corrin"
                + " Bakeries.",
            LocalDate.of(2025, 3, 14));

    assertThat(events)
        .extracting(e -> e.participants().stream().map(p -> p.entity().name()).sorted().toList())
        .containsExactlyInAnyOrder(
            List.of("Tarrow Group", "Velin Foods"), List.of("Corrin Bakeries", "Tarrow Group"));
  }
}
