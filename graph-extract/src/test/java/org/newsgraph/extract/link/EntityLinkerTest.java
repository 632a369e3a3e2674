package org.newsgraph.extract.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;

class EntityLinkerTest {

  @TempDir static Path folder;
  private static WikiDict dict;
  private static EntityLinker linker;

  @BeforeAll
  static void buildADictionary() {
    // A few lines in the dictionary's own shape: anchor, title, share of the anchor's links.
    String lines =
        String.join(
            "\n",
            "IMF\tInternational_Monetary_Fund\t0.94",
            "London\tLondon\t0.94",
            "London, Ontario\tLondon,_Ontario\t1.0",
            "Labour Party\tLabour_Party_(UK)\t0.56",
            "Labour\tLabour_Party_(UK)\t0.40",
            "New Zealand Labour Party\tNew_Zealand_Labour_Party\t0.99",
            "Labour Party (New Zealand)\tLabour_Party_(New_Zealand)\t1.0",
            "Washington\tWashington\t0.65",
            "Washington, D.C.\tWashington,_D.C.\t0.99",
            "Chicago\tChicago\t0.93",
            "Chicago, New York\tChicago,_New_York\t1.0",
            "Satya Nadella\tSatya_Nadella\t1.0",
            "Nadella\tSatya_Nadella\t1.0",
            "Priya Raman\tP\t0.62",
            "Amazon\tAmazon.com\t0.29",
            "Apple\tApple_Inc.\t0.71",
            "Apple (company)\tApple_(company)\t1.0",
            "Frankfurt\tFrankfurt\t0.85",
            "Frankfurt, IL\tFrankfurt,_IL\t1.0",
            "London, London\tLondon_postal_district\t0.9",
            "Tesla\tNikola_Tesla\t0.53",
            "Tesla Motors\tTesla,_Inc.\t0.97",
            "Tessellate\tTessellate_(song)\t1.0",
            "Apex\tApex,_North_Carolina\t0.66",
            "Jordan Reyes\tJordan_Reyes_(footballer)\t0.9",
            "Marlow\tMarlow,_Buckinghamshire\t0.8",
            "North Carolina\tNorth_Carolina\t0.98",
            "Buckinghamshire\tBuckinghamshire\t0.99",
            "Commerce Committee\tUnited_States_Senate_Committee_on_Commerce,_Science_and_Transportation\t1.0",
            "");
    dict =
        WikiDict.buildAndOpen(
            folder.resolve("dict"),
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    linker = new EntityLinker(dict);
  }

  @AfterAll
  static void close() {
    dict.close();
  }

  private static String link(EntityType type, String name, String text, String... places) {
    return linker.link(Entity.named(type, name), text, List.of(places)).orElse(null);
  }

  @Test
  void aNameLinksToWhereMostOfItsLinksGo() {
    assertThat(link(EntityType.ORGANIZATION, "IMF", "The IMF cut its forecast."))
        .isEqualTo("International_Monetary_Fund");
    assertThat(link(EntityType.PLACE, "London", "Shares fell in London.", "London"))
        .isEqualTo("London");
    assertThat(link(EntityType.ORGANIZATION, "Labour Party", "The Labour Party won in Britain."))
        .isEqualTo("Labour_Party_(UK)");
  }

  @Test
  void theArticlesPlacesPointToAnotherPageOfTheSameName() {
    assertThat(
            link(
                EntityType.PLACE,
                "London",
                "The plant in London, Ontario employs 300 people.",
                "London",
                "Ontario"))
        .isEqualTo("London,_Ontario");
    assertThat(
            link(
                EntityType.ORGANIZATION,
                "Labour Party",
                "In Wellington, the Labour Party (New Zealand) said it would act.",
                "Wellington"))
        .isEqualTo("Labour_Party_(New_Zealand)");
    assertThat(link(EntityType.PLACE, "LONDON", "LONDON (Reuters) - Shares fell.", "LONDON"))
        .isEqualTo("London");
    assertThat(
            link(
                EntityType.PLACE,
                "Washington",
                "Regulators in Washington, D.C. opened an inquiry.",
                "Washington"))
        .isEqualTo("Washington,_D.C.");
  }

  @Test
  void whatTheEvidenceDoesNotSettleStaysUnlinked() {
    // Too few of the anchor's links go to Amazon.com, and the article says nothing more.
    assertThat(link(EntityType.ORGANIZATION, "Amazon", "Amazon opened a warehouse.")).isNull();
    // People are never linked: a page of the same name is not evidence of the same person.
    assertThat(link(EntityType.PERSON, "Nadella", "Nadella spoke.")).isNull();
    assertThat(link(EntityType.PERSON, "Satya Nadella", "Satya Nadella spoke.")).isNull();
  }

  @Test
  void aQualifierCountsOnlyWhereTheArticleNamesItAsWritten() {
    // "company" and "IL" occur inside ordinary words; neither points to a page.
    assertThat(
            link(
                EntityType.ORGANIZATION,
                "Apple",
                "The company said it will build a mill in Lille."))
        .isEqualTo("Apple_Inc.");
    assertThat(link(EntityType.PLACE, "Frankfurt", "Stocks fell in Frankfurt while oil rose."))
        .isEqualTo("Frankfurt");
    // A place in the same sentence is not a qualifier unless it is written beside the name.
    assertThat(
            link(EntityType.PLACE, "Chicago", "Shares rose in Chicago and New York.", "New York"))
        .isEqualTo("Chicago");
    // The entity's own name is no place pointing elsewhere.
    assertThat(link(EntityType.PLACE, "London", "Shares fell in London.", "London"))
        .isEqualTo("London");
  }

  @Test
  void aPageOfAnotherKindOfThingIsNoLinkForAnOrganisation() {
    // A first name before the carmaker's name: the inventor's page.
    assertThat(link(EntityType.ORGANIZATION, "Tesla", "Tesla cut its prices.")).isNull();
    // Brackets that name a work or a kind of person.
    assertThat(link(EntityType.ORGANIZATION, "Tessellate", "Tessellate raised $5 million."))
        .isNull();
    assertThat(link(EntityType.ORGANIZATION, "Jordan Reyes", "Jordan Reyes opened a store."))
        .isNull();
    // A name qualified by a place is a place's page; one qualified by a legal form a company's.
    assertThat(link(EntityType.ORGANIZATION, "Apex", "Apex hired 40 engineers.")).isNull();
    assertThat(link(EntityType.PLACE, "Apex", "The plant is in Apex.", "Apex"))
        .isEqualTo("Apex,_North_Carolina");
    assertThat(link(EntityType.PLACE, "Marlow", "The office is in Marlow.", "Marlow"))
        .isEqualTo("Marlow,_Buckinghamshire");
    Entity carmaker =
        new Entity(EntityType.ORGANIZATION, "Tesla", List.of("Tesla", "Tesla Motors"), List.of());
    assertThat(linker.link(carmaker, "Tesla Motors said Tesla would grow.", List.of()))
        .contains("Tesla,_Inc.");
    // What follows the comma is more of the committee's name, no place with a page of its own.
    assertThat(link(EntityType.ORGANIZATION, "Commerce Committee", "The Commerce Committee met."))
        .isEqualTo("United_States_Senate_Committee_on_Commerce,_Science_and_Transportation");
  }

  private static final java.util.Set<String> PLACES = java.util.Set.of("North Carolina");

  @Test
  void theKindsOfPageAreReadFromTheTitle() {
    assertThat(
            EntityLinker.fits(
                "Apex,_North_Carolina", "Apex", EntityType.ORGANIZATION, PLACES::contains))
        .isFalse();
    assertThat(EntityLinker.fits("Tesla,_Inc.", "Tesla", EntityType.ORGANIZATION, PLACES::contains))
        .isTrue();
    assertThat(EntityLinker.fits("Apple_Inc.", "Apple", EntityType.ORGANIZATION, PLACES::contains))
        .isTrue();
    assertThat(
            EntityLinker.fits(
                "Labour_Party_(UK)", "Labour", EntityType.ORGANIZATION, PLACES::contains))
        .isTrue();
    assertThat(
            EntityLinker.fits(
                "Gap_(clothing_retailer)", "Gap", EntityType.ORGANIZATION, PLACES::contains))
        .isTrue();
    assertThat(
            EntityLinker.fits(
                "Mosaic_(web_browser)", "Mosaic", EntityType.PRODUCT, PLACES::contains))
        .isTrue();
    assertThat(EntityLinker.fits("Quarry_(film)", "Quarry", EntityType.PRODUCT, PLACES::contains))
        .isTrue();
    assertThat(
            EntityLinker.fits("Quarry_(film)", "Quarry", EntityType.ORGANIZATION, PLACES::contains))
        .isFalse();
    assertThat(
            EntityLinker.fits(
                "Ford_Motor_Company", "Ford", EntityType.ORGANIZATION, PLACES::contains))
        .isTrue();
  }
}
