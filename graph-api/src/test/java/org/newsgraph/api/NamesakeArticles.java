package org.newsgraph.api;

import java.util.List;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;

/**
 * Hand-built articles about two people of one name, Ottoline Brackwater, each working for another
 * company: for the tests of how namesakes are served. The name is found in no sample article.
 */
public final class NamesakeArticles {

  /** The plain id of the name. */
  public static final String PLAIN = "person/ottoline-brackwater";

  private NamesakeArticles() {}

  /** An article in which Ottoline Brackwater works for a company. */
  public static Extraction working(String id, String company) {
    String text = "Ottoline Brackwater works for " + company + ".";
    Mention person = mention(text, "Ottoline Brackwater");
    Mention employer = mention(text, company);
    Entity ottoline =
        new Entity(EntityType.PERSON, "Ottoline Brackwater", List.of(), List.of(person));
    Entity organisation =
        new Entity(EntityType.ORGANIZATION, company, List.of(), List.of(employer));
    Fact works =
        Fact.between(
            Relation.WORKS_FOR,
            ottoline,
            person,
            organisation,
            employer,
            new Evidence(text, 0, text.length(), "test", 0.9));
    return new Extraction(
        new Article(id, text, null, null, null),
        List.of(ottoline, organisation),
        List.of(works),
        List.of(),
        List.of());
  }

  private static Mention mention(String text, String words) {
    int start = text.indexOf(words);
    return new Mention(words, start, start + words.length());
  }
}
