package org.newsgraph.extract.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

class EntityRecognizerTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  private static DocumentEntities entitiesOf(String text) {
    AnnotatedArticle annotated =
        EXTRACTOR.annotate(new Article("test", text, null, null, LocalDate.of(2025, 5, 6)));
    return annotated.entities();
  }

  private static Entity named(DocumentEntities entities, String name) {
    return entities.entities().stream()
        .filter(e -> e.named() && e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not among " + entities.entities()));
  }

  private static List<String> mentionTexts(Entity entity) {
    return entity.mentions().stream().map(Mention::text).toList();
  }

  @Test
  void aNameNoModelKnowsIsTypedByEvidenceAndEveryMentionCarriesIt() {
    DocumentEntities entities =
        entitiesOf(
            "Grainwell faces a new rival: Threshly. Threshly sells seed-sorting robots to farms in"
                + " Iowa. Analysts expect Threshly to double its sales.");

    Entity threshly = named(entities, "Threshly");
    assertThat(threshly.type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(mentionTexts(threshly)).filteredOn("Threshly"::equals).hasSize(3);
  }

  @Test
  void aPastPostsPrefixIsNoPartOfTheCompanysName() {
    String text =
        "The ex-Norvala boss Ilse Varga joined Kestrum Energy in March. Norvala makes turbines.";
    DocumentEntities entities = entitiesOf(text);

    assertThat(entities.entities())
        .extracting(Entity::name)
        .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("ex-"));
    Entity norvala = named(entities, "Norvala");
    assertThat(norvala.mentions())
        .extracting(Mention::start)
        .contains(text.indexOf("ex-Norvala") + "ex-".length());
  }

  @Test
  void titlesAndDescriptionsTypeCompaniesAndPeople() {
    DocumentEntities entities =
        entitiesOf(
            "Odalys Renner, the chief executive of Pavonis, said the startup would hire 40"
                + " engineers. Pavonis, a maker of drone batteries, is based in Tallinn.");

    assertThat(named(entities, "Odalys Renner").type()).isEqualTo(EntityType.PERSON);
    assertThat(named(entities, "Pavonis").type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(named(entities, "Tallinn").type()).isEqualTo(EntityType.PLACE);
  }

  @Test
  void surnamesPronounsAndTheCompanyResolveToOneEntityWithTheFullName() {
    DocumentEntities entities =
        entitiesOf(
            "Miriam Okwu founded Larkspur Labs in 2019. Okwu said her company would open an"
                + " office in Accra. She added that the company had 30 staff.");

    Entity okwu = named(entities, "Miriam Okwu");
    assertThat(okwu.aliases()).contains("Okwu");
    assertThat(mentionTexts(okwu)).contains("Miriam Okwu", "Okwu", "her", "She");
    Entity larkspur = named(entities, "Larkspur Labs");
    assertThat(mentionTexts(larkspur)).contains("Larkspur Labs", "her company", "the company");
  }

  @Test
  void relativePronounsFollowTheNounTheyDescribe() {
    DocumentEntities entities =
        entitiesOf("Aurelio Vance, a retired boxer who was born in Naples, now coaches children.");

    assertThat(mentionTexts(named(entities, "Aurelio Vance"))).contains("who");
  }

  @Test
  void aPronounWithNothingToReferToBelongsToAnUnnamedEntityKeptOutOfTheNames() {
    DocumentEntities entities = entitiesOf("He was born in Lyon in 1961 and studied law in Paris.");

    Entity unnamed = entities.entities().stream().filter(e -> !e.named()).findFirst().orElseThrow();
    assertThat(unnamed.type()).isEqualTo(EntityType.PERSON);
    assertThat(unnamed.aliases()).isEmpty();
    assertThat(mentionTexts(unnamed)).containsExactly("He");
  }

  @Test
  void adjectivesOfNationalityMentionTheirCountry() {
    DocumentEntities entities = entitiesOf("Ines Falk, a Norwegian engineer, designs ferries.");

    Entity norway = named(entities, "Norway");
    assertThat(norway.type()).isEqualTo(EntityType.PLACE);
    assertThat(mentionTexts(norway)).containsExactly("Norwegian");
  }

  @Test
  void aStateOrANationalityThatStartsACollegesNameStaysAPlace() {
    DocumentEntities entities =
        entitiesOf(
            "Born in Ohio, Mara Quist studied at Ohio State University. Vell Ardo, an American"
                + " lawyer, played in the American Football League.");

    assertThat(named(entities, "Ohio").type()).isEqualTo(EntityType.PLACE);
    assertThat(mentionTexts(named(entities, "Ohio State University")))
        .containsExactly("Ohio State University");
    assertThat(mentionTexts(named(entities, "United States"))).containsExactly("American");
  }

  @Test
  void aPlaceWrittenWithoutTheCommaBeforeItsStateIsTwoPlaces() {
    DocumentEntities entities =
        entitiesOf(
            "Tolen Brack lives in Cupertino California and travels to Northern Virginia and South"
                + " Korea.");

    assertThat(named(entities, "Cupertino").type()).isEqualTo(EntityType.PLACE);
    assertThat(named(entities, "California").type()).isEqualTo(EntityType.PLACE);
    assertThat(entities.entities())
        .extracting(Entity::name)
        .contains("Northern Virginia", "South Korea")
        .doesNotContain("Cupertino California", "Virginia", "Korea");
  }

  @Test
  void aPostIsNoPartOfTheOrganisationsNameAndAPartOfOneIsAnOrganisationBesideIt() {
    DocumentEntities entities =
        entitiesOf(
            "Jana Holt, CFO of Bank of America, resigned. Ravi Oduya is a professor in the"
                + " Department of Physics at Stanford University. Lena Sato works at the University"
                + " of Cambridge's Cavendish Laboratory.");

    assertThat(entities.entities())
        .extracting(Entity::name)
        .contains("Bank of America", "Stanford University", "University of Cambridge")
        .noneMatch(name -> name.contains("CFO") || name.contains(" at ") || name.contains("'s"));
  }

  @Test
  void membersTitleAfterAPartysNameIsNoPartOfIt() {
    DocumentEntities entities =
        entitiesOf(
            "Labour MPs met on Monday. Tory MPs stayed away, said Ann Keen. Veteran Labour MP Jo"
                + " Platt agreed, and Moazzam Begg's Labour MP Roger Godsiff welcomed it.");

    assertThat(entities.entities())
        .extracting(Entity::name)
        .contains("Labour", "Conservative Party", "Moazzam Begg")
        .noneMatch(name -> name.endsWith("MPs") || name.endsWith("MP") || name.contains("'s"));
  }

  @Test
  void theStartOfAUniversitysNameThatNamesNoRegionIsTheUniversity() {
    DocumentEntities entities =
        entitiesOf(
            "Harvard said the grant would last a year. Ilka Moor teaches at Harvard University.");

    assertThat(mentionTexts(named(entities, "Harvard University"))).contains("Harvard");
  }

  @Test
  void aWordForAPartysMembersStandsForItsPartyUnlessItEndsTheNameOfAnother() {
    DocumentEntities entities =
        entitiesOf(
            "The Republican Dana Reyes met the Liberal Democrat spokesman Tom Hale and the"
                + " Christian Democrat Uwe Brandt.");

    assertThat(named(entities, "Republican Party").type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(entities.entities()).extracting(Entity::name).doesNotContain("Democratic Party");
  }
}
