package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;

/**
 * What a SPARQL query or update may cost and reach before the store stops or refuses it.
 *
 * @param timeout the longest a query or update may run, positive; regular expressions and the other
 *     functions that can run long are stopped at it too, not only the query's iterators
 * @param maxRows the most rows a SELECT, or triples a CONSTRUCT or DESCRIBE, may return, positive
 * @param maxValueLength the longest string (in characters) that a function of the query may build,
 *     such as {@code CONCAT}, {@code REPLACE} or {@code GROUP_CONCAT}; integers are held to the
 *     same number of bits
 * @param maxBuiltCharacters the most characters that the functions of one query may build in all
 * @param services the endpoints that {@code SERVICE} may call, and that {@code LOAD} may read from
 *     (by their host); empty, as by default, refuses both
 */
public record QueryLimits(
    Duration timeout,
    long maxRows,
    int maxValueLength,
    long maxBuiltCharacters,
    Set<String> services) {

  /** Thirty seconds, 100,000 rows, values of a million characters, no federated query. */
  public static final QueryLimits DEFAULT = new QueryLimits(Duration.ofSeconds(30), 100_000);

  public QueryLimits {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("query timeout must be positive, got " + timeout);
    }
    if (maxRows <= 0) {
      throw new IllegalArgumentException("query row limit must be positive, got " + maxRows);
    }
    if (maxValueLength <= 0) {
      throw new IllegalArgumentException(
          "the longest value a query may build must be positive, got " + maxValueLength);
    }
    if (maxBuiltCharacters < maxValueLength) {
      throw new IllegalArgumentException(
          "the characters a query may build in all ("
              + maxBuiltCharacters
              + ") must be at least its longest value ("
              + maxValueLength
              + ")");
    }
    services = Set.copyOf(requireNonNull(services, "services"));
  }

  /**
   * Limits with the given time and rows, values of at most a million characters (a hundred million
   * in all), and no federated query.
   */
  public QueryLimits(Duration timeout, long maxRows) {
    this(timeout, maxRows, 1_000_000, 100_000_000L, Set.of());
  }

  /** Returns these limits with another timeout, for what is left of a request's time. */
  public QueryLimits withTimeout(Duration timeout) {
    return new QueryLimits(timeout, maxRows, maxValueLength, maxBuiltCharacters, services);
  }
}
