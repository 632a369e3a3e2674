package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.core.Fact;
import org.newsgraph.extract.nlp.DateMention;
import org.newsgraph.extract.rules.WordLists;

/**
 * The time of a relation that holds for a time ({@code timed} in the cue file): whether its
 * sentence states it as past ({@link CurrentNotFormer}: "former chief executive", "stepped down
 * as"), and when it began and ended where the sentence says so. A date counts when it hangs on a
 * word that states the relation (the path between the arguments, its top and the clauses that
 * govern it): "since 2019" and "from 2012" start it, "until 2020" and "to 2018" end it, a range
 * ("from 2012 to 2018") does both, a date on a verb of joining starts it ("joined Arvion in 2012",
 * "became president in 2022") and one on a verb of leaving or removal ends it ("stepped down in
 * May").
 *
 * <p>Immutable and thread-safe.
 */
final class FactTimes {

  private static final Set<String> STARTING = Set.of("since", "from");
  private static final Set<String> ENDING = Set.of("until", "till", "to", "through");

  /**
   * How a verb of joining holds the one who joins: "Ana joined", "appointed Ana", "Ana was named".
   */
  private static final Set<String> JOINER =
      Set.of("nsubj", "nsubj:pass", "nsubj:xsubj", "obj", "iobj");

  /** How it reaches what is joined: "joined Arvion", "became president of", "Arvion appointed". */
  private static final Set<String> JOINED =
      Set.of("obj", "iobj", "xcomp", "nsubj", "obl:as", "obl:to", "nmod:poss");

  private final CurrentNotFormer current;
  private final Set<String> eventNouns;
  private final Set<String> timed;
  private final Set<String> joining;
  private final Set<String> leaving;

  FactTimes(WordLists cues) {
    current = new CurrentNotFormer(cues);
    eventNouns = cues.get("event-noun");
    timed = cues.get("timed");
    joining = cues.get("joining");
    Set<String> ends = new HashSet<>(cues.get("leaving"));
    ends.addAll(cues.get("removing"));
    leaving = Set.copyOf(ends);
  }

  /** Returns the fact with the time its sentence gives it (the fact itself if none). */
  Fact timed(FactSentence sentence) {
    Fact fact = sentence.fact();
    if (!timed.contains(fact.relation().localName().toLowerCase(Locale.ROOT))) {
      return fact;
    }
    boolean former = !current.admits(sentence);
    Set<IndexedWord> stating = new HashSet<>(sentence.governing(eventNouns));
    stating.addAll(sentence.path());
    String text = sentence.article().article().text();
    String start = null;
    String end = null;
    for (List<DateMention> range : DateMention.rangesIn(sentence.tokens(), text)) {
      if (stating.contains(range.get(0).governor(sentence.graph()))) {
        start = range.get(0).value();
        end = range.get(1).value();
      }
    }
    List<DateMention> dates = DateMention.in(sentence.tokens(), text);
    for (DateMention date : dates) {
      IndexedWord governor = date.governor(sentence.graph());
      if (governor == null) {
        continue;
      }
      String preposition = date.preposition(sentence.graph());
      if (ENDING.contains(preposition)) {
        // "from 2019 to 2022" read as two dates: the end hangs on the start.
        for (DateMention other : dates) {
          if (other.first() <= governor.index()
              && governor.index() <= other.last()
              && stating.contains(other.governor(sentence.graph()))) {
            end = end == null ? date.value() : end;
          }
        }
      }
      if (!stating.contains(governor)) {
        continue;
      }
      String lemma = FactSentence.lemma(governor);
      if (STARTING.contains(preposition)) {
        start = start == null ? date.value() : start;
      } else if (ENDING.contains(preposition)) {
        end = end == null ? date.value() : end;
      } else if (joining.contains(lemma) && startsTheFact(sentence, governor)) {
        start = start == null ? date.value() : start;
      } else if (leaving.contains(lemma)) {
        end = end == null ? date.value() : end;
      }
    }
    if (!former && start == null && end == null) {
      return fact;
    }
    return fact.withTime(former || ended(end, sentence), start, end);
  }

  /**
   * Whether an end date lies before the article's date ("chief executive from 2010 to 2015"), as
   * DateValue strings of a year, a month or a day compare in their order. In an article without a
   * date an end that the text states is taken as past, as it is in most such texts (encyclopaedic
   * ones).
   */
  private static boolean ended(String end, FactSentence sentence) {
    if (end == null) {
      return false;
    }
    LocalDate published = sentence.article().article().published();
    if (published == null) {
      return true;
    }
    String today = published.toString();
    return end.compareTo(today.substring(0, Math.min(end.length(), today.length()))) < 0;
  }

  /**
   * Whether a verb of joining begins this relation: the verb takes the fact's subject as its own
   * argument, and reaches the fact's object as what is joined or become, or as its own subject
   * ("Tidewater appointed Achebe"). "Joined Kessler Aerospace from Airbus in 2016" starts the work
   * for Kessler Aerospace, not for Airbus; "a week after Walsh resigned", hung on "named Beltrán
   * chief executive on Wednesday", starts nothing of Walsh's; "founded in 2021 by two former Nimbus
   * engineers" starts nothing at Nimbus.
   */
  private static boolean startsTheFact(FactSentence sentence, IndexedWord verb) {
    IndexedWord subject = sentence.subject();
    IndexedWord object = sentence.object();
    if (subject == null || object == null) {
      return false;
    }
    boolean ownArgument =
        sentence.graph().outgoingEdgeList(verb).stream()
            .anyMatch(
                e ->
                    e.getDependent().equals(subject)
                        && JOINER.contains(e.getRelation().toString()));
    List<SemanticGraphEdge> path = sentence.graph().getShortestDirectedPathEdges(verb, object);
    return ownArgument
        && path != null
        && !path.isEmpty()
        && JOINED.contains(path.get(0).getRelation().toString());
  }
}
