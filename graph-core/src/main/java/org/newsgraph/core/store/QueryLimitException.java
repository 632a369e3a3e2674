package org.newsgraph.core.store;

import org.newsgraph.core.GraphException;

/** Thrown when the store stops a query that ran too long or returned too many results. */
public class QueryLimitException extends GraphException {

  private static final long serialVersionUID = 1L;

  public QueryLimitException(String message) {
    super(message);
  }
}
