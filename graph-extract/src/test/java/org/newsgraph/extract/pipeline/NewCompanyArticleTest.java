package org.newsgraph.extract.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Relation;

/**
 * End to end on a story about companies that no model has seen: the names are typed from the text,
 * and the facts, the events and the quotes name them by their full names.
 */
class NewCompanyArticleTest {

  private static final Article ARTICLE =
      new Article(
          "verdalia-okomfo",
          """
          Verdalia Foods, a Lagos-based startup that turns cassava peel into animal feed, said on \
          Monday that it had acquired the Ghanaian feed maker Okomfo Mills for $12 million.

          Verdalia's chief executive, Chidinma Eze, announced the purchase at a news conference in \
          Accra. "Farmers throw away millions of tonnes of peel every year," Eze said. "We turn \
          it into protein."

          She founded the company in 2019 with her brother. Verdalia competes with the Dutch \
          group Feedwise across West Africa.""",
          "Verdalia Foods buys Okomfo Mills",
          null,
          LocalDate.of(2025, 10, 15));

  private static Extraction extraction;

  @BeforeAll
  static void extract() {
    extraction = ArticleExtractor.standard().extract(ARTICLE);
  }

  @Test
  void typesTheUnseenNamesAndGathersTheirMentions() {
    assertThat(extraction.entities())
        .extracting(Entity::type, Entity::name)
        .contains(
            tuple(EntityType.ORGANIZATION, "Verdalia Foods"),
            tuple(EntityType.ORGANIZATION, "Okomfo Mills"),
            tuple(EntityType.ORGANIZATION, "Feedwise"),
            tuple(EntityType.PERSON, "Chidinma Eze"),
            tuple(EntityType.PLACE, "Lagos"));
    Entity eze = entityNamed("Chidinma Eze");
    assertThat(eze.mentions()).extracting(m -> m.text()).contains("Chidinma Eze", "Eze", "She");
  }

  @Test
  void findsTheFactsWithCanonicalNames() {
    assertThat(extraction.facts())
        .extracting(f -> f.relation(), f -> f.subject().name(), f -> f.objectLabel())
        .contains(
            tuple(Relation.HEADS, "Chidinma Eze", "Verdalia Foods"),
            tuple(Relation.ACQUIRED, "Verdalia Foods", "Okomfo Mills"),
            tuple(Relation.COMPETES_WITH, "Verdalia Foods", "Feedwise"),
            tuple(Relation.HEADQUARTERED_IN, "Verdalia Foods", "Lagos"),
            tuple(Relation.FOUNDED, "Chidinma Eze", "Verdalia Foods"));
  }

  @Test
  void datesTheAcquisitionAndPlacesTheNewsConference() {
    assertThat(extraction.events())
        .anySatisfy(
            event -> {
              assertThat(event.type()).isEqualTo(EventType.ACQUISITION);
              assertThat(event.date()).isEqualTo("2025-10-13");
              assertThat(event.participants())
                  .extracting(p -> p.entity().name())
                  .contains("Verdalia Foods", "Okomfo Mills");
            })
        .anySatisfy(
            event -> {
              assertThat(event.type()).isEqualTo(EventType.PRESS_CONFERENCE);
              assertThat(event.place().name()).isEqualTo("Accra");
              assertThat(event.participants())
                  .extracting(p -> p.entity().name())
                  .contains("Chidinma Eze");
            });
  }

  @Test
  void attributesBothQuotesToTheChiefExecutive() {
    assertThat(extraction.quotes())
        .extracting(q -> q.speaker().name(), q -> q.text())
        .containsExactly(
            tuple("Chidinma Eze", "Farmers throw away millions of tonnes of peel every year"),
            tuple("Chidinma Eze", "We turn it into protein."));
  }

  private static Entity entityNamed(String name) {
    return extraction.entities().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
