package org.newsgraph.core.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one running query may still spend: time, and characters built by its functions. It rides in
 * the query's execution context, where the bounded expressions of {@link BoundedExpressions} find
 * it. ARQ's own timeout stops a query between rows; this stops it inside a long regular expression
 * or before a value outgrows the heap. Thread-safe.
 */
final class QueryBudget {

  /** Where the budget is kept in an execution context. */
  static final Symbol SYMBOL = Symbol.create("https://newsgraph.org/ontology#queryBudget");

  /** How many characters a regular expression reads between two looks at the clock. */
  private static final int CHECK_EVERY = 1024;

  private final QueryLimits limits;
  private final long deadline;
  private final AtomicLong built = new AtomicLong();

  QueryBudget(QueryLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeout().toNanos();
  }

  /** Returns the budget of the query that is evaluating in this environment, if it has one. */
  static QueryBudget of(FunctionEnv env) {
    Context context = env == null ? null : env.getContext();
    return context == null ? null : (QueryBudget) context.get(SYMBOL);
  }

  /**
   * Counts a value a function built against the limits.
   *
   * @return the value
   * @throws Exceeded if it is too long, or the query has built too much
   */
  NodeValue charge(NodeValue value) {
    if (value.isInteger()) {
      charge(value.getInteger().bitLength());
    } else if (value.asNode().isLiteral()) {
      charge(value.asNode().getLiteralLexicalForm().length());
    } else if (value.asNode().isURI()) {
      charge(value.asNode().getURI().length());
    }
    return value;
  }

  /**
   * Counts the characters of a value a function built against the limits.
   *
   * @throws Exceeded if the value is too long, or the query has built too much
   */
  void charge(long size) {
    requireLength(size);
    count(size);
  }

  /**
   * Checks that a value being built is not too long.
   *
   * @throws Exceeded if it is
   */
  void requireLength(long length) {
    if (length > limits.maxValueLength()) {
      throw new Exceeded(
          "the query builds a value longer than "
              + limits.maxValueLength()
              + " characters, the most a query may build; build smaller values");
    }
  }

  /**
   * Counts characters built against what the query may build in all.
   *
   * @throws Exceeded if the query has built too much
   */
  void count(long added) {
    if (built.addAndGet(added) > limits.maxBuiltCharacters()) {
      throw new Exceeded(
          "the query builds more than "
              + limits.maxBuiltCharacters()
              + " characters in all, the most a query may build; narrow it down");
    }
  }

  /**
   * Returns the text as a character sequence that stops the query, by throwing {@link
   * QueryCancelledException}, when it is cancelled or out of time while a regular expression reads
   * it: Java's regular expressions look at nothing else while they backtrack.
   */
  CharSequence interruptible(String text, FunctionEnv env) {
    AtomicBoolean cancelled = Context.getCancelSignal(env.getContext());
    return new Interruptible(text, 0, text.length(), cancelled, deadline, new int[1]);
  }

  /**
   * Stops a query that went over its budget. It is a cancellation to ARQ, which lets it through
   * where it would take another exception in a {@code FILTER} for a row that fails; the store
   * answers it as a {@link QueryLimitException} with this message.
   */
  static final class Exceeded extends QueryCancelledException {

    private static final long serialVersionUID = 1L;
    private final String message;

    Exceeded(String message) {
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  private record Interruptible(
      String text, int start, int end, AtomicBoolean cancelled, long deadline, int[] reads)
      implements CharSequence {

    @Override
    public char charAt(int index) {
      if (++reads[0] % CHECK_EVERY == 0
          && ((cancelled != null && cancelled.get()) || System.nanoTime() > deadline)) {
        throw new QueryCancelledException();
      }
      return text.charAt(start + index);
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new Interruptible(text, start + from, start + to, cancelled, deadline, reads);
    }

    @Override
    public String toString() {
      return text.substring(start, end);
    }
  }
}
