package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a query may run and how many results it may return before the store stops it.
 *
 * @param timeout the longest a query may run, positive
 * @param maxRows the most rows a SELECT, or triples a CONSTRUCT or DESCRIBE, may return, positive
 */
public record QueryLimits(Duration timeout, long maxRows) {

  /** Thirty seconds and 100,000 rows. */
  public static final QueryLimits DEFAULT = new QueryLimits(Duration.ofSeconds(30), 100_000);

  public QueryLimits {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("query timeout must be positive, got " + timeout);
    }
    if (maxRows <= 0) {
      throw new IllegalArgumentException("query row limit must be positive, got " + maxRows);
    }
  }
}
