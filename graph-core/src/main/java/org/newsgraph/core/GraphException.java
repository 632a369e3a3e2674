package org.newsgraph.core;

/**
 * What graph-core throws when an article, a fact or a store operation cannot be accepted. The
 * message names the culprit and says what was expected.
 */
public class GraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GraphException(String message) {
    super(message);
  }

  public GraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
