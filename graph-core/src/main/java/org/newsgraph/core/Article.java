package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.newsgraph.ontology.IriMinter;

/**
 * A news article as it enters Newsgraph: an id, the plain text that every character offset refers
 * to, and optional metadata.
 *
 * @param id the article's id, unique in a store; not blank, at most {@value #MAX_ID_LENGTH}
 *     characters, without control characters
 * @param text the plain text; not blank
 * @param title the headline, or {@code null}
 * @param url where the article was published, or {@code null}
 * @param published the publication date, against which relative dates are resolved, or {@code null}
 */
public record Article(String id, String text, String title, String url, LocalDate published) {

  /** The longest article id accepted. */
  public static final int MAX_ID_LENGTH = 200;

  public Article {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new GraphException("article id is blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new GraphException(
          "article id is "
              + id.length()
              + " characters long, at most "
              + MAX_ID_LENGTH
              + " allowed");
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw new GraphException("article id " + quoted(id) + " contains a control character");
    }
    if (text.isBlank()) {
      throw new GraphException("article " + id + ": text is empty");
    }
    title = blankToNull(title);
    url = blankToNull(url);
  }

  /** Returns an article with only an id and a text. */
  public static Article of(String id, String text) {
    return new Article(id, text, null, null, null);
  }

  /** Returns the SHA-256 of the text in lower-case hexadecimal. */
  public String contentHash() {
    return IriMinter.sha256(text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String quoted(String id) {
    return '"' + id.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
