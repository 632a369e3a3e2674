package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

/**
 * Words of an article that name something, with their place in its text.
 *
 * @param text the words, equal to {@code article.text().substring(start, end)}
 * @param start 0-based character offset where the words begin
 * @param end character offset just after they end
 */
public record Mention(String text, int start, int end) {

  public Mention {
    requireNonNull(text, "text");
    if (start < 0 || end <= start) {
      throw new GraphException("mention \"" + text + "\" has bad offsets " + start + ".." + end);
    }
  }

  /** Returns the mention of {@code text.substring(start, end)}. */
  public static Mention in(String text, int start, int end) {
    return new Mention(text.substring(start, end), start, end);
  }

  /** Returns whether this mention and the other share at least one character. */
  public boolean overlaps(Mention other) {
    return start < other.end && other.start < end;
  }
}
