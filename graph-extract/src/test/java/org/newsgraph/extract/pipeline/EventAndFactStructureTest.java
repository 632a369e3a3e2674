package org.newsgraph.extract.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;

/**
 * Where extracted events stand, what they cost and when they take effect, and when facts held, on
 * sentences written for these tests, through the whole extraction as the store and the records get
 * it.
 */
class EventAndFactStructureTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();
  private static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);

  private static Extraction extract(String text) {
    return EXTRACTOR.extract(new Article("structure", text, null, null, PUBLISHED));
  }

  private static Event only(Extraction extraction, EventType type) {
    List<Event> events = extraction.events().stream().filter(e -> e.type() == type).toList();
    assertThat(events).as("%s events in %s", type, extraction.events()).hasSize(1);
    return events.get(0);
  }

  private static List<Fact> facts(Extraction extraction, Relation relation, String subject) {
    return extraction.facts().stream()
        .filter(f -> f.relation() == relation && f.subject().name().equals(subject))
        .toList();
  }

  @Test
  void anAgreedPurchaseIsAnnouncedWithItsPriceInUnitsOfItsCurrency() {
    Event event =
        only(
            extract(
                "Marlow Instruments agreed on Tuesday to buy the sensor maker Quenby Optics for"
                    + " $2.1bn, subject to regulatory approval."),
            EventType.ACQUISITION);

    assertThat(event.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(event.amount()).isNotNull();
    assertThat(event.amount().value()).isEqualByComparingTo(new BigDecimal("2100000000"));
    assertThat(event.amount().currency()).isEqualTo("USD");
    assertThat(event.amount().text()).isEqualTo("$2.1bn");
  }

  @Test
  void aCompletedPurchaseIsCompletedAndPoundsAndEurosAreReadWithTheirScale() {
    Event bought =
        only(
            extract("Drayton Mills bought the yarn spinner Pellow & Sons for £85 million in 2024."),
            EventType.ACQUISITION);
    assertThat(bought.status()).isEqualTo(EventStatus.COMPLETED);
    assertThat(bought.amount().value()).isEqualByComparingTo(new BigDecimal("85000000"));
    assertThat(bought.amount().currency()).isEqualTo("GBP");

    Event raised =
        only(
            extract(
                "Nordwind Energy said on Monday that it had raised 300 million euros from"
                    + " Harwick Ventures and other investors."),
            EventType.FUNDING_ROUND);
    assertThat(raised.status()).isEqualTo(EventStatus.COMPLETED);
    assertThat(raised.amount().value()).isEqualByComparingTo(new BigDecimal("300000000"));
    assertThat(raised.amount().currency()).isEqualTo("EUR");
  }

  @Test
  void theFirmThatLeadsARoundIsItsInvestor() {
    Event event =
        only(
            extract(
                "Pellam Robotics has raised $64 million in a funding round led by Oakridge"
                    + " Partners."),
            EventType.FUNDING_ROUND);

    assertThat(event.participants())
        .anySatisfy(
            p -> {
              assertThat(p.entity().name()).isEqualTo("Oakridge Partners");
              assertThat(p.role()).isEqualTo("investor");
            });
    assertThat(event.amount().value()).isEqualByComparingTo(new BigDecimal("64000000"));
  }

  @Test
  void aResignationWithoutItsOrganisationTakesTheOneTheArticleSaysThePersonHeads() {
    Event event =
        only(
            extract(
                "Halbrook Mining's chief executive, Dana Morrow, faced angry shareholders last"
                    + " week. Morrow resigned on Monday after a dispute over pay."),
            EventType.RESIGNATION);

    assertThat(event.participants())
        .anySatisfy(
            p -> {
              assertThat(p.entity().name()).isEqualTo("Halbrook Mining");
              assertThat(p.role()).isEqualTo("organization");
            });
  }

  @Test
  void aBlockedTakeoverIsBlockedAndStatesNoAcquisition() {
    Extraction extraction =
        extract(
            "Regulators in Brussels on Wednesday blocked Corrin Rail's takeover of the freight"
                + " operator Vastline.");

    Event event = only(extraction, EventType.ACQUISITION);
    assertThat(event.status()).isEqualTo(EventStatus.BLOCKED);
    assertThat(extraction.facts()).noneMatch(f -> f.relation() == Relation.ACQUIRED);
  }

  @Test
  void aSuitToBlockADealLeavesTheDealUnfinishedAndStatesNoAcquisition() {
    Extraction extraction =
        extract("The FTC sued to block the acquisition of Brisco Labs by Halden Pharma.");

    assertThat(extraction.facts()).noneMatch(f -> f.relation() == Relation.ACQUIRED);
    assertThat(extraction.events())
        .filteredOn(e -> e.type() == EventType.ACQUISITION)
        .allSatisfy(e -> assertThat(e.status()).isNotIn(EventStatus.COMPLETED));
  }

  @Test
  void aDeniedDealIsDeniedARumouredOneRumouredAndAPlannedOnePlanned() {
    Extraction denied =
        extract("Kovar Metals denied on Friday that it was in talks to buy the smelter Ardley.");
    assertThat(only(denied, EventType.ACQUISITION).status()).isEqualTo(EventStatus.DENIED);
    assertThat(denied.facts()).noneMatch(f -> f.relation() == Relation.ACQUIRED);

    Extraction rumoured = extract("Brannock Foods is reportedly in talks to buy Tilbury Stores.");
    assertThat(only(rumoured, EventType.ACQUISITION).status()).isEqualTo(EventStatus.RUMOURED);
    assertThat(rumoured.facts()).noneMatch(f -> f.relation() == Relation.ACQUIRED);

    Extraction planned = extract("Weston Air plans to buy the regional carrier Skylane.");
    assertThat(only(planned, EventType.ACQUISITION).status()).isEqualTo(EventStatus.PLANNED);
    assertThat(planned.facts()).noneMatch(f -> f.relation() == Relation.ACQUIRED);
  }

  @Test
  void aSupposedEventIsLeftOut() {
    Extraction extraction =
        extract("Analysts said Kovar Metals would gain little if it bought the smelter Ardley.");

    assertThat(extraction.events()).noneMatch(e -> e.type() == EventType.ACQUISITION);
  }

  @Test
  void aDealExpectedToCloseOnADayTakesEffectThatDay() {
    Event event =
        only(
            extract(
                "Halstead Group will buy the software firm Ordell for US$12m; the deal is"
                    + " expected to close on June 30."),
            EventType.ACQUISITION);

    assertThat(event.status()).isEqualTo(EventStatus.PLANNED);
    assertThat(event.effectiveDate()).isEqualTo("2026-06-30");
    assertThat(event.amount().value()).isEqualByComparingTo(new BigDecimal("12000000"));
    assertThat(event.amount().currency()).isEqualTo("USD");
  }

  @Test
  void aLawsuitCarriesTheDamagesItSeeks() {
    Event event =
        only(
            extract("Renata Vell sued Zipcar Rides for $4 million in damages."), EventType.LAWSUIT);

    assertThat(event.amount().value()).isEqualByComparingTo(new BigDecimal("4000000"));
  }

  @Test
  void aFormerChiefIsKeptAsFormerAndACurrentOneIsNot() {
    Extraction extraction =
        extract(
            "Former Kestrel Dynamics chief executive Tom Ferris spoke at the hearing. Kestrel"
                + " Dynamics' chief executive, Ana Ruiz, did not.");

    assertThat(facts(extraction, Relation.HEADS, "Tom Ferris"))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.former()).isTrue());
    assertThat(facts(extraction, Relation.HEADS, "Ana Ruiz"))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.former()).isFalse());
  }

  @Test
  void aPostGetsTheStartAndEndTheSentenceGivesIt() {
    Extraction joined = extract("Priya Natarajan joined Corvel Bank in 2017.");
    assertThat(facts(joined, Relation.WORKS_FOR, "Priya Natarajan"))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.start()).isEqualTo("2017");
              assertThat(f.end()).isNull();
              assertThat(f.former()).isFalse();
            });

    Extraction ranged =
        extract("Omar Haddad was chief executive of Lindqvist Freight from 2010 to 2015.");
    assertThat(facts(ranged, Relation.HEADS, "Omar Haddad"))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.start()).isEqualTo("2010");
              assertThat(f.end()).isEqualTo("2015");
              assertThat(f.former()).isTrue();
            });
  }

  @Test
  void aPostThatALaterSentenceSaysWasLeftIsFormerUnlessTakenUpAgain() {
    String joined =
        "Jonas Berg, who worked for Kestrel Dynamics as an engineer, designed its hangars.";
    Extraction left = extract(joined + " Berg resigned from Kestrel Dynamics in 2004.");
    Extraction stays = extract(joined + " Berg plans to resign from Kestrel Dynamics next year.");

    assertThat(left.facts())
        .filteredOn(f -> f.relation() == Relation.WORKS_FOR)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.former()).isTrue());
    assertThat(stays.facts())
        .filteredOn(f -> f.relation() == Relation.WORKS_FOR)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.former()).isFalse());
  }
}
