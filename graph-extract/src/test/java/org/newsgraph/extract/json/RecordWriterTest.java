package org.newsgraph.extract.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
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
}
