package org.newsgraph.extract.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.extract.ExtractionException;

/**
 * Reads rule files: patterns kept as data, each under the example sentence it must work on.
 *
 * <p>{@code #} starts a comment. A comment that marks words with {@code [[...]]} is an example
 * sentence; each pattern follows its example. A pattern line is a kind ({@code dep}: Semgrex over
 * dependencies, {@code tok}: TokensRegex over tokens), in labelled files a label (such as an entity
 * type), an optional confidence, then the pattern:
 *
 * <pre>
 * # [[Sam Altman]], CEO of {{OpenAI}}, spoke.
 * dep 0.9 {entity:PERSON}=subject &gt;appos ({role:HEAD} &gt;/nmod:of/ {entity:ORGANIZATION}=object)
 * </pre>
 */
public final class RuleFile {

  /** The confidence of a pattern that states none. */
  public static final double DEFAULT_CONFIDENCE = 0.8;

  private RuleFile() {}

  /** Returns the text of a rule file on the class path, if there is one. */
  public static Optional<String> resource(String path) {
    try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * Returns the text of a file on the class path that Newsgraph cannot work without.
   *
   * @throws ExtractionException if it is not there
   */
  public static String required(String path) {
    return resource(path)
        .orElseThrow(() -> new ExtractionException(path + " is missing from the class path"));
  }

  /**
   * Parses the text of a rule file.
   *
   * @param source the file's name, used in {@link RuleLine#source()} and in errors
   * @param labelled whether a label stands between the kind and the pattern
   * @throws ExtractionException naming the line, for a pattern without an example or a malformed
   *     line
   */
  public static List<RuleLine> parse(String source, String text, boolean labelled) {
    List<RuleLine> rules = new ArrayList<>();
    String example = null;
    String[] lines = text.split("\r?\n", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1].strip();
      String where = source + ":" + number;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String comment = line.substring(1).strip();
        if (comment.contains("[[") && comment.contains("]]")) {
          example = comment;
        }
        continue;
      }
      String[] words = line.split("\\s+");
      String kind = words[0];
      if (!kind.equals("dep") && !kind.equals("tok")) {
        throw new ExtractionException(
            where + ": expected a line starting with dep or tok, got \"" + kind + "\"");
      }
      int next = 1;
      String label = null;
      if (labelled) {
        if (words.length <= next) {
          throw new ExtractionException(where + ": the label is missing");
        }
        label = words[next++];
      }
      double confidence = DEFAULT_CONFIDENCE;
      if (words.length > next && words[next].matches("0?\\.\\d+|1(\\.0+)?")) {
        confidence = Double.parseDouble(words[next++]);
      }
      if (words.length <= next) {
        throw new ExtractionException(where + ": the pattern is missing");
      }
      if (example == null) {
        throw new ExtractionException(
            where + ": the pattern has no example sentence above it (a comment marking [[words]])");
      }
      String pattern = line;
      for (int i = 0; i < next; i++) {
        pattern = pattern.substring(pattern.indexOf(words[i]) + words[i].length());
      }
      rules.add(new RuleLine(kind, label, confidence, pattern.strip(), example, where));
    }
    return rules;
  }
}
