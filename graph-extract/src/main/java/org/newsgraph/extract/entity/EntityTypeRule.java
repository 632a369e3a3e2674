package org.newsgraph.extract.entity;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.util.List;
import org.newsgraph.core.EntityType;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.Patterns;
import org.newsgraph.extract.rules.RuleFile;
import org.newsgraph.extract.rules.RuleLine;

/**
 * Evidence that a name is of some type, as a token pattern of {@code rules/entity-types.rules}
 * whose group {@code $name} captures the name ("rival: DeepSeek", "CEO of OpenAI").
 *
 * @param type the type the evidence points to
 * @param line the pattern and its example
 * @param pattern the compiled pattern
 */
record EntityTypeRule(EntityType type, RuleLine line, TokenSequencePattern pattern) {

  /** Where the rules live on the class path. */
  public static final String RESOURCE = "rules/entity-types.rules";

  public EntityTypeRule {
    requireNonNull(type, "type");
    requireNonNull(line, "line");
    requireNonNull(pattern, "pattern");
  }

  /** Returns the rules of {@link #RESOURCE}, compiled. */
  public static List<EntityTypeRule> load() {
    return parse("entity-types.rules", RuleFile.required(RESOURCE));
  }

  /**
   * Parses and compiles entity-type rules.
   *
   * @throws ExtractionException naming the line of an unknown type or a pattern that does not
   *     compile
   */
  public static List<EntityTypeRule> parse(String source, String text) {
    return RuleFile.parse(source, text, true).stream()
        .map(
            line -> {
              if (!line.kind().equals("tok")) {
                throw new ExtractionException(
                    line.source() + ": entity-type rules are tok patterns");
              }
              EntityType type;
              try {
                type = EntityType.valueOf(line.label());
              } catch (IllegalArgumentException e) {
                throw new ExtractionException(
                    line.source() + ": unknown entity type \"" + line.label() + "\"", e);
              }
              return new EntityTypeRule(type, line, line.compile(Patterns::tokens));
            })
        .toList();
  }

  @Override
  public String toString() {
    return line.source();
  }
}
