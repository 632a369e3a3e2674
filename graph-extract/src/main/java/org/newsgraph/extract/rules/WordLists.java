package org.newsgraph.extract.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.extract.ExtractionException;

/**
 * Named lists of words kept as data: a table of a name, a tab and the words separated by commas,
 * lower case ({@code rules/words.tsv} for the extractors, {@code rules/fact-checks.tsv} for the
 * checks). Each file is read once per process. Immutable and thread-safe.
 */
public final class WordLists {

  /** The words the extractors share: verbs of speaking, nouns of organisations, and so on. */
  public static final String WORDS = "rules/words.tsv";

  private static final Map<String, WordLists> LOADED = new ConcurrentHashMap<>();

  private final String source;
  private final Map<String, Set<String>> lists;

  private WordLists(String source, Map<String, Set<String>> lists) {
    this.source = source;
    this.lists = Map.copyOf(lists);
  }

  /**
   * Returns the lists of a file on the class path, read the first time it is asked for.
   *
   * @throws ExtractionException if the file is missing or naming its first malformed line
   */
  public static WordLists load(String resource) {
    return LOADED.computeIfAbsent(resource, r -> parse(r, RuleFile.required(r)));
  }

  /** Returns one list of {@link #WORDS}. */
  public static Set<String> words(String name) {
    return load(WORDS).get(name);
  }

  /** Parses the text of a word-list file; {@code source} names it in errors. */
  public static WordLists parse(String source, String text) {
    Map<String, Set<String>> lists = new HashMap<>();
    for (TableFile.Row row :
        TableFile.parse(source, text, 2, "a name, a tab and words separated by commas")) {
      List<String> written = List.of(row.cell(1).toLowerCase(Locale.ROOT).split(","));
      Set<String> words = Set.copyOf(written);
      if (words.size() != written.size() || words.contains("")) {
        throw row.error("a name, a tab and words separated by commas, each word once");
      }
      if (lists.put(row.cell(0), words) != null) {
        throw new ExtractionException(row.source() + ": list " + row.cell(0) + " again");
      }
    }
    return new WordLists(source, lists);
  }

  /**
   * Returns a list.
   *
   * @throws ExtractionException if the file has no list of that name
   */
  public Set<String> get(String name) {
    Set<String> words = lists.get(name);
    if (words == null) {
      throw new ExtractionException(source + " has no list named \"" + name + "\"");
    }
    return words;
  }
}
