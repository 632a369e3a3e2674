package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Reports the progress of a long run on one line of standard error: items done (articles, or
 * files), their rate, the rate of what they hold (words, or quads), and the time left. Thread-safe.
 */
final class Progress {

  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final String what;
  private final int total;
  private final String items;
  private final String amounts;
  private final long start = System.nanoTime();
  private long lastReport;
  private int done;
  private long amount;

  /** Progress over articles and their words. */
  Progress(PrintWriter err, String what, int total) {
    this(err, what, total, "articles", "words");
  }

  /**
   * Progress over items of a kind, each holding an amount of something.
   *
   * @param items what is counted, such as {@code files}
   * @param amounts what each holds, such as {@code quads}
   */
  Progress(PrintWriter err, String what, int total, String items, String amounts) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.items = items;
    this.amounts = amounts;
  }

  /** Counts one more item done, holding the given amount, and reports at most once a second. */
  synchronized void advance(long itemAmount) {
    done++;
    amount += itemAmount;
    long now = System.nanoTime();
    if (now - lastReport >= REPORT_EVERY_NANOS || done == total) {
      lastReport = now;
      err.println(line(now));
      err.flush();
    }
  }

  /** Returns how many articles are done. */
  synchronized int done() {
    return done;
  }

  /** Returns the time since the run began. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private String line(long now) {
    double seconds = Math.max((now - start) / 1e9, 1e-3);
    double perMinute = done * 60 / seconds;
    long left = done == 0 ? 0 : Math.round((total - done) * seconds / done);
    return String.format(
        "%s %d/%d %s, %.1f %s/min, %,.0f %s/s, %s left",
        what, done, total, items, perMinute, items, amount / seconds, amounts, clock(left));
  }

  static String clock(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
