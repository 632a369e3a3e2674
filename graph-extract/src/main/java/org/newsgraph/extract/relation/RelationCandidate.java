package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.entity.OrganizationKind;
import org.newsgraph.extract.nlp.DateMention;

/**
 * Two things that one sentence mentions and that some relation could join: a subject entity and an
 * object entity, or a subject entity and a date.
 *
 * @param sentence the sentence, 0-based
 * @param subject the subject's mention
 * @param object the object's mention, or {@code null} when the object is a date
 * @param date the date, or {@code null}
 */
public record RelationCandidate(
    int sentence, EntityMention subject, EntityMention object, DateMention date) {

  public RelationCandidate {
    requireNonNull(subject, "subject");
    if ((object == null) == (date == null)) {
      throw new IllegalArgumentException(
          "a candidate has an entity or a date as its object, not both");
    }
  }

  /** Returns the object's words. */
  public Mention objectMention() {
    return object != null ? object.mention() : date.mention();
  }

  /**
   * Returns whether the relation's domain and range admit this pair. A party must not look like
   * some other kind of organisation, nor a school ("Orinoco Health" is neither).
   */
  public boolean fits(Relation relation) {
    if (!relation.subjectTypes().contains(subject.entity().type())) {
      return false;
    }
    if (relation.isDateValued()) {
      return date != null && plausible(relation, null, date.mention());
    }
    return object != null
        && relation.objectTypes().contains(object.entity().type())
        && plausible(relation, object.entity(), null);
  }

  /**
   * Returns whether the object suits the relation beyond its type: a party must not look like some
   * other kind of organisation, nor a school ("Orinoco Health" is neither); a founding or birth
   * date names its year (a date said as "on Tuesday" is the day of the news, not of a founding).
   *
   * @param object the object entity, or {@code null} for a date
   * @param date the words of the date, or {@code null} for an entity
   */
  public static boolean plausible(Relation relation, Entity object, Mention date) {
    if (date != null) {
      boolean hasYear = date.text().matches(".*\\d{4}.*");
      return hasYear || !(relation == Relation.FOUNDED_ON || relation == Relation.BIRTH_DATE);
    }
    String kind = OrganizationKind.of(object.name());
    return switch (relation) {
      case POLITICAL_PARTY -> kind.equals("PARTY") || kind.equals("UNKNOWN");
      case EDUCATED_AT -> kind.equals("SCHOOL") || kind.equals("UNKNOWN");
      case WORKS_FOR, HEADS -> !kind.equals("PARTY");
      default -> true;
    };
  }

  /**
   * Returns the candidates of every sentence of an article: each pair of mentions of two different
   * entities, and each entity mention with each date, in both orders, that some relation admits.
   */
  public static List<RelationCandidate> of(AnnotatedArticle article) {
    List<RelationCandidate> candidates = new ArrayList<>();
    String text = article.article().text();
    for (int s = 0; s < article.sentences().size(); s++) {
      var sentence = article.sentences().get(s);
      int start =
          sentence.get(edu.stanford.nlp.ling.CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end =
          sentence.get(edu.stanford.nlp.ling.CoreAnnotations.CharacterOffsetEndAnnotation.class);
      List<EntityMention> mentions =
          article.entities().mentions().stream()
              .filter(m -> m.mention().start() >= start && m.mention().end() <= end)
              .toList();
      List<DateMention> dates =
          DateMention.in(
              sentence.get(edu.stanford.nlp.ling.CoreAnnotations.TokensAnnotation.class), text);
      for (EntityMention subject : mentions) {
        for (EntityMention object : mentions) {
          if (!subject.entity().equals(object.entity())) {
            add(candidates, new RelationCandidate(s, subject, object, null));
          }
        }
        if (subject.entity().type() == EntityType.PERSON
            || subject.entity().type() == EntityType.ORGANIZATION) {
          for (DateMention date : dates) {
            add(candidates, new RelationCandidate(s, subject, null, date));
          }
        }
      }
    }
    return candidates;
  }

  private static void add(List<RelationCandidate> candidates, RelationCandidate candidate) {
    for (Relation relation : Relation.values()) {
      if (candidate.fits(relation)) {
        candidates.add(candidate);
        return;
      }
    }
  }
}
