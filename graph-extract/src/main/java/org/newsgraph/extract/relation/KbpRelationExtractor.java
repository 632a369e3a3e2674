package org.newsgraph.extract.relation;

import edu.stanford.nlp.ie.util.RelationTriple;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.AnnotatedArticle;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Findings;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.nlp.Dates;

/**
 * Stanford CoreNLP's KBP relation annotator as one voice: its TAC KBP slot relations mapped onto
 * the ontology, each side resolved to the article's entities.
 *
 * <p>Stateless and thread-safe.
 */
public final class KbpRelationExtractor implements Extractor {

  /** The name recorded as provenance. */
  public static final String NAME = "corenlp-kbp";

  /** A KBP relation as an ontology relation, with the two sides swapped or not. */
  private record Mapping(Relation relation, boolean swap) {}

  private static final Map<String, Mapping> MAPPINGS =
      Map.ofEntries(
          Map.entry("per:employee_of", new Mapping(Relation.WORKS_FOR, false)),
          Map.entry("per:member_of", new Mapping(Relation.MEMBER_OF, false)),
          Map.entry("org:top_members/employees", new Mapping(Relation.HEADS, true)),
          Map.entry("org:founded_by", new Mapping(Relation.FOUNDED, true)),
          Map.entry("org:date_founded", new Mapping(Relation.FOUNDED_ON, false)),
          Map.entry("org:parents", new Mapping(Relation.SUBSIDIARY_OF, false)),
          Map.entry("org:subsidiaries", new Mapping(Relation.SUBSIDIARY_OF, true)),
          Map.entry("org:city_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry(
              "org:stateorprovince_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry("org:country_of_headquarters", new Mapping(Relation.HEADQUARTERED_IN, false)),
          Map.entry("org:shareholders", new Mapping(Relation.INVESTS_IN, true)),
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
          Map.entry("per:stateorprovinces_of_residence", new Mapping(Relation.RESIDENCE, false)),
          Map.entry("per:countries_of_residence", new Mapping(Relation.RESIDENCE, false)));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("kbp");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    List<Fact> facts = new ArrayList<>();
    for (CoreMap sentence : article.sentences()) {
      List<RelationTriple> triples = sentence.get(CoreAnnotations.KBPTriplesAnnotation.class);
      if (triples == null) {
        continue;
      }
      for (RelationTriple triple : triples) {
        toFact(article, triple).ifPresent(facts::add);
      }
    }
    return Findings.ofFacts(facts);
  }

  private static Optional<Fact> toFact(AnnotatedArticle article, RelationTriple triple) {
    Mapping mapping = MAPPINGS.get(triple.relationGloss());
    if (mapping == null) {
      return Optional.empty();
    }
    List<CoreLabel> subjectTokens = mapping.swap() ? triple.object : triple.subject;
    List<CoreLabel> objectTokens = mapping.swap() ? triple.subject : triple.object;
    Relation relation = mapping.relation();
    Optional<EntityMention> subject = entityOf(article, subjectTokens);
    if (subject.isEmpty() || !relation.subjectTypes().contains(subject.get().entity().type())) {
      return Optional.empty();
    }
    if (relation == Relation.MEMBER_OF && isParty(subject, article, objectTokens)) {
      relation = Relation.POLITICAL_PARTY;
    }
    int sentence = triple.subject.get(0).sentIndex();
    Evidence evidence = article.evidence(sentence, NAME, clamp(triple.confidence));
    Mention subjectMention = subject.get().mention();
    if (relation.isDateValued()) {
      String normalized =
          objectTokens.get(0).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
      Optional<String> date = Dates.fromSuTime(normalized);
      if (date.isEmpty()) {
        return Optional.empty();
      }
      Mention objectMention = span(article, objectTokens);
      return Optional.of(
          Fact.dated(
              relation,
              subject.get().entity(),
              subjectMention,
              date.get(),
              objectMention,
              evidence));
    }
    Optional<EntityMention> object = entityOf(article, objectTokens);
    if (object.isEmpty() || !relation.objectTypes().contains(object.get().entity().type())) {
      return Optional.empty();
    }
    Entity subjectEntity = subject.get().entity();
    Entity objectEntity = object.get().entity();
    if (subjectEntity.equals(objectEntity)) {
      return Optional.empty();
    }
    return Optional.of(
        Fact.between(
            relation,
            subjectEntity,
            subjectMention,
            objectEntity,
            object.get().mention(),
            evidence));
  }

  private static boolean isParty(
      Optional<EntityMention> subject, AnnotatedArticle article, List<CoreLabel> objectTokens) {
    String object = span(article, objectTokens).text();
    return subject.get().entity().type() == EntityType.PERSON
        && (object.matches("(?i).*\\bparty\\b.*")
            || object.matches("(?i)(Democrats|Republicans|Tories)"));
  }

  private static Optional<EntityMention> entityOf(
      AnnotatedArticle article, List<CoreLabel> tokens) {
    Mention span = span(article, tokens);
    return article.entities().at(span.start(), span.end());
  }

  private static Mention span(AnnotatedArticle article, List<CoreLabel> tokens) {
    int start = tokens.get(0).beginPosition();
    int end = tokens.get(tokens.size() - 1).endPosition();
    return Mention.in(article.article().text(), start, end);
  }

  private static double clamp(double confidence) {
    return Math.max(0, Math.min(1, confidence));
  }
}
