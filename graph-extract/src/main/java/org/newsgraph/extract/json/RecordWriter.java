package org.newsgraph.extract.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Event;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Quote;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.core.resolve.EventStorylines;
import org.newsgraph.ontology.IriMinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes extractions as the JSON-lines records that the evaluation scorers read: one line per fact
 * as each pair of mentions in its sentence states it, per event, per quote and per mention of a
 * named entity, {@code kind} saying which (see {@code eval/FORMAT.md}).
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class RecordWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Writer out;
  private final EntityResolver resolver;

  /**
   * @param out where the lines go; the caller closes it
   * @param resolver gives each entity its IRI
   */
  public RecordWriter(Writer out, EntityResolver resolver) {
    this.out = requireNonNull(out, "out");
    this.resolver = requireNonNull(resolver, "resolver");
  }

  /**
   * Writes every fact, event and quote of an extraction that the graph would state ({@link
   * Extraction#stated()}), one line each.
   */
  public void write(Extraction found) {
    Extraction extraction = found.stated();
    String id = extraction.article().id();
    for (Fact fact : extraction.facts()) {
      for (Fact stated : mentionPairs(fact)) {
        line(factRecord(id, stated));
      }
    }
    for (int i = 0; i < extraction.events().size(); i++) {
      line(eventRecord(id, i, extraction.events().get(i)));
    }
    extraction.quotes().forEach(quote -> line(quoteRecord(id, quote)));
    for (Entity entity : extraction.entities()) {
      if (entity.named()) {
        String iri = iri(entity);
        for (Mention mention : entity.mentions()) {
          line(
              new MentionRecord(
                  "mention",
                  id,
                  mention.text(),
                  mention.start(),
                  mention.end(),
                  entity.name(),
                  entity.type().label(),
                  iri));
        }
      }
    }
  }

  /** Flushes what was written to the underlying writer. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(Object record) {
    try {
      out.write(JSON.writeValueAsString(record));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fact once for every pair of mentions of its subject and object inside its sentence ("He and
   * his wife Ann": both "He" and "his" state that he is married to Ann), the mentions the extractor
   * matched first; a symmetric relation both ways.
   */
  private static List<Fact> mentionPairs(Fact fact) {
    List<Mention> subjects =
        within(fact.subject().mentions(), fact.subjectMention(), fact.evidence());
    List<Mention> objects =
        fact.object() == null
            ? List.of(fact.objectMention())
            : within(fact.object().mentions(), fact.objectMention(), fact.evidence());
    List<Fact> facts = new ArrayList<>();
    for (Mention subject : subjects) {
      for (Mention object : objects) {
        if (!subject.overlaps(object)) {
          facts.add(
              new Fact(
                  fact.relation(),
                  fact.subject(),
                  subject,
                  fact.object(),
                  fact.value(),
                  object,
                  fact.evidence(),
                  fact.former(),
                  fact.start(),
                  fact.end()));
          if (fact.relation().isSymmetric()) {
            facts.add(
                Fact.between(
                        fact.relation(),
                        fact.object(),
                        object,
                        fact.subject(),
                        subject,
                        fact.evidence())
                    .withTime(fact.former(), fact.start(), fact.end()));
          }
        }
      }
    }
    return facts;
  }

  private static List<Mention> within(List<Mention> mentions, Mention first, Evidence sentence) {
    List<Mention> inside = new ArrayList<>();
    inside.add(first);
    for (Mention mention : mentions) {
      if (!mention.equals(first)
          && mention.start() >= sentence.sentenceStart()
          && mention.end() <= sentence.sentenceEnd()) {
        inside.add(mention);
      }
    }
    return inside;
  }

  /** The IRI of a named entity, or null for none (a fact's date, an event without a place). */
  private String iri(Entity entity) {
    return entity == null ? null : resolver.resolve(entity).getURI();
  }

  private FactRecord factRecord(String documentId, Fact fact) {
    Entity object = fact.object();
    return new FactRecord(
        "fact",
        documentId,
        fact.relation().localName(),
        fact.subjectMention().text(),
        fact.subjectMention().start(),
        fact.subjectMention().end(),
        fact.subject().name(),
        fact.subject().type().label(),
        iri(fact.subject()),
        fact.objectMention().text(),
        fact.objectMention().start(),
        fact.objectMention().end(),
        object == null ? null : object.name(),
        object == null ? "Date" : object.type().label(),
        iri(object),
        fact.value(),
        fact.evidence().confidence(),
        fact.evidence().sentenceStart(),
        fact.evidence().sentenceEnd(),
        fact.evidence().extractor(),
        fact.former() ? Boolean.TRUE : null,
        fact.start(),
        fact.end());
  }

  /**
   * The event's record. Its {@code eventIri} is the storyline every article that reports the same
   * event shares (by its participants' resolved IRIs, {@link EventStorylines}), else the article's
   * own event IRI, as the store would mint it.
   */
  private EventRecord eventRecord(String documentId, int n, Event event) {
    List<ParticipantRecord> records =
        event.participants().stream()
            .map(p -> new ParticipantRecord(p.entity().name(), iri(p.entity()), p.role()))
            .toList();
    // The storyline from the IRIs just resolved.
    Map<String, String> participants = new LinkedHashMap<>();
    records.forEach(r -> participants.putIfAbsent(r.iri(), r.role()));
    String eventIri =
        EventStorylines.iri(event.type(), event.date(), participants)
            .orElseGet(() -> IriMinter.event(IriMinter.article(documentId), n))
            .getURI();
    return new EventRecord(
        "event",
        documentId,
        event.type().label(),
        event.date(),
        event.place() == null ? null : event.place().name(),
        iri(event.place()),
        records,
        event.trigger().text(),
        event.trigger().start(),
        event.trigger().end(),
        event.evidence().confidence(),
        event.evidence().sentenceStart(),
        event.evidence().sentenceEnd(),
        event.evidence().extractor(),
        event.status() == null ? null : event.status().label(),
        event.amount() == null
            ? null
            : new AmountRecord(
                event.amount().value(), event.amount().currency(), event.amount().text()),
        event.effectiveDate(),
        eventIri);
  }

  private QuoteRecord quoteRecord(String documentId, Quote quote) {
    return new QuoteRecord(
        "quote",
        documentId,
        quote.speaker().name(),
        iri(quote.speaker()),
        quote.text(),
        quote.start(),
        quote.end(),
        quote.evidence().confidence(),
        quote.evidence().extractor());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FactRecord(
      String kind,
      String documentId,
      String relation,
      String subjectText,
      int subjectStart,
      int subjectEnd,
      String subjectLabel,
      String subjectType,
      String subjectIri,
      String objectText,
      int objectStart,
      int objectEnd,
      String objectLabel,
      String objectType,
      String objectIri,
      String objectValue,
      double confidence,
      int sentenceStart,
      int sentenceEnd,
      String extractor,
      Boolean former,
      String start,
      String end) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EventRecord(
      String kind,
      String documentId,
      String eventType,
      String date,
      String placeLabel,
      String placeIri,
      List<ParticipantRecord> participants,
      String triggerText,
      int triggerStart,
      int triggerEnd,
      double confidence,
      int sentenceStart,
      int sentenceEnd,
      String extractor,
      String status,
      AmountRecord amount,
      String effectiveDate,
      String eventIri) {}

  /**
   * A sum as FORMAT.md writes it: {@code {"value": 10000000000, "currency": "USD", "text": ...}}.
   */
  record AmountRecord(BigDecimal value, String currency, String text) {}

  record ParticipantRecord(String label, String iri, String role) {}

  record MentionRecord(
      String kind,
      String documentId,
      String text,
      int start,
      int end,
      String label,
      String type,
      String iri) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record QuoteRecord(
      String kind,
      String documentId,
      String speakerLabel,
      String speakerIri,
      String text,
      int start,
      int end,
      double confidence,
      String extractor) {}
}
