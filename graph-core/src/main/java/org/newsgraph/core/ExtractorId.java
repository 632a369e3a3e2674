package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One extractor's part in a finding: the extractor's name ({@code rules}, {@code classifier},
 * {@code events}, {@code quotes}) and, where it has one, what in it found the finding (a rule's
 * name, or for an event drawn from a fact, the fact's own extractor). Written {@code name} or
 * {@code name:detail}.
 *
 * @param name the extractor's name: letters, digits and hyphens
 * @param detail the rule or source within the extractor, or {@code null}
 */
public record ExtractorId(String name, String detail) implements Comparable<ExtractorId> {

  private static final Comparator<ExtractorId> ORDER = Comparator.comparing(ExtractorId::toString);

  public ExtractorId {
    requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new GraphException("extractor name '" + name + "' must be letters, digits and hyphens");
    }
    if (detail != null && (detail.isBlank() || detail.contains(Evidence.SEPARATOR))) {
      throw new GraphException(
          "extractor detail '" + detail + "' is blank or holds '" + Evidence.SEPARATOR + "'");
    }
  }

  /** An extractor with no further detail. */
  public static ExtractorId of(String name) {
    return new ExtractorId(name, null);
  }

  /** Reads the written form back: {@code name} or {@code name:detail}. */
  public static ExtractorId parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? of(text.strip())
        : new ExtractorId(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
  }

  /** This extractor's part, as found through another's: {@code events:rules:acquires}. */
  public ExtractorId through(String outer) {
    return new ExtractorId(outer, toString());
  }

  @Override
  public int compareTo(ExtractorId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return detail == null ? name : name + ":" + detail;
  }
}
