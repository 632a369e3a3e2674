package org.newsgraph.extract.event;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import java.util.List;
import org.newsgraph.core.EventType;
import org.newsgraph.core.GraphException;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.Patterns;
import org.newsgraph.extract.rules.RuleFile;
import org.newsgraph.extract.rules.RuleLine;

/**
 * A pattern of {@code rules/events.rules} that finds one type of event: a Semgrex pattern whose
 * node {@code trigger} is the word announcing the event and whose other named nodes are its
 * participants, each named after its role.
 *
 * @param type the type of event found
 * @param line the pattern and its example, the trigger marked {@code [[...]]}
 * @param pattern the compiled pattern
 */
record EventRule(EventType type, RuleLine line, SemgrexPattern pattern) {

  /** Where the rules live on the class path. */
  public static final String RESOURCE = "rules/events.rules";

  public EventRule {
    requireNonNull(type, "type");
    requireNonNull(line, "line");
    requireNonNull(pattern, "pattern");
  }

  /** Returns the rules of {@link #RESOURCE}, compiled. */
  public static List<EventRule> load() {
    return parse("events.rules", RuleFile.required(RESOURCE));
  }

  /**
   * Parses and compiles event rules.
   *
   * @throws ExtractionException naming the line of an unknown event type, a token pattern, a
   *     pattern without a trigger node, or a pattern that does not compile
   */
  public static List<EventRule> parse(String source, String text) {
    return RuleFile.parse(source, text, true).stream()
        .map(
            line -> {
              if (!line.kind().equals("dep")) {
                throw new ExtractionException(line.source() + ": event rules are dep patterns");
              }
              EventType type;
              try {
                type = EventType.fromLabel(line.label());
              } catch (GraphException e) {
                throw new ExtractionException(line.source() + ": " + e.getMessage(), e);
              }
              if (!line.pattern().contains("=trigger")) {
                throw new ExtractionException(
                    line.source() + ": the pattern names no node =trigger");
              }
              return new EventRule(type, line, line.compile(Patterns::dependency));
            })
        .toList();
  }

  @Override
  public String toString() {
    return line.source();
  }
}
