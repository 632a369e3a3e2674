package org.newsgraph.extract;

/**
 * What graph-extract throws when an article cannot be read or extracted. The message names the
 * article, file or line at fault and says what was expected.
 */
public class ExtractionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ExtractionException(String message) {
    super(message);
  }

  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
