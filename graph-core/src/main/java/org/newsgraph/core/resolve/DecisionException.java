package org.newsgraph.core.resolve;

import org.newsgraph.core.GraphException;

/** An analyst's decision that cannot be made: nothing was changed. */
public final class DecisionException extends GraphException {

  /** Why the decision was refused. */
  public enum Reason {
    /** An entity it names is not in the graph. */
    UNKNOWN_ENTITY,
    /** No stored article states the fact it is about. */
    UNKNOWN_FACT,
    /**
     * It contradicts what the graph knows (a person merged into a company, an entity into itself).
     */
    CONFLICT
  }

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public DecisionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns why the decision was refused. */
  public Reason reason() {
    return reason;
  }
}
