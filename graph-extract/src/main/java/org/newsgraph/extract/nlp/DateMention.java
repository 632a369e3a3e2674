package org.newsgraph.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.newsgraph.core.Mention;

/**
 * Words of a sentence that name a calendar date, with the date normalised ({@code 1944-04-10},
 * {@code 2016}).
 *
 * @param value the normalised date
 * @param mention the words
 * @param first the first token, 1-based in its sentence
 * @param last the last token
 */
public record DateMention(String value, Mention mention, int first, int last) {

  /** Returns the dates named in a sentence: runs of date tokens that SUTime normalised alike. */
  public static List<DateMention> in(List<CoreLabel> tokens, String text) {
    List<DateMention> dates = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      CoreLabel token = tokens.get(i);
      String normalized = normalized(token);
      if (!"DATE".equals(token.ner()) || normalized == null) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < tokens.size()
          && "DATE".equals(tokens.get(j + 1).ner())
          && normalized.equals(normalized(tokens.get(j + 1)))) {
        j++;
      }
      Optional<String> value = Dates.fromSuTime(normalized);
      if (value.isPresent()) {
        dates.add(
            new DateMention(
                value.get(),
                Mention.in(text, token.beginPosition(), tokens.get(j).endPosition()),
                token.index(),
                tokens.get(j).index()));
      }
      i = j + 1;
    }
    return dates;
  }

  /** Returns the date whose tokens include the given one, if it names a calendar date. */
  public static Optional<DateMention> around(CoreLabel token, List<CoreLabel> tokens, String text) {
    return in(tokens, text).stream()
        .filter(date -> date.first() <= token.index() && token.index() <= date.last())
        .findFirst();
  }

  /**
   * Returns the spans of years or dates that SUTime reads as one range ("from 2012 to 2018" is
   * {@code 2012/2018}), each as its two ends, both with the words of the whole span.
   */
  public static List<List<DateMention>> rangesIn(List<CoreLabel> tokens, String text) {
    List<List<DateMention>> ranges = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String normalized = normalized(tokens.get(i));
      if (!"DATE".equals(tokens.get(i).ner()) || normalized == null || !normalized.contains("/")) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < tokens.size() && normalized.equals(normalized(tokens.get(j + 1)))) {
        j++;
      }
      String[] ends = normalized.split("/", -1);
      Optional<String> from = ends.length == 2 ? Dates.fromSuTime(ends[0]) : Optional.empty();
      Optional<String> to = ends.length == 2 ? Dates.fromSuTime(ends[1]) : Optional.empty();
      if (from.isPresent() && to.isPresent()) {
        Mention words =
            Mention.in(text, tokens.get(i).beginPosition(), tokens.get(j).endPosition());
        int first = tokens.get(i).index();
        int last = tokens.get(j).index();
        ranges.add(
            List.of(
                new DateMention(from.get(), words, first, last),
                new DateMention(to.get(), words, first, last)));
      }
      i = j + 1;
    }
    return ranges;
  }

  /** Returns the word outside this date that the date's words hang from, or null. */
  public IndexedWord governor(SemanticGraph graph) {
    for (int i = first; i <= last; i++) {
      IndexedWord word = graph.getNodeByIndexSafe(i);
      if (word == null) {
        continue;
      }
      for (SemanticGraphEdge edge : graph.incomingEdgeIterable(word)) {
        int governor = edge.getGovernor().index();
        if (governor < first || governor > last) {
          return edge.getGovernor();
        }
      }
    }
    return null;
  }

  /** Returns the preposition that marks this date ("since" in "since 2019"), lower case, or "". */
  public String preposition(SemanticGraph graph) {
    for (int i = first; i <= last; i++) {
      IndexedWord word = graph.getNodeByIndexSafe(i);
      if (word == null) {
        continue;
      }
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
        IndexedWord marker = edge.getDependent();
        if (edge.getRelation().toString().equals("case")
            && (marker.index() < first || marker.index() > last)) {
          return marker.word().toLowerCase(Locale.ROOT);
        }
      }
    }
    // SUTime may take the preposition into the date ("from 2012 to 2018").
    IndexedWord start = graph.getNodeByIndexSafe(first);
    return start != null && start.tag() != null && start.tag().equals("IN")
        ? start.word().toLowerCase(Locale.ROOT)
        : "";
  }

  private static String normalized(CoreLabel token) {
    return token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
  }
}
