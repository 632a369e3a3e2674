package org.newsgraph.core.store;

import org.newsgraph.core.GraphException;

/**
 * Thrown when a SPARQL query or update asks for something the store does not do for its callers:
 * calling another endpoint ({@code SERVICE}, {@code LOAD}) that is not allowed, or a function that
 * could run code or work without bound. Nothing has run when it is thrown before execution; when it
 * is thrown during execution, nothing has left the machine.
 */
public class QueryRefusedException extends GraphException {

  private static final long serialVersionUID = 1L;

  public QueryRefusedException(String message) {
    super(message);
  }
}
