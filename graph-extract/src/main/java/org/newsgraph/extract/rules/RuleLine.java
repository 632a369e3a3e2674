package org.newsgraph.extract.rules;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.newsgraph.extract.ExtractionException;

/**
 * One pattern line of a rule file, with the example sentence written above it.
 *
 * @param kind {@code dep} for a Semgrex pattern over dependencies, {@code tok} for a TokensRegex
 *     pattern over tokens
 * @param label the word between the kind and the pattern in files that name what each pattern finds
 *     (an entity type, an event type), or {@code null}
 * @param confidence the confidence of what the pattern finds, 0 to 1
 * @param pattern the pattern
 * @param example the example sentence, with what the pattern must find marked {@code [[...]]} (and
 *     in relation files the object <code>{{...}}</code>)
 * @param source the file and line, as {@code heads.rules:12}
 */
public record RuleLine(
    String kind, String label, double confidence, String pattern, String example, String source) {

  public RuleLine {
    requireNonNull(kind, "kind");
    requireNonNull(pattern, "pattern");
    requireNonNull(example, "example");
    requireNonNull(source, "source");
  }

  /** Returns the example sentence without its markers. */
  public String exampleText() {
    return example.replace("[[", "").replace("]]", "").replace("{{", "").replace("}}", "");
  }

  /** Returns the words the example marks with {@code [[...]]}. */
  public String firstMarked() {
    return between("[[", "]]");
  }

  /** Returns the words the example marks with <code>{{...}}</code>, or {@code null}. */
  public String secondMarked() {
    return example.contains("{{") ? between("{{", "}}") : null;
  }

  /**
   * Compiles the pattern.
   *
   * @throws ExtractionException naming this line, if the pattern does not compile
   */
  public <T> T compile(Function<String, T> compiler) {
    try {
      return compiler.apply(pattern);
    } catch (RuntimeException e) {
      throw new ExtractionException(
          source + ": the pattern does not compile: " + e.getMessage(), e);
    }
  }

  private String between(String open, String close) {
    int start = example.indexOf(open);
    int end = example.indexOf(close, start + open.length());
    return example.substring(start + open.length(), end);
  }
}
