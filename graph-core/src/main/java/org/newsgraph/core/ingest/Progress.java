package org.newsgraph.core.ingest;

import java.time.Duration;

/**
 * How far a long run is: items done (articles, or files) and failed, the amount they held (words,
 * or quads), their rates and the time left. What the command line prints once a second and what a
 * batch job answers when asked. Thread-safe.
 */
public final class Progress {

  /**
   * A moment of a run.
   *
   * @param total how many items the run has
   * @param done how many were done, failed ones included
   * @param failed how many of those failed
   * @param amount what the items done held (words, quads)
   * @param elapsed the time since the run began
   */
  public record Snapshot(int total, int done, int failed, long amount, Duration elapsed) {

    /** Returns the items done a minute, so far. */
    public double perMinute() {
      double minutes = elapsed.toNanos() / 60e9;
      return minutes > 0 ? done / minutes : 0;
    }

    /** Returns the amount held a second, so far. */
    public double amountPerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds > 0 ? amount / seconds : 0;
    }

    /** Returns an estimate of the time left, or zero before the first item is done. */
    public Duration left() {
      if (done == 0) {
        return Duration.ZERO;
      }
      return Duration.ofNanos(elapsed.toNanos() / done * (total - done));
    }
  }

  private final int total;
  private final long start = System.nanoTime();
  private int done;
  private int failed;
  private long amount;

  /** Starts the clock of a run of this many items. */
  public Progress(int total) {
    if (total < 0) {
      throw new IllegalArgumentException("a run has " + total + " items");
    }
    this.total = total;
  }

  /** Counts an item done, holding the given amount. */
  public synchronized Snapshot done(long itemAmount) {
    done++;
    amount += itemAmount;
    return snapshot();
  }

  /** Counts an item that failed. */
  public synchronized Snapshot failed() {
    done++;
    failed++;
    return snapshot();
  }

  /** Returns where the run is now. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(total, done, failed, amount, Duration.ofNanos(System.nanoTime() - start));
  }
}
