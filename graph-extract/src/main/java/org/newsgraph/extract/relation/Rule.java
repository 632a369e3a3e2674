package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.RuleFile;
import org.newsgraph.extract.rules.RuleLine;

/**
 * A pattern that finds one relation: a line of the relation's rule file, {@code
 * rules/<relation>.rules}. Dependency patterns name their nodes {@code subject} and {@code object};
 * token patterns capture the groups {@code $subject} and {@code $object}. The example above the
 * pattern marks the subject {@code [[...]]} and the object <code>{{...}}</code>.
 *
 * @param relation the relation the pattern finds
 * @param line the pattern and its example
 */
record Rule(Relation relation, RuleLine line) {

  public Rule {
    requireNonNull(relation, "relation");
    requireNonNull(line, "line");
    if (line.secondMarked() == null) {
      throw new ExtractionException(line.source() + ": the example marks no object with {{...}}");
    }
  }

  /** Returns the rules of every relation that has a rule file on the class path. */
  public static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    for (Relation relation : Relation.values()) {
      String name = relation.localName() + ".rules";
      RuleFile.resource("rules/" + name)
          .ifPresent(text -> rules.addAll(parse(relation, name, text)));
    }
    return rules;
  }

  /** Parses the text of one relation's rule file. */
  public static List<Rule> parse(Relation relation, String source, String text) {
    return RuleFile.parse(source, text, false).stream()
        .map(line -> new Rule(relation, line))
        .toList();
  }

  /** Returns whether the pattern matches dependency graphs rather than token sequences. */
  public boolean isDependency() {
    return line.kind().equals("dep");
  }

  @Override
  public String toString() {
    return line.source();
  }
}
