package org.newsgraph.extract.rules;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.extract.ExtractionException;

/**
 * A list of phrases, each with a tag, that marks the tokens of every phrase it finds with that tag
 * (longest phrase first, case ignored).
 *
 * <p>The list is a tab-separated file on the class path: a phrase, a tab, a tag; {@code #} starts a
 * comment. Immutable and thread-safe.
 */
public final class PhraseLexicon {

  private final Class<? extends CoreAnnotation<String>> annotation;
  private final Map<List<String>, String> tags;
  private final int longest;

  private PhraseLexicon(
      Class<? extends CoreAnnotation<String>> annotation, Map<List<String>, String> tags) {
    this.annotation = annotation;
    this.tags = Map.copyOf(tags);
    this.longest = tags.keySet().stream().mapToInt(List::size).max().orElse(0);
  }

  /**
   * Reads a lexicon from the class path.
   *
   * @param resource the file, such as {@code rules/roles.tsv}
   * @param annotation the token annotation to set
   * @throws ExtractionException naming the line of a malformed entry
   */
  public static PhraseLexicon load(
      String resource, Class<? extends CoreAnnotation<String>> annotation) {
    requireNonNull(resource, "resource");
    requireNonNull(annotation, "annotation");
    Map<List<String>, String> tags = new HashMap<>();
    for (TableFile.Row row : TableFile.read(resource, 2, "a phrase, a tab and a tag")) {
      tags.put(words(row.cell(0)), row.cell(1));
    }
    return new PhraseLexicon(annotation, tags);
  }

  /** Returns the tag of a phrase, or {@code null} if the lexicon does not hold it. */
  public String tagOf(String phrase) {
    return tags.get(words(phrase));
  }

  /** Marks the tokens of every phrase of the lexicon found in the sentence's tokens. */
  public void tag(List<CoreLabel> tokens) {
    int i = 0;
    while (i < tokens.size()) {
      int matched = 0;
      for (int length = Math.min(longest, tokens.size() - i);
          length > 0 && matched == 0;
          length--) {
        String[] window = new String[length];
        for (int k = 0; k < length; k++) {
          window[k] = tokens.get(i + k).word().toLowerCase(Locale.ROOT);
        }
        String tag = tags.get(Arrays.asList(window));
        if (tag != null) {
          for (int k = 0; k < length; k++) {
            tokens.get(i + k).set(annotation, tag);
          }
          matched = length;
        }
      }
      i += Math.max(matched, 1);
    }
  }

  private static List<String> words(String phrase) {
    return Arrays.asList(phrase.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }
}
