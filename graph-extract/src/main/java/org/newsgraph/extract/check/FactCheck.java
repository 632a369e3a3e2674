package org.newsgraph.extract.check;

/**
 * One reason a fact that an extractor found may not be what its sentence states. Implementations
 * are stateless and thread-safe.
 */
interface FactCheck {

  /** The check's name, for what it refuses. */
  String name();

  /** Returns whether the sentence states the fact as written and as currently true. */
  boolean admits(FactSentence fact);
}
