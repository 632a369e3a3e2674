package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

/**
 * An article whose text a search found, with the passage around the first match. Offsets count the
 * characters (UTF-16 code units) of the article's text, as every offset in the graph does.
 *
 * @param articleId the article's id
 * @param score how well it matched; higher is better, comparable within one search only
 * @param passage a short stretch of the text around the match, as it is in the text
 * @param start where the passage begins in the text
 * @param matchStart where the match begins in the text; equal to {@code matchEnd} when no word of
 *     the search could be placed in the text (the index and the passage read words differently)
 * @param matchEnd just after the match ends
 */
public record ArticleHit(
    String articleId, double score, String passage, int start, int matchStart, int matchEnd) {

  public ArticleHit {
    requireNonNull(articleId, "articleId");
    requireNonNull(passage, "passage");
    if (start < 0 || matchStart < start || matchEnd < matchStart) {
      throw new IllegalArgumentException(
          "offsets out of order: start %d, match %d to %d".formatted(start, matchStart, matchEnd));
    }
    if (matchEnd > start + passage.length()) {
      throw new IllegalArgumentException(
          "the match ends at %d, after the passage (%d to %d)"
              .formatted(matchEnd, start, start + passage.length()));
    }
  }
}
