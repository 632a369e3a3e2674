package org.newsgraph.core.store;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the passage that a text search shows from an article's text: a few lines around the first
 * place where a word of the search occurs, read as the index reads it (each word whole, the last
 * one possibly the start of a word), the cut made at spaces.
 */
final class Passages {

  /** How many characters the passage holds before the match, at most. */
  static final int BEFORE = 90;

  /** How many characters the passage holds after the match, at most. */
  static final int AFTER = 150;

  private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

  private Passages() {}

  /**
   * Returns the passage of a text around the first occurrence of one of the words.
   *
   * @param words the words of the search, as {@link SearchIndex#words} returns them
   */
  static ArticleHit of(String articleId, double score, String text, List<String> words) {
    int matchStart = -1;
    int matchEnd = -1;
    for (int i = 0; i < words.size(); i++) {
      String ending = i == words.size() - 1 ? WORD_CHAR + "*" : "(?!" + WORD_CHAR + ")";
      Matcher found =
          Pattern.compile(
                  "(?<!" + WORD_CHAR + ")" + Pattern.quote(words.get(i)) + ending,
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(text);
      if (found.find() && (matchStart < 0 || found.start() < matchStart)) {
        matchStart = found.start();
        matchEnd = found.end();
      }
    }
    if (matchStart < 0) {
      int end = cutBefore(text, Math.min(text.length(), BEFORE + AFTER));
      return new ArticleHit(articleId, score, text.substring(0, end), 0, 0, 0);
    }
    int start = cutAfter(text, Math.max(0, matchStart - BEFORE), matchStart);
    int end = cutBefore(text, Math.min(text.length(), matchEnd + AFTER), matchEnd);
    return new ArticleHit(
        articleId, score, text.substring(start, end), start, matchStart, matchEnd);
  }

  /** Moves a start forward to just after a space, unless none comes before the limit. */
  private static int cutAfter(String text, int from, int limit) {
    if (from == 0) {
      return 0;
    }
    for (int i = from; i < limit; i++) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(from)) ? from + 1 : from;
  }

  private static int cutBefore(String text, int to) {
    return cutBefore(text, to, 0);
  }

  /** Moves an end back to a space, unless none comes after the limit. */
  private static int cutBefore(String text, int to, int limit) {
    if (to == text.length()) {
      return to;
    }
    for (int i = to; i > limit; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return to > 0 && Character.isHighSurrogate(text.charAt(to - 1)) ? to - 1 : to;
  }
}
