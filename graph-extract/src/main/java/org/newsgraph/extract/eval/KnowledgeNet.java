package org.newsgraph.extract.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gold annotations of a KnowledgeNet file (Mesquita et al., EMNLP 2019; data CC BY-SA 4.0): for
 * each document its fold and its annotated passages, each with the relations it was annotated for
 * exhaustively and the facts it states, turned into the ontology's relations and directions.
 */
final class KnowledgeNet {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** KnowledgeNet's relations as the ontology's, with the two sides swapped or not. */
  private record Mapping(Relation relation, boolean swap) {}

  private static final Map<String, Mapping> RELATIONS =
      Map.ofEntries(
          Map.entry("CEO", new Mapping(Relation.HEADS, true)),
          Map.entry("FOUNDED_BY", new Mapping(Relation.FOUNDED, true)),
          Map.entry("EMPLOYEE_OR_MEMBER_OF", new Mapping(Relation.WORKS_FOR, false)),
          Map.entry("SUBSIDIARY_OF", new Mapping(Relation.SUBSIDIARY_OF, false)),
          Map.entry("HEADQUARTERS", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry("DATE_FOUNDED", new Mapping(Relation.FOUNDED_ON, false)),
          Map.entry("DATE_OF_BIRTH", new Mapping(Relation.BIRTH_DATE, false)),
          Map.entry("DATE_OF_DEATH", new Mapping(Relation.DEATH_DATE, false)),
          Map.entry("PLACE_OF_BIRTH", new Mapping(Relation.BIRTH_PLACE, false)),
          Map.entry("PLACE_OF_RESIDENCE", new Mapping(Relation.RESIDENCE, false)),
          Map.entry("NATIONALITY", new Mapping(Relation.NATIONALITY, false)),
          Map.entry("EDUCATED_AT", new Mapping(Relation.EDUCATED_AT, false)),
          Map.entry("SPOUSE", new Mapping(Relation.SPOUSE, false)),
          Map.entry("CHILD_OF", new Mapping(Relation.CHILD_OF, false)),
          Map.entry("POLITICAL_AFFILIATION", new Mapping(Relation.POLITICAL_PARTY, false)));

  /** A fact of a passage, in the ontology's direction. */
  public record Fact(Relation relation, Mention subject, Mention object) {}

  /** An annotated passage: one sentence, the relations annotated in it, the facts it states. */
  public record Passage(int start, int end, Set<Relation> annotated, List<Fact> facts) {

    /** Returns whether both mentions lie inside the passage. */
    public boolean holds(Mention subject, Mention object) {
      return start <= Math.min(subject.start(), object.start())
          && Math.max(subject.end(), object.end()) <= end;
    }
  }

  /** A document: its fold and its passages. */
  public record Document(String id, int fold, List<Passage> passages) {}

  private final Map<String, Document> documents;

  private KnowledgeNet(Map<String, Document> documents) {
    this.documents = documents;
  }

  /** Reads a KnowledgeNet JSON-lines file. */
  public static KnowledgeNet read(Path file) {
    Map<String, Document> documents = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> propertyNames = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode document = JSON.readTree(line);
      String text = document.get("documentText").asString();
      List<Passage> passages = new ArrayList<>();
      for (JsonNode passage : document.get("passages")) {
        Set<Relation> annotated = EnumSet.noneOf(Relation.class);
        for (JsonNode property : passage.get("exhaustivelyAnnotatedProperties")) {
          propertyNames.put(
              property.get("propertyId").asString(), property.get("propertyName").asString());
          Mapping mapping = RELATIONS.get(property.get("propertyName").asString());
          if (mapping != null) {
            annotated.add(mapping.relation());
          }
        }
        List<Fact> facts = new ArrayList<>();
        for (JsonNode fact : passage.get("facts")) {
          Mapping mapping = RELATIONS.get(propertyNames.get(fact.get("propertyId").asString()));
          if (mapping == null) {
            continue;
          }
          Mention subject =
              Mention.in(text, fact.get("subjectStart").asInt(), fact.get("subjectEnd").asInt());
          Mention object =
              Mention.in(text, fact.get("objectStart").asInt(), fact.get("objectEnd").asInt());
          facts.add(
              mapping.swap()
                  ? new Fact(mapping.relation(), object, subject)
                  : new Fact(mapping.relation(), subject, object));
        }
        passages.add(
            new Passage(
                passage.get("passageStart").asInt(),
                passage.get("passageEnd").asInt(),
                annotated,
                facts));
      }
      String id = document.get("documentId").asString();
      documents.put(id, new Document(id, document.path("fold").asInt(0), List.copyOf(passages)));
    }
    return new KnowledgeNet(documents);
  }

  /** Returns the document with this id, if the file has it. */
  public Document document(String id) {
    return documents.get(id);
  }

  /** Returns the folds the documents belong to. */
  public Set<Integer> folds() {
    Set<Integer> folds = new java.util.TreeSet<>();
    documents.values().forEach(d -> folds.add(d.fold()));
    return folds;
  }
}
