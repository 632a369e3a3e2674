package org.newsgraph.api;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Relation;
import org.newsgraph.core.store.GraphStore;

/**
 * Two hand-built articles that state one fact three times: twice in the first, once each way round
 * (as a symmetric relation may be), and once in the second; for the tests of how facts are listed,
 * confirmed and rejected. Their names are found in no sample article.
 */
public final class FactArticles {

  public static final String FIRST = "facts-first";
  public static final String SECOND = "facts-second";
  public static final String FIRST_TEXT =
      "Vantorq Labs competes with Brisela Systems. Brisela Systems and Vantorq Labs are rivals."
          + " Ilse Marrow heads Vantorq Labs.";
  public static final String SECOND_TEXT = "Vantorq Labs, a rival of Brisela Systems, grew fast.";
  public static final String VANTORQ = "organization/vantorq-labs";
  public static final String BRISELA = "organization/brisela-systems";

  /**
   * An article whose sentences each state one fact between the first two names in it, in the order
   * they appear; a sentence naming Ilse Marrow says she heads Vantorq Labs.
   */
  public static Extraction article(String id, String text, double... confidences) {
    Entity vantorq = Entity.named(EntityType.ORGANIZATION, "Vantorq Labs");
    Entity brisela = Entity.named(EntityType.ORGANIZATION, "Brisela Systems");
    Entity marrow = Entity.named(EntityType.PERSON, "Ilse Marrow");
    List<Fact> facts = new ArrayList<>();
    int start = 0;
    for (double confidence : confidences) {
      int end = text.indexOf('.', start) + 1;
      String sentence = text.substring(start, end);
      Evidence evidence = new Evidence(sentence, start, end, "test", confidence);
      if (sentence.contains("Ilse Marrow")) {
        facts.add(
            Fact.between(
                Relation.HEADS,
                marrow,
                mention(text, "Ilse Marrow", start),
                vantorq,
                mention(text, "Vantorq Labs", start),
                evidence));
      } else {
        boolean vantorqFirst =
            sentence.indexOf("Vantorq Labs") < sentence.indexOf("Brisela Systems");
        Mention v = mention(text, "Vantorq Labs", start);
        Mention b = mention(text, "Brisela Systems", start);
        facts.add(
            vantorqFirst
                ? Fact.between(Relation.COMPETES_WITH, vantorq, v, brisela, b, evidence)
                : Fact.between(Relation.COMPETES_WITH, brisela, b, vantorq, v, evidence));
      }
      start = Math.min(text.length(), end + 1);
    }
    return new Extraction(
        new Article(id, text, "About " + id, null, null),
        List.of(vantorq, brisela, marrow),
        facts,
        List.of(),
        List.of());
  }

  private static Mention mention(String text, String words, int from) {
    int start = text.indexOf(words, from);
    return new Mention(words, start, start + words.length());
  }

  /**
   * Stores the two articles: the first states that Vantorq Labs competes with Brisela Systems twice
   * (confidence 0.8, then the other way round 0.6) and that Ilse Marrow heads Vantorq Labs (0.7);
   * the second states the competition once (0.9).
   */
  public static void store(GraphStore store) {
    store.replaceArticle(article(FIRST, FIRST_TEXT, 0.8, 0.6, 0.7));
    store.replaceArticle(article(SECOND, SECOND_TEXT, 0.9));
  }

  /** Undoes every decision and removes the two articles, as the shared store was before. */
  public static void remove(GraphStore store) {
    store.decisions().forEach(d -> store.undoDecision(d.id()));
    store.deleteArticle(FIRST);
    store.deleteArticle(SECOND);
  }

  private FactArticles() {}
}
