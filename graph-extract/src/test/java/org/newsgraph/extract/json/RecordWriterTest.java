package org.newsgraph.extract.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Amount;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Quote;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.EntityResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordWriterTest {

  private static final String TEXT =
      "Jo Park, who heads Acme, was born in 1980. \u201cHello,\u201d she said.";

  @Test
  void writesFactsAndQuotesAsTheScorersRecords() {
    Article article = Article.of("a1", TEXT);
    Mention jo = Mention.in(TEXT, 0, 7);
    Mention acme = Mention.in(TEXT, 19, 23);
    Mention year = Mention.in(TEXT, 37, 41);
    Entity person = new Entity(EntityType.PERSON, "Jo Park", List.of(), List.of(jo));
    Entity company = new Entity(EntityType.ORGANIZATION, "Acme", List.of(), List.of(acme));
    Evidence evidence = new Evidence(TEXT.substring(0, 42), 0, 42, "test", 0.875);
    Extraction extraction =
        new Extraction(
            article,
            List.of(person, company),
            List.of(
                Fact.between(Relation.HEADS, person, jo, company, acme, evidence),
                Fact.dated(Relation.BIRTH_DATE, person, jo, "1980", year, evidence)),
            List.of(),
            List.of(
                new Quote(
                    "Hello",
                    44,
                    49,
                    person,
                    new Evidence(TEXT.substring(43), 43, TEXT.length(), "test", 0.9))));
    StringWriter out = new StringWriter();

    new RecordWriter(out, EntityResolver.minting()).write(extraction);

    List<JsonNode> all =
        out.toString().lines().map(line -> JsonMapper.shared().readTree(line)).toList();
    List<JsonNode> lines =
        all.stream().filter(line -> !line.get("kind").asString().equals("mention")).toList();
    List<JsonNode> mentions =
        all.stream().filter(line -> line.get("kind").asString().equals("mention")).toList();
    assertThat(lines).hasSize(3);
    assertThat(mentions).hasSize(2);
    assertThat(mentions.get(1).get("text").asString()).isEqualTo("Acme");
    assertThat(mentions.get(1).get("start").asInt()).isEqualTo(19);
    assertThat(mentions.get(1).get("iri").asString()).endsWith("/entity/organization/acme");
    JsonNode heads = lines.get(0);
    assertThat(heads.get("kind").asString()).isEqualTo("fact");
    assertThat(heads.get("relation").asString()).isEqualTo("heads");
    assertThat(heads.get("subjectLabel").asString()).isEqualTo("Jo Park");
    assertThat(heads.get("subjectIri").asString()).endsWith("/entity/person/jo-park");
    assertThat(heads.get("objectStart").asInt()).isEqualTo(19);
    assertThat(heads.get("confidence").asDouble()).isEqualTo(0.875);
    JsonNode born = lines.get(1);
    assertThat(born.get("objectType").asString()).isEqualTo("Date");
    assertThat(born.get("objectValue").asString()).isEqualTo("1980");
    assertThat(born.has("objectLabel")).isFalse();
    JsonNode quote = lines.get(2);
    assertThat(quote.get("kind").asString()).isEqualTo("quote");
    assertThat(quote.get("speakerLabel").asString()).isEqualTo("Jo Park");
    assertThat(quote.get("text").asString()).isEqualTo("Hello");
  }

  @Test
  void writesAnEventsStatusSumAndEffectiveDateAndAFactsTimeAsFormatMdSpellsThem() {
    String text = "Ex-Acme chief Jo Park sold Acme to Bolt for $10bn, to close on June 1, 2026.";
    Article article = Article.of("a2", text);
    Mention jo = Mention.in(text, 14, 21);
    Mention acme = Mention.in(text, 27, 31);
    Mention bolt = Mention.in(text, 35, 39);
    Entity person = new Entity(EntityType.PERSON, "Jo Park", List.of(), List.of(jo));
    Entity company = new Entity(EntityType.ORGANIZATION, "Acme", List.of(), List.of(acme));
    Entity buyer = new Entity(EntityType.ORGANIZATION, "Bolt", List.of(), List.of(bolt));
    Evidence evidence = new Evidence(text, 0, text.length(), "test", 0.9);
    Fact former =
        Fact.between(Relation.HEADS, person, jo, company, Mention.in(text, 3, 7), evidence)
            .withTime(true, "2019", "2025");
    Event sale =
        new Event(
                EventType.ACQUISITION,
                null,
                null,
                List.of(new Participant(buyer, "acquirer"), new Participant(company, "target")),
                Mention.in(text, 22, 26),
                evidence)
            .withStructure(
                EventStatus.ANNOUNCED,
                new Amount(new BigDecimal("10000000000"), "USD", "$10bn"),
                "2026-06-01");
    StringWriter out = new StringWriter();

    new RecordWriter(out, EntityResolver.minting())
        .write(
            new Extraction(
                article,
                List.of(person, company, buyer),
                List.of(former),
                List.of(sale),
                List.of()));

    List<JsonNode> lines =
        out.toString().lines().map(line -> JsonMapper.shared().readTree(line)).toList();
    JsonNode fact =
        lines.stream().filter(l -> l.get("kind").asString().equals("fact")).findFirst().get();
    assertThat(fact.get("former").asBoolean()).isTrue();
    assertThat(fact.get("start").asString()).isEqualTo("2019");
    assertThat(fact.get("end").asString()).isEqualTo("2025");
    JsonNode event =
        lines.stream().filter(l -> l.get("kind").asString().equals("event")).findFirst().get();
    assertThat(event.get("status").asString()).isEqualTo("announced");
    assertThat(event.get("amount").get("value").isIntegralNumber()).isTrue();
    assertThat(event.get("amount").get("value").asLong()).isEqualTo(10_000_000_000L);
    assertThat(event.get("amount").get("currency").asString()).isEqualTo("USD");
    assertThat(event.get("amount").get("text").asString()).isEqualTo("$10bn");
    assertThat(event.get("effectiveDate").asString()).isEqualTo("2026-06-01");
  }

  @Test
  void aCurrentFactAndAnEventWithoutStructureWriteNoneOfTheseFields() {
    Article article = Article.of("a3", TEXT);
    Mention jo = Mention.in(TEXT, 0, 7);
    Mention acme = Mention.in(TEXT, 19, 23);
    Entity person = new Entity(EntityType.PERSON, "Jo Park", List.of(), List.of(jo));
    Entity company = new Entity(EntityType.ORGANIZATION, "Acme", List.of(), List.of(acme));
    Evidence evidence = new Evidence(TEXT.substring(0, 42), 0, 42, "test", 0.875);
    StringWriter out = new StringWriter();

    new RecordWriter(out, EntityResolver.minting())
        .write(
            new Extraction(
                article,
                List.of(person, company),
                List.of(Fact.between(Relation.HEADS, person, jo, company, acme, evidence)),
                List.of(),
                List.of()));

    JsonNode fact = JsonMapper.shared().readTree(out.toString().lines().findFirst().get());
    assertThat(fact.has("former")).isFalse();
    assertThat(fact.has("start")).isFalse();
    assertThat(fact.has("end")).isFalse();
  }

  @Test
  void twoArticlesReportingOneDealShareItsEventIriAndAOneSidedEventHasItsArticlesOwn() {
    String first = "Bolt agreed to buy Acme.";
    String second = "Regulators blocked Bolt's purchase of Acme.";
    String alone = "Bolt struck a deal.";
    StringWriter out = new StringWriter();
    RecordWriter records = new RecordWriter(out, EntityResolver.minting());

    records.write(deal("d1", first, "Bolt", "Acme", "buy"));
    records.write(deal("d2", second, "Bolt", "Acme", "purchase"));
    records.write(deal("d3", first, "Acme", "Bolt", "buy"));
    Mention trigger = Mention.in(alone, 5, 11);
    Entity bolt =
        new Entity(EntityType.ORGANIZATION, "Bolt", List.of(), List.of(Mention.in(alone, 0, 4)));
    records.write(
        new Extraction(
            Article.of("d4", alone),
            List.of(bolt),
            List.of(),
            List.of(
                new Event(
                    EventType.AGREEMENT,
                    null,
                    null,
                    List.of(new Participant(bolt, "party")),
                    trigger,
                    new Evidence(alone, 0, alone.length(), "test", 0.9))),
            List.of()));

    List<String> iris =
        out.toString()
            .lines()
            .map(line -> JsonMapper.shared().readTree(line))
            .filter(l -> l.get("kind").asString().equals("event"))
            .map(l -> l.get("eventIri").asString())
            .toList();
    assertThat(iris).hasSize(4);
    assertThat(iris.get(0))
        .startsWith("https://newsgraph.org/id/storyline/")
        .isEqualTo(iris.get(1));
    assertThat(iris.get(2)).as("the other way round: another deal").isNotEqualTo(iris.get(0));
    assertThat(iris.get(3)).isEqualTo("https://newsgraph.org/id/article/d4/event/0");
  }

  /** An article in which the buyer acquires the target, the trigger a word of its text. */
  private static Extraction deal(
      String id, String text, String buyerName, String targetName, String word) {
    Mention buyerMention =
        Mention.in(text, text.indexOf(buyerName), text.indexOf(buyerName) + buyerName.length());
    Mention targetMention =
        Mention.in(text, text.indexOf(targetName), text.indexOf(targetName) + targetName.length());
    Entity buyer = new Entity(EntityType.ORGANIZATION, buyerName, List.of(), List.of(buyerMention));
    Entity target =
        new Entity(EntityType.ORGANIZATION, targetName, List.of(), List.of(targetMention));
    return new Extraction(
        Article.of(id, text),
        List.of(buyer, target),
        List.of(),
        List.of(
            new Event(
                EventType.ACQUISITION,
                null,
                null,
                List.of(new Participant(buyer, "acquirer"), new Participant(target, "target")),
                Mention.in(text, text.indexOf(word), text.indexOf(word) + word.length()),
                new Evidence(text, 0, text.length(), "test", 0.9))),
        List.of());
  }

  @Test
  void whatIsSaidOfAnUnnamedEntityIsNotWrittenAsTheGraphDoesNotStateIt() {
    String text = "He heads Acme. \u201cWe grow,\u201d he said.";
    Mention he = Mention.in(text, 0, 2);
    Mention acme = Mention.in(text, 9, 13);
    Entity someone = Entity.unnamed(EntityType.PERSON, "he", List.of(he));
    Entity company = new Entity(EntityType.ORGANIZATION, "Acme", List.of(), List.of(acme));
    Evidence evidence = new Evidence(text.substring(0, 14), 0, 14, "test", 0.9);
    Extraction extraction =
        new Extraction(
            Article.of("a3", text),
            List.of(someone, company),
            List.of(Fact.between(Relation.HEADS, someone, he, company, acme, evidence)),
            List.of(),
            List.of(
                new Quote(
                    "We grow",
                    16,
                    23,
                    someone,
                    new Evidence(text.substring(15), 15, text.length(), "test", 0.9))));
    StringWriter out = new StringWriter();

    new RecordWriter(out, EntityResolver.minting()).write(extraction);

    assertThat(out.toString().lines().map(line -> JsonMapper.shared().readTree(line)))
        .extracting(line -> line.get("kind").asString())
        .containsExactly("mention");
  }
}
