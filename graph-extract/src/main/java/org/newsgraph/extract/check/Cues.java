package org.newsgraph.extract.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.RuleFile;

/**
 * The word lists of {@code rules/fact-checks.tsv}, by name, lower case (relation names too).
 * Immutable and thread-safe.
 *
 * @param lists each list's words, lower case
 */
record Cues(Map<String, Set<String>> lists) {

  static final String RESOURCE = "rules/fact-checks.tsv";
  private static final Cues STANDARD = parse(RESOURCE, RuleFile.required(RESOURCE));

  Cues {
    lists = Map.copyOf(lists);
  }

  /** Returns the lists of the class path. */
  static Cues standard() {
    return STANDARD;
  }

  /**
   * Returns a list.
   *
   * @throws ExtractionException if the file has no list of that name
   */
  Set<String> get(String name) {
    Set<String> words = lists.get(name);
    if (words == null) {
      throw new ExtractionException(RESOURCE + " has no list named \"" + name + "\"");
    }
    return words;
  }

  /** Parses the text of a cue file: a name, a tab and comma-separated words a line. */
  static Cues parse(String source, String text) {
    Map<String, Set<String>> lists = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new ExtractionException(
            source + ":" + (i + 1) + ": expected a name, a tab and words, got \"" + line + "\"");
      }
      if (lists.put(parts[0], Set.of(parts[1].toLowerCase(Locale.ROOT).split(","))) != null) {
        throw new ExtractionException(source + ":" + (i + 1) + ": list " + parts[0] + " again");
      }
    }
    return new Cues(lists);
  }
}
