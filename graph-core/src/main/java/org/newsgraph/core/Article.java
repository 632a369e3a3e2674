package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.newsgraph.ontology.IriMinter;

/**
 * A news article as it enters Newsgraph: an id, the plain text that every character offset refers
 * to, and optional metadata.
 *
 * @param id the article's id, unique in a store: letters and digits of any script, {@code .},
 *     {@code _}, {@code -} and {@code ~}, at most {@value #MAX_ID_LENGTH} characters, and not
 *     {@code .} or {@code ..}; so it reads the same in its IRI and in a URL path
 * @param text the plain text; not blank
 * @param title the headline, or {@code null}
 * @param url where the article was published, or {@code null}
 * @param published the publication date, against which relative dates are resolved, or {@code null}
 */
public record Article(String id, String text, String title, String url, LocalDate published) {

  /** The longest article id accepted. */
  public static final int MAX_ID_LENGTH = 200;

  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._~-]+");

  /**
   * Returns an id that this record accepts made from any text, such as a file's name: every run of
   * other characters becomes one hyphen.
   */
  public static String idFrom(String text) {
    String id = text.replaceAll("[^\\p{L}\\p{N}._~-]+", "-").replaceAll("^-+|-+$", "");
    id = id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) : id;
    return id.isEmpty() || id.equals(".") || id.equals("..") ? "article" : id;
  }

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
    if (!ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
      throw new GraphException(
          "article id "
              + quoted(id)
              + " may hold only letters, digits, '.', '_', '-' and '~' (and may not be '.' or"
              + " '..')");
    }
    if (text.isBlank()) {
      throw new GraphException("article " + id + ": text is empty");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
      throw new GraphException(
          "article " + id + ": text holds control characters; is it binary data rather than text?");
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
