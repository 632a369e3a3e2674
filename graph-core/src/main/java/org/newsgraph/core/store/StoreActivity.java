package org.newsgraph.core.store;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;

/**
 * What is running on a store, transactions included, so that the store can cancel its queries and
 * updates when a server stops, and close only once no transaction is left open. Thread-safe.
 */
final class StoreActivity {

  /** The cancel signals of the queries and updates running. */
  private final Set<AtomicBoolean> queries = ConcurrentHashMap.newKeySet();

  /** The other operations running, each by a token of its own. */
  private final Set<Object> operations = ConcurrentHashMap.newKeySet();

  /** The signals that the store itself set, rather than a time limit. */
  private final Set<AtomicBoolean> cancelledHere = ConcurrentHashMap.newKeySet();

  private volatile boolean closing;

  /**
   * Runs an operation, a transaction and all, while it counts as running: closing waits for it.
   *
   * @throws StoreClosedException if the store is closing
   */
  <T> T run(Supplier<T> work) {
    Object token = new Object();
    operations.add(token);
    try {
      requireOpen();
      return work.get();
    } finally {
      operations.remove(token);
      ended();
    }
  }

  /**
   * Runs a query or an update, a transaction and all, while it counts as running: stopping what
   * runs, or closing, sets its cancel signal.
   *
   * @param cancel the cancel signal of its execution
   * @throws QueryCancelledException if it was cancelled, even where ARQ ended it as if it had no
   *     more rows; {@link #stopped} says what to answer
   * @throws StoreClosedException if the store is closing
   */
  <T> T run(AtomicBoolean cancel, Supplier<T> work) {
    queries.add(cancel);
    try {
      requireOpen();
      T result = work.get();
      if (cancel.get()) {
        throw new QueryCancelledException();
      }
      return result;
    } finally {
      queries.remove(cancel);
      ended();
    }
  }

  /**
   * Returns what to answer for an execution that was stopped: over its budget, cancelled by the
   * store (which closes, or stops what runs), or out of time.
   */
  RuntimeException stopped(QueryCancelledException e, AtomicBoolean cancel, QueryLimits limits) {
    boolean byStore = cancelledHere.remove(cancel);
    if (e instanceof QueryBudget.Exceeded over) {
      return new QueryLimitException(over.getMessage());
    }
    if (byStore) {
      return new StoreClosedException(
          "the store was stopped while the query ran, and the query with it");
    }
    return StoreSupport.ranTooLong(limits);
  }

  /** Cancels the queries and updates running now; those that come later run as usual. */
  void cancelRunning() {
    queries.forEach(
        signal -> {
          cancelledHere.add(signal);
          signal.set(true);
        });
  }

  /**
   * Cancels the queries and updates that are running, refuses what comes next, and waits until
   * everything has ended or the time is up.
   *
   * @return whether everything ended in time
   */
  boolean close(Duration wait) {
    closing = true;
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (!queries.isEmpty() || !operations.isEmpty()) {
        cancelRunning();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          wait(Math.max(1, Math.min(100, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void requireOpen() {
    if (closing) {
      throw new StoreClosedException("the store is closing; nothing was done");
    }
  }

  private synchronized void ended() {
    notifyAll();
  }
}
