package org.newsgraph.extract.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.rules.WordLists;

/**
 * Each check on sentences written for it: the fact its sentence states is admitted, the fact an
 * extractor could wrongly read into a sentence like it is refused. The facts are built by hand, as
 * an extractor would report them, so that each check is tested whatever the extractors find.
 */
class FactChecksTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();
  private static final FactChecks CHECKS = FactChecks.standard();
  private static final String CLASSIFIER = "classifier";

  private static Optional<String> check(
      String text, Relation relation, String subject, String object, String extractor) {
    AnnotatedArticle article = EXTRACTOR.annotate(Article.of("example", text));
    return CHECKS.refusal(article, fact(article, relation, subject, object, extractor));
  }

  /** The fact between two mentions, as an extractor would report it. */
  private static Fact fact(
      AnnotatedArticle article,
      Relation relation,
      String subject,
      String object,
      String extractor) {
    EntityMention s = mention(article, subject);
    EntityMention o = mention(article, object);
    int sentence = article.sentenceAt(Math.max(s.mention().start(), o.mention().start()));
    Evidence evidence = article.evidence(sentence, ExtractorId.parse(extractor), 0.9);
    return Fact.between(relation, s.entity(), s.mention(), o.entity(), o.mention(), evidence);
  }

  /** What the checks say of the classifier's fact between the two names, sentence by sentence. */
  private static void assertEach(
      List<String> texts,
      Relation relation,
      String subject,
      String object,
      Optional<String> refusal) {
    for (String text : texts) {
      assertThat(check(text, relation, subject, object, CLASSIFIER)).as(text).isEqualTo(refusal);
    }
  }

  /** The last mention with exactly these words: examples put the one to test last. */
  private static EntityMention mention(AnnotatedArticle article, String words) {
    EntityMention found = null;
    for (EntityMention m : article.entities().mentions()) {
      if (m.mention().text().equals(words)) {
        found = m;
      }
    }
    assertThat(found)
        .as("a mention \"%s\" among %s", words, article.entities().mentions())
        .isNotNull();
    return found;
  }

  // Pronouns and descriptions

  @Test
  void aPossessiveRefersToANameEarlierInItsSentence() {
    assertThat(
            check(
                "Brightwave Labs said its lawyer, Tom Reed, would appeal.",
                Relation.WORKS_FOR,
                "Tom Reed",
                "its",
                "rules:worksFor.rules:10"))
        .isEmpty();
  }

  @Test
  void aPossessiveWithoutANameInItsSentenceIsRefused() {
    assertThat(
            check(
                "Brightwave Labs makes sensors. Its lawyer, Tom Reed, would appeal.",
                Relation.WORKS_FOR,
                "Tom Reed",
                "Its",
                "rules:worksFor.rules:10"))
        .contains("referring-arguments");
  }

  @Test
  void aPossessiveRefersToADescriptionEarlierInItsSentence() {
    assertThat(
            check(
                "Halvard Bank was fined. The bank's board named its risk officer, Ana Costa, as"
                    + " interim chief executive.",
                Relation.WORKS_FOR,
                "Ana Costa",
                "its",
                "rules:worksFor.rules:10"))
        .isEmpty();
  }

  @Test
  void aPersonalPronounAsItsClausesSubjectStands() {
    assertThat(
            check(
                "Maplewing Airlines flies to 60 cities. It competes with Solvane Air on most routes.",
                Relation.COMPETES_WITH,
                "It",
                "Solvane Air",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void aDescriptionOfSeveralThingsIsRefused() {
    assertThat(
            check(
                "Halvard Steel said it would buy Ostra Metals, making it one of the largest"
                    + " steel firms of its kind in Oslo.",
                Relation.HEADQUARTERED_IN,
                "the largest steel firms",
                "Oslo",
                CLASSIFIER))
        .isPresent();
  }

  // Names

  @Test
  void aTitleOrACountryIsNoOrganisationAndAnHonorificNoPerson() {
    PlausibleNames names = new PlausibleNames(WordLists.load(FactChecks.WORDS));

    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Transportation Secretary")))
        .isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "UK"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Argentina"))).isFalse();
    assertThat(names.plausible(entity(EntityType.PERSON, "Mr"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Halvard Steel"))).isTrue();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "General Motors"))).isTrue();
    assertThat(names.plausible(entity(EntityType.PERSON, "Mr Reed"))).isTrue();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Institute"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Council"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Democrat MP"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Deputy"))).isFalse();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Santa Fe Institute"))).isTrue();
    assertThat(names.plausible(entity(EntityType.ORGANIZATION, "Labour"))).isTrue();
  }

  @Test
  void aPartyIsAPersonsWhenAPostOrAMembershipJoinsThem() {
    assertEach(
        List.of(
            "Green Party councillor Tom Hale said the plan would fail.",
            "Tom Hale, a member of the Green Party, said the plan would fail.",
            "Tom Hale joined the Green Party in 1999."),
        Relation.POLITICAL_PARTY,
        "Tom Hale",
        "Green Party",
        Optional.empty());
    assertEach(
        List.of(
            "The Green Party accused Tom Hale of wasting money.",
            "Tom Hale told Green Party delegates that the plan would fail."),
        Relation.POLITICAL_PARTY,
        "Tom Hale",
        "Green Party",
        Optional.of("relation-words"));
  }

  @Test
  void aPartysMemberIsOfThePartyNotItsEmployee() {
    String text = "Tom Hale, a Green Party councillor in Leeds, said the plan would fail.";

    assertThat(check(text, Relation.WORKS_FOR, "Tom Hale", "Green Party", CLASSIFIER))
        .contains("relation-words");
    assertThat(check(text, Relation.POLITICAL_PARTY, "Tom Hale", "Green Party", CLASSIFIER))
        .isEmpty();
  }

  @Test
  void aRegionIsNoNationality() {
    String text = "Eddie Wong, chief Asian strategist at Ferrow Bank, said shares were cheap.";
    assertThat(check(text, Relation.NATIONALITY, "Eddie Wong", "Asian", CLASSIFIER))
        .contains("plausible-names");
    assertThat(
            check(
                "Eddie Wong, a Malaysian strategist at Ferrow Bank, said shares were cheap.",
                Relation.NATIONALITY,
                "Eddie Wong",
                "Malaysian",
                CLASSIFIER))
        .isEmpty();
  }

  private static Entity entity(EntityType type, String name) {
    return new Entity(type, name, List.of(name), List.of(), true, null);
  }

  // Head offices

  @Test
  void aHeadOfficeIsWhereTheCompanyIsSaidToBeBased() {
    String text = "Kestrel Dynamics, which is based in Denver, opened a factory in Poland.";

    assertThat(check(text, Relation.HEADQUARTERED_IN, "Kestrel Dynamics", "Denver", CLASSIFIER))
        .isEmpty();
    assertThat(check(text, Relation.HEADQUARTERED_IN, "Kestrel Dynamics", "Poland", CLASSIFIER))
        .contains("head-office");
  }

  @Test
  void aWordOfBeingBasedJoinsThePlaceToTheNearestCompany() {
    String text = "Ostra Metals, a steel maker, will buy Kestrel Dynamics, a firm based in Denver.";

    assertThat(check(text, Relation.HEADQUARTERED_IN, "Kestrel Dynamics", "Denver", CLASSIFIER))
        .isEmpty();
    assertThat(check(text, Relation.HEADQUARTERED_IN, "Ostra Metals", "Denver", CLASSIFIER))
        .contains("head-office");
  }

  @Test
  void aPlaceWhereACompanyFilesForBankruptcyIsNoHeadOffice() {
    assertThat(
            check(
                "Ostra Metals filed for bankruptcy protection in Houston on Friday.",
                Relation.HEADQUARTERED_IN,
                "Ostra Metals",
                "Houston",
                CLASSIFIER))
        .contains("head-office");
  }

  @Test
  void aCountryOwningACompanyInTheGenitiveIsNoHeadOffice() {
    assertThat(
            check(
                "Skyvale Airlines flies to Oslo. Rivals copy Norway's Skyvale.",
                Relation.HEADQUARTERED_IN,
                "Skyvale",
                "Norway",
                "rules:headquarteredIn.rules:1"))
        .contains("head-office");
  }

  // Employment

  @Test
  void aPositionAtTheOrganisationMakesAnEmployeeAndTellingItDoesNot() {
    String text = "Lena Holm, an economist at Ferrow Bank, told the Daily Courier that sales fell.";

    assertThat(check(text, Relation.WORKS_FOR, "Lena Holm", "Ferrow Bank", CLASSIFIER)).isEmpty();
    assertThat(check(text, Relation.WORKS_FOR, "Lena Holm", "Daily Courier", CLASSIFIER))
        .contains("employment-cue");
  }

  @Test
  void aPostVerbOfSomeoneElseMakesNoEmployee() {
    assertThat(
            check(
                "With Solvane Energy leading the charge for cheap batteries, Lena Holm sees a need to act.",
                Relation.WORKS_FOR,
                "Lena Holm",
                "Solvane Energy",
                CLASSIFIER))
        .contains("employment-cue");
  }

  @Test
  void aRivalNamedInAModalClauseIsStillARival() {
    assertThat(
            check(
                "Lena Holm said Ostra Metals must cut costs to face a new rival: Halvard Steel.",
                Relation.COMPETES_WITH,
                "Ostra Metals",
                "Halvard Steel",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void aNounSaidOfThePersonAtTheOrganisationMakesAnEmployee() {
    assertThat(
            check(
                "Lena Holm is a senior fellow at Ferrow Bank.",
                Relation.WORKS_FOR,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .isEmpty();
    assertThat(
            check(
                "Lena Holm is a frequent critic of Ferrow Bank.",
                Relation.WORKS_FOR,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .contains("employment-cue");
  }

  @Test
  void aTitleBeforeTheNameMakesAnEmployee() {
    assertThat(
            check(
                "Prices will rise, according to Ferrow Bank deputy governor Lena Holm.",
                Relation.WORKS_FOR,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void anotherPersonsPositionMakesNoEmployee() {
    assertThat(
            check(
                "Ravi Menon, head of research at Ferrow Bank, said Lena Holm had enough money.",
                Relation.HEADS,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .contains("employment-cue");
  }

  @Test
  void theHeadOfADepartmentDoesNotHeadTheCompany() {
    assertThat(
            check(
                "Lena Holm, head of equity research at Ferrow Bank, said shares were cheap.",
                Relation.HEADS,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .contains("employment-cue");
    assertThat(
            check(
                "Lena Holm, head of Ferrow Bank, said shares were cheap.",
                Relation.HEADS,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void anItThatStandsForAClauseRefersToNoCompany() {
    assertThat(
            check(
                "Ferrow Bank raised rates. It is clear that Ferrow Bank owns Ostra Credit.",
                Relation.SUBSIDIARY_OF,
                "It",
                "Ostra Credit",
                CLASSIFIER))
        .contains("referring-arguments");
  }

  @Test
  void theHeadOfADepartmentOrARegionDoesNotHeadTheCompany() {
    List<String> texts =
        List.of(
            "Marco Ferri, head of Distribution and Exhibition at Ostra Credit, said costs fell.",
            "Marco Ferri, the European president of Ostra Credit, said costs fell.",
            "Ostra Credit's Asian boss, Marco Ferri, said costs fell.");
    assertEach(texts, Relation.HEADS, "Marco Ferri", "Ostra Credit", Optional.of("employment-cue"));
    assertEach(texts, Relation.WORKS_FOR, "Marco Ferri", "Ostra Credit", Optional.empty());
    // A nationality is no region: the company's Italian president heads it.
    assertThat(
            check(
                "Marco Ferri, the Italian president of Ostra Credit, said costs fell.",
                Relation.HEADS,
                "Marco Ferri",
                "Ostra Credit",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void aChiefOfficerBelowTheHeadDoesNotHeadTheCompany() {
    assertThat(
            check(
                "Lena Holm, chief financial officer of Ferrow Bank, said costs fell.",
                Relation.HEADS,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .contains("employment-cue");
    assertThat(
            check(
                "Lena Holm, chief financial officer of Ferrow Bank, said costs fell.",
                Relation.WORKS_FOR,
                "Lena Holm",
                "Ferrow Bank",
                CLASSIFIER))
        .isEmpty();
  }

  // Words of the relation

  @Test
  void aChairmanOfAnOrganisationIsOfAPartyOnlyInASentenceAboutPolitics() {
    assertThat(
            check(
                "Ravi Menon, chairman of Ferrow Holdings, said costs fell.",
                Relation.POLITICAL_PARTY,
                "Ravi Menon",
                "Ferrow Holdings",
                "rules:politicalParty.rules:7"))
        .contains("relation-words");
  }

  @Test
  void aParentCompanyIsSaidWithAWordOfOwning() {
    assertThat(
            check(
                "Ostra Credit, a unit of Ferrow Bank, raised rates.",
                Relation.SUBSIDIARY_OF,
                "Ostra Credit",
                "Ferrow Bank",
                CLASSIFIER))
        .isEmpty();
    assertThat(
            check(
                "Ostra Credit came under the scrutiny of Ferrow Bank again.",
                Relation.SUBSIDIARY_OF,
                "Ostra Credit",
                "Ferrow Bank",
                CLASSIFIER))
        .contains("relation-words");
  }

  @Test
  void aResidenceIsSaidWithAWordOfLiving() {
    assertEach(
        List.of(
            "Nadia Okafor grew up in Tirana before she studied law.",
            "Nadia Okafor, a Tirana resident, studied law.",
            "Nadia Okafor moved to Tirana in 2009."),
        Relation.RESIDENCE,
        "Nadia Okafor",
        "Tirana",
        Optional.empty());
    assertEach(
        List.of(
            "Nadia Okafor set up three schools in Tirana.",
            "Nadia Okafor won the Tirana to Durres Marathon in 2009."),
        Relation.RESIDENCE,
        "Nadia Okafor",
        "Tirana",
        Optional.of("relation-words"));
  }

  @Test
  void aSpouseIsSaidWithAWordOfMarriage() {
    assertThat(
            check(
                "Joy Rainey married Tom Ellery in 1990.",
                Relation.SPOUSE,
                "Joy Rainey",
                "Tom Ellery",
                CLASSIFIER))
        .isEmpty();
    assertThat(
            check(
                "Joy Rainey ran the race with her partner, Tom Ellery.",
                Relation.SPOUSE,
                "Joy Rainey",
                "Tom Ellery",
                CLASSIFIER))
        .contains("relation-words");
  }

  @Test
  void theParentCompanyOfAnotherIsNotItsSubsidiary() {
    String text =
        "A spokesman for Ferrow Holdings, parent company of Ostra Credit, said rates rose.";

    assertThat(check(text, Relation.SUBSIDIARY_OF, "Ferrow Holdings", "Ostra Credit", CLASSIFIER))
        .contains("relation-words");
  }

  @Test
  void basingAModelOnFirmsElsewhereIsNoHeadOffice() {
    assertThat(
            check(
                "Skyvale Airlines said it was basing its business model on firms in Norway.",
                Relation.HEADQUARTERED_IN,
                "Skyvale Airlines",
                "Norway",
                CLASSIFIER))
        .contains("head-office");
  }

  // Stated as a fact

  @Test
  void conjoinedArgumentsTakeTheMoodOfTheirClause() {
    assertThat(
            check(
                "Ferrow Bank and Mistral Freight may sign a partnership next week.",
                Relation.PARTNERS_WITH,
                "Ferrow Bank",
                "Mistral Freight",
                "rules:partnersWith.rules:7"))
        .contains("stated-as-fact");
  }

  @Test
  void aPlainAcquisitionIsAFact() {
    assertThat(
            check(
                "Alder Health bought Brightwave Labs in March.",
                Relation.ACQUIRED,
                "Alder Health",
                "Brightwave Labs",
                CLASSIFIER))
        .isEmpty();
  }

  @Test
  void aDeniedPlannedRumouredOrBlockedAcquisitionIsNoFact() {
    assertEach(
        List.of(
            "Alder Health did not buy Brightwave Labs.",
            "Alder Health may buy Brightwave Labs.",
            "Alder Health was tipped to buy Brightwave Labs.",
            "Alder Health agreed to buy Brightwave Labs.",
            "Alder Health is to buy Brightwave Labs.",
            "Regulators blocked Alder Health's purchase of Brightwave Labs."),
        Relation.ACQUIRED,
        "Alder Health",
        "Brightwave Labs",
        Optional.of("stated-as-fact"));
  }

  @Test
  void anAgreedAcquisitionIsNoFactButMakesAnEvent() {
    String text = "Alder Health agreed to buy Brightwave Labs.";
    AnnotatedArticle article = EXTRACTOR.annotate(Article.of("example", text));
    EntityMention alder = mention(article, "Alder Health");
    EntityMention brightwave = mention(article, "Brightwave Labs");
    Fact fact =
        Fact.between(
            Relation.ACQUIRED,
            alder.entity(),
            alder.mention(),
            brightwave.entity(),
            brightwave.mention(),
            article.evidence(0, ExtractorId.parse(CLASSIFIER), 0.9));

    assertThat(CHECKS.refusal(article, fact)).contains("stated-as-fact");
    assertThat(FactChecks.forEvents().refusal(article, fact)).isEmpty();
  }

  @Test
  void anAgreementToEndAnAllianceIsNoPartnership() {
    assertThat(
            check(
                "Ferrow Bank reached an agreement with Mistral Freight to dissolve their alliance.",
                Relation.PARTNERS_WITH,
                "Ferrow Bank",
                "Mistral Freight",
                "rules:partnersWith.rules:13"))
        .contains("stated-as-fact");
    assertThat(
            check(
                "Ferrow Bank reached an agreement with Mistral Freight to finance shipments.",
                Relation.PARTNERS_WITH,
                "Ferrow Bank",
                "Mistral Freight",
                "rules:partnersWith.rules:13"))
        .isEmpty();
  }

  @Test
  void aProductNamedInAClauseOfDisputeIsStillTheCompanys() {
    assertThat(
            check(
                "A court banned Ostra Inc from selling a copy of Halvard Pharma's popular drug Zelmora.",
                Relation.DEVELOPS,
                "Halvard Pharma",
                "Zelmora",
                "rules:develops.rules:25"))
        .isEmpty();
  }

  // Current or former: a past relation is kept, marked past

  private static Fact timed(
      String text, Relation relation, String subject, String object, String extractor) {
    AnnotatedArticle article = EXTRACTOR.annotate(Article.of("example", text));
    Fact fact = fact(article, relation, subject, object, extractor);
    assertThat(CHECKS.refusal(article, fact)).as("refusal of %s", fact).isEmpty();
    return CHECKS.timed(article, fact);
  }

  @Test
  void aFormerChiefIsKeptAsAPastHead() {
    assertThat(
            timed(
                    "Former Kestrel chief executive Tom Ferris spoke at the trial.",
                    Relation.HEADS,
                    "Tom Ferris",
                    "Kestrel",
                    "rules:heads.rules:17")
                .former())
        .isTrue();
    assertThat(
            timed(
                    "Kestrel chief executive Tom Ferris spoke at the trial.",
                    Relation.HEADS,
                    "Tom Ferris",
                    "Kestrel",
                    "rules:heads.rules:17")
                .former())
        .isFalse();
  }

  @Test
  void aFormerPostInAnotherCompanyLeavesTheCurrentOneCurrent() {
    assertThat(
            timed(
                    "Aperture Labs, which is led by the former Google executive Raymond Cho,"
                        + " disagreed.",
                    Relation.HEADS,
                    "Raymond Cho",
                    "Aperture Labs",
                    CLASSIFIER)
                .former())
        .isFalse();
  }

  @Test
  void someoneWhoSteppedDownOrWasOustedHeadedInThePast() {
    Fact stepped =
        timed(
            "Tom Ferris stepped down as chief executive of Kestrel Dynamics in May 2024.",
            Relation.HEADS,
            "Tom Ferris",
            "Kestrel Dynamics",
            CLASSIFIER);
    assertThat(stepped.former()).isTrue();
    assertThat(stepped.end()).isEqualTo("2024-05");
    assertThat(
            timed(
                    "Tom Ferris was ousted as chairman of Kestrel Dynamics in May.",
                    Relation.HEADS,
                    "Tom Ferris",
                    "Kestrel Dynamics",
                    CLASSIFIER)
                .former())
        .isTrue();
    assertThat(
            timed(
                    "Kestrel Dynamics' chief Tom Ferris was fired in January.",
                    Relation.HEADS,
                    "Tom Ferris",
                    "Kestrel Dynamics",
                    "rules:heads.rules:35")
                .former())
        .isTrue();
  }

  @Test
  void aPostHeldSinceAYearStartsThenAndIsCurrent() {
    Fact since =
        timed(
            "Lena Brandt has run Ostmark Freight since 2019.",
            Relation.HEADS,
            "Lena Brandt",
            "Ostmark Freight",
            CLASSIFIER);
    assertThat(since.start()).isEqualTo("2019");
    assertThat(since.end()).isNull();
    assertThat(since.former()).isFalse();
  }
}
