package org.newsgraph.extract.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Quote;
import org.newsgraph.extract.pipeline.ArticleExtractor;

class QuoteExtractorTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  private static List<Quote> quotesOf(String text) {
    return new QuoteExtractor().extract(EXTRACTOR.annotate(Article.of("test", text))).quotes();
  }

  @Test
  void speakersComeFromVerbsOfSpeakingOnEitherSideOfTheQuote() {
    List<Quote> quotes =
        quotesOf(
            "Yara Castell runs the bakery chain Crumbly. \u201cWe bake every loaf at dawn,\u201d"
                + " Castell said. Her partner, Teo Marsh, said: \u201cThe ovens never cool down.\u201d");

    assertThat(quotes)
        .extracting(Quote::text)
        .containsExactly("We bake every loaf at dawn", "The ovens never cool down.");
    assertThat(quotes)
        .extracting(q -> q.speaker().name())
        .containsExactly("Yara Castell", "Teo Marsh");
  }

  @Test
  void aPronounSpeakerIsTheEntityItRefersTo() {
    List<Quote> quotes =
        quotesOf(
            "Ruben Aziz leads Harbour Mills. \"Demand has never been stronger,\" he told reporters.");

    assertThat(quotes)
        .singleElement()
        .satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Ruben Aziz"));
  }

  @Test
  void aQuoteWithoutAttributionContinuesTheSpeakerOfThePreviousOne() {
    List<Quote> quotes =
        quotesOf(
            "\u201cWe are not selling,\u201d said Odile Brun, the owner of Brun Textiles.\n\n"
                + "\u201cThis mill has been in my family for four generations.\u201d");

    assertThat(quotes)
        .hasSize(2)
        .allSatisfy(q -> assertThat(q.speaker().name()).isEqualTo("Odile Brun"));
  }

  @Test
  void namesAndScareQuotesAreNotQuotes() {
    assertThat(quotesOf("The startup calls its chip \"Ember\" and says it is \"green\"."))
        .isEmpty();
  }

  @Test
  void offsetsPointAtTheQuotedWords() {
    String text = "\u201cPrices will fall next year,\u201d said the economist Lena Hart.";

    Quote quote = quotesOf(text).get(0);

    assertThat(text.substring(quote.start(), quote.end())).isEqualTo(quote.text());
    assertThat(quote.speaker().name()).isEqualTo("Lena Hart");
  }

  @Test
  void whoeverIsToldTheQuoteIsNotItsSpeaker() {
    List<Quote> quotes =
        quotesOf(
            "A spokesman for the airline told Reuters: \u201cWe are checking which courts could"
                + " hear the case.\u201d");

    assertThat(quotes).allSatisfy(q -> assertThat(q.speaker().name()).isNotEqualTo("Reuters"));
  }

  @Test
  void theWritersWordsBetweenMarksThatWereLostAreNoQuote() {
    List<Quote> quotes =
        quotesOf(
            "\"We will fight every seat,\" Tom Hale said. \"Mr Hale said the party had raised"
                + " money in Leeds, \"and we will spend it all,\" he added.\n\nAnn Marsh was"
                + " quoted in a local paper saying: \"Leeds is ours.\"");

    assertThat(quotes).extracting(Quote::text).contains("We will fight every seat");
    assertThat(quotes)
        .extracting(Quote::text)
        .noneMatch(text -> text.startsWith("Mr Hale said") || text.endsWith("saying:"));
  }

  @Test
  void wordsThatNameThePersonTheyWouldBeGivenToAreNotTheirs() {
    String text =
        "\"We ran the race of our lives,\" Dara Quinlan said. \"Quinlan was part of the relay team"
            + " that won gold in Athens.\"\n\nRival coach Joe Ferris told reporters: \"I feel a bit"
            + " for Dara Quinlan after that.\"";

    assertThat(quotesOf(text))
        .extracting(quote -> quote.speaker().name() + ": " + quote.text())
        .contains("Dara Quinlan: We ran the race of our lives")
        .noneMatch(said -> said.startsWith("Dara Quinlan: Quinlan was part"))
        .noneMatch(said -> said.startsWith("Dara Quinlan: I feel"));
  }

  @Test
  void aSpeakerMayCiteSomeoneNamedInAClauseOfTheirOwn() {
    assertThat(quotesOf("\"As Tom Hale said last year, we will win in Leeds,\" Ann Marsh said."))
        .singleElement()
        .satisfies(quote -> assertThat(quote.speaker().name()).isEqualTo("Ann Marsh"));
  }

  @Test
  void aQuoteAfterSomeoneElseIsNamedIsNotGivenToTheLastSpeaker() {
    String first = "\"We will win every seat,\" Tom Hale said.";

    assertThat(quotesOf(first + " \"The numbers are with us in Leeds.\""))
        .extracting(quote -> quote.speaker().name())
        .containsExactly("Tom Hale", "Tom Hale");
    assertThat(
            quotesOf(
                first
                    + " Ann Marsh, his rival, was not convinced."
                    + " \"The numbers are simply not there.\""))
        .extracting(Quote::text)
        .containsExactly("We will win every seat");
  }
}
