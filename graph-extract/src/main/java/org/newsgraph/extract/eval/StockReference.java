package org.newsgraph.extract.eval;

import edu.stanford.nlp.ie.util.RelationTriple;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.core.Article;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.nlp.Dates;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What stock CoreNLP finds, as the reference row of an evaluation: the KBP annotator's relations
 * mapped onto the ontology, with the spans and canonical mentions CoreNLP gives them, and the quote
 * annotator's quotes with their canonical speakers. Nothing of Newsgraph's own is added. Stateless
 * and thread-safe.
 */
public final class StockReference {

  /** The name recorded as the extractor. */
  public static final String NAME = "stock-corenlp-kbp";

  /** A KBP relation as an ontology relation, with the two sides swapped or not. */
  private record Mapping(Relation relation, boolean swap) {}

  private static final Map<String, Mapping> MAPPINGS =
      Map.ofEntries(
          Map.entry("per:employee_or_member_of", new Mapping(Relation.WORKS_FOR, false)),
          Map.entry("org:top_members_employees", new Mapping(Relation.HEADS, true)),
          Map.entry("org:founded_by", new Mapping(Relation.FOUNDED, true)),
          Map.entry("org:date_founded", new Mapping(Relation.FOUNDED_ON, false)),
          Map.entry("org:parents", new Mapping(Relation.SUBSIDIARY_OF, false)),
          Map.entry("org:subsidiaries", new Mapping(Relation.SUBSIDIARY_OF, true)),
          Map.entry("org:city_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry(
              "org:stateorprovince_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry("org:country_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry("org:shareholders", new Mapping(Relation.INVESTS_IN, true)),
          Map.entry(
              "org:political/religious_affiliation", new Mapping(Relation.POLITICAL_PARTY, false)),
          Map.entry("per:schools_attended", new Mapping(Relation.EDUCATED_AT, false)),
          Map.entry("per:spouse", new Mapping(Relation.SPOUSE, false)),
          Map.entry("per:children", new Mapping(Relation.CHILD_OF, true)),
          Map.entry("per:parents", new Mapping(Relation.CHILD_OF, false)),
          Map.entry("per:date_of_birth", new Mapping(Relation.BIRTH_DATE, false)),
          Map.entry("per:city_of_birth", new Mapping(Relation.BIRTH_PLACE, false)),
          Map.entry("per:stateorprovince_of_birth", new Mapping(Relation.BIRTH_PLACE, false)),
          Map.entry("per:country_of_birth", new Mapping(Relation.BIRTH_PLACE, false)),
          Map.entry("per:date_of_death", new Mapping(Relation.DEATH_DATE, false)),
          Map.entry("per:origin", new Mapping(Relation.NATIONALITY, false)),
          Map.entry("per:cities_of_residence", new Mapping(Relation.RESIDENCE, false)),
          Map.entry("per:statesorprovinces_of_residence", new Mapping(Relation.RESIDENCE, false)),
          Map.entry("per:countries_of_residence", new Mapping(Relation.RESIDENCE, false)));

  private StockReference() {}

  /** Returns the evaluation records of what stock CoreNLP found in an annotated article. */
  public static List<ObjectNode> records(Article article, CoreDocument document) {
    List<ObjectNode> records = new ArrayList<>();
    for (CoreMap sentence : document.annotation().get(CoreAnnotations.SentencesAnnotation.class)) {
      List<RelationTriple> triples = sentence.get(CoreAnnotations.KBPTriplesAnnotation.class);
      if (triples != null) {
        for (RelationTriple triple : triples) {
          fact(article, sentence, triple).ifPresent(records::add);
        }
      }
    }
    if (document.quotes() != null) {
      for (CoreQuote quote : document.quotes()) {
        Optional<String> speaker = quote.canonicalSpeaker().or(quote::speaker);
        if (speaker.isPresent()) {
          ObjectNode record = JsonNodeFactory.instance.objectNode();
          record
              .put("kind", "quote")
              .put("documentId", article.id())
              .put("speakerLabel", speaker.get());
          record.put("text", quote.text()).put("start", quote.quoteCharOffsets().first);
          record.put("end", quote.quoteCharOffsets().second).put("extractor", NAME);
          records.add(record);
        }
      }
    }
    return records;
  }

  private static Optional<ObjectNode> fact(
      Article article, CoreMap sentence, RelationTriple triple) {
    Mapping mapping = MAPPINGS.get(triple.relationGloss());
    if (mapping == null) {
      return Optional.empty();
    }
    List<CoreLabel> subject = mapping.swap() ? triple.object : triple.subject;
    List<CoreLabel> object = mapping.swap() ? triple.subject : triple.object;
    List<CoreLabel> canonicalSubject =
        mapping.swap() ? triple.canonicalObject : triple.canonicalSubject;
    List<CoreLabel> canonicalObject =
        mapping.swap() ? triple.canonicalSubject : triple.canonicalObject;
    String text = article.text();
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record
        .put("kind", "fact")
        .put("documentId", article.id())
        .put("relation", mapping.relation().localName());
    side(record, "subject", text, subject, canonicalSubject);
    if (mapping.relation().isDateValued()) {
      Optional<String> date =
          Dates.fromSuTime(
              object.get(0).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
      if (date.isEmpty()) {
        return Optional.empty();
      }
      side(record, "object", text, object, null);
      record.remove("objectLabel");
      record.put("objectValue", date.get()).put("objectType", "Date");
    } else {
      side(record, "object", text, object, canonicalObject);
    }
    record.put("confidence", Math.max(0, Math.min(1, triple.confidence)));
    record.put("sentenceStart", sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
    record.put("sentenceEnd", sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
    record.put("extractor", NAME);
    return Optional.of(record);
  }

  private static void side(
      ObjectNode record,
      String side,
      String text,
      List<CoreLabel> tokens,
      List<CoreLabel> canonical) {
    int start = tokens.get(0).beginPosition();
    int end = tokens.get(tokens.size() - 1).endPosition();
    record
        .put(side + "Text", text.substring(start, end))
        .put(side + "Start", start)
        .put(side + "End", end);
    List<CoreLabel> label = canonical == null || canonical.isEmpty() ? tokens : canonical;
    record.put(
        side + "Label",
        text.substring(label.get(0).beginPosition(), label.get(label.size() - 1).endPosition()));
  }
}
