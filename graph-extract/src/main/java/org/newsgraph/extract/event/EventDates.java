package org.newsgraph.extract.event;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.nlp.DateMention;
import org.newsgraph.extract.rules.WordLists;

/**
 * When an event happened, from the sentence that tells of it: the date SUTime found that the
 * sentence gives the trigger, relative dates resolved against the publication date; else the day of
 * one of the few sentences before it in its paragraph, as news gives the day once, in the lead.
 * Stateless.
 */
final class EventDates {

  /** How many sentences back an event without a date of its own may take one from. */
  private static final int DATE_REACH = 3;

  private EventDates() {}

  /**
   * The date that the sentence gives the trigger: one attached to the trigger or to a clause that
   * governs it ("said on Monday that it had agreed to buy"), the nearest such clause first. Dates
   * of relative and adverbial clauses belong to other happenings ("Walsh, who had led Corvane since
   * 2016, stepped down on October 29").
   */
  static Optional<String> dateOf(
      SemanticGraph graph, IndexedWord trigger, List<DateMention> dates) {
    List<IndexedWord> frame = new ArrayList<>();
    IndexedWord node = trigger;
    while (node != null && !frame.contains(node)) {
      frame.add(node);
      SemanticGraphEdge up = graph.getIncomingEdgesSorted(node).stream().findFirst().orElse(null);
      if (up == null
          || up.getRelation().toString().matches("acl.*|advcl.*|parataxis|appos|conj.*|dep")) {
        break;
      }
      node = up.getGovernor();
    }
    DateMention best = null;
    int bestRank = Integer.MAX_VALUE;
    for (DateMention date : dates) {
      IndexedWord head = date.governor(graph);
      if (head == null) {
        continue;
      }
      int rank = frame.indexOf(head);
      if (rank < 0 && isBelow(graph, head, trigger)) {
        rank = 0; // "the news conference, held on Tuesday in Boston"
      }
      if (rank < 0 && isDay(date) && !graph.descendants(head).contains(trigger)) {
        // Parsers often hang "at an event in Minneapolis on Tuesday" from a clause in between;
        // a day named beside the trigger is still the event's, unless it dates the clause that
        // governs the trigger ("on Wednesday, a week after Walsh resigned").
        rank = frame.size() + Math.abs(date.first() - trigger.index());
      }
      if (rank >= 0 && rank < bestRank) {
        best = date;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best).map(DateMention::value);
  }

  private static boolean isDay(DateMention date) {
    return isDay(date.value());
  }

  private static boolean isDay(String date) {
    return date.length() == "yyyy-mm-dd".length();
  }

  /** Whether the word depends on the trigger. */
  private static boolean isBelow(SemanticGraph graph, IndexedWord word, IndexedWord trigger) {
    return graph.incomingEdgeList(word).stream().anyMatch(e -> e.getGovernor().equals(trigger));
  }

  /**
   * The day of the nearest of the few sentences before, in the same paragraph, that is dated: news
   * gives the day in its lead ("said on Tuesday that it had agreed to buy...") and not again.
   */
  static String earlierDate(AnnotatedArticle article, int sentence) {
    String text = article.article().text();
    for (int s = sentence - 1; s >= Math.max(0, sentence - DATE_REACH); s--) {
      CoreMap earlier = article.sentences().get(s);
      int end = earlier.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      int next =
          article.sentences().get(s + 1).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      if (text.substring(end, next).contains(article.paragraphBreak())) {
        return null;
      }
      // The date of the sentence's main clause, not one of a clause inside it ("Arvion sued on
      // Tuesday, claiming that Belmark copied a molecule that Arvion patented in 2016").
      SemanticGraph graph = EventExtractor.graph(article, s);
      List<DateMention> dates =
          DateMention.in(earlier.get(CoreAnnotations.TokensAnnotation.class), text);
      if (graph != null && !graph.getRoots().isEmpty() && !dates.isEmpty()) {
        Optional<String> date = dateOf(graph, graph.getFirstRoot(), dates);
        if (date.isPresent()) {
          // Only a day: a year or a month in an earlier sentence dates something else more often
          // than not ("since April 2004", "profit for 2004", "supplies from 2009").
          return isDay(date.get()) ? date.get() : null;
        }
      }
    }
    return null;
  }

  private static final Set<String> TAKING_EFFECT = WordLists.words("taking-effect");
  private static final Set<String> EFFECT_NOUNS = WordLists.words("effect-nouns");
  private static final Set<String> FUTURE = WordLists.words("future");
  private static final Set<String> SUBJECTS = Set.of("nsubj", "nsubj:pass", "nsubj:xsubj");

  /**
   * The date from which the event takes effect, if its sentence gives one: a date on a word of
   * taking effect ("the deal is expected to close on July 1", "the appointment takes effect from 1
   * January") whose subject is the trigger or a noun of a deal or a change, or that the trigger
   * governs ("steps down, effective June 30"); or a date on a trigger in the future ("will step
   * down at the end of June"). A sentence about something else that closes ("shares closed higher
   * on Monday") gives none: its subject is no such noun.
   */
  static Optional<String> effectiveDateOf(
      SemanticGraph graph, IndexedWord trigger, List<DateMention> dates) {
    for (DateMention date : dates) {
      IndexedWord head = date.governor(graph);
      if (head == null) {
        continue;
      }
      if (head.equals(trigger)) {
        boolean future =
            graph.outgoingEdgeList(trigger).stream()
                .anyMatch(
                    e ->
                        e.getRelation().toString().equals("aux")
                            && FUTURE.contains(lower(e.getDependent())));
        if (future) {
          return Optional.of(date.value());
        }
        continue;
      }
      if (!takesEffect(graph, head)) {
        continue;
      }
      boolean onTrigger = graph.getParents(head).contains(trigger);
      boolean ofEvent =
          graph.outgoingEdgeList(head).stream()
              .anyMatch(
                  e ->
                      SUBJECTS.contains(e.getRelation().toString())
                          && (e.getDependent().equals(trigger)
                              || EFFECT_NOUNS.contains(lemma(e.getDependent()))));
      if (onTrigger || ofEvent) {
        return Optional.of(date.value());
      }
    }
    return Optional.empty();
  }

  /** "close", "effective", or "take" with the object "effect". */
  private static boolean takesEffect(SemanticGraph graph, IndexedWord word) {
    if (TAKING_EFFECT.contains(lemma(word))) {
      return true;
    }
    return graph.getChildren(word).stream().anyMatch(c -> lemma(c).equals("effect"));
  }

  private static String lemma(IndexedWord word) {
    return (word.lemma() != null ? word.lemma() : word.word()).toLowerCase(Locale.ROOT);
  }

  private static String lower(IndexedWord word) {
    return word.word().toLowerCase(Locale.ROOT);
  }

  /** The first day (not a month or a year) named in the article's first paragraph. */
  static String leadDay(AnnotatedArticle article) {
    String text = article.article().text();
    int paragraphEnd = text.indexOf(article.paragraphBreak());
    for (CoreMap sentence : article.sentences()) {
      if (paragraphEnd >= 0
          && sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) > paragraphEnd) {
        break;
      }
      for (DateMention date :
          DateMention.in(sentence.get(CoreAnnotations.TokensAnnotation.class), text)) {
        if (isDay(date)) {
          return date.value();
        }
      }
    }
    return null;
  }
}
