package org.newsgraph.core.store;

import org.newsgraph.core.GraphException;

/**
 * Thrown when a store is asked to work while it closes, or closes while it works: the operation did
 * not run, or was stopped, and wrote nothing.
 */
public class StoreClosedException extends GraphException {

  private static final long serialVersionUID = 1L;

  public StoreClosedException(String message) {
    super(message);
  }
}
