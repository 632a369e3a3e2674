package org.newsgraph.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
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

  private static String normalized(CoreLabel token) {
    return token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
  }
}
