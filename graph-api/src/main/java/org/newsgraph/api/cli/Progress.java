package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Reports the progress of a long run on one line of standard error: articles done, rate, and the
 * time left. Thread-safe.
 */
final class Progress {

  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final String what;
  private final int total;
  private final long start = System.nanoTime();
  private long lastReport;
  private int done;
  private long words;

  Progress(PrintWriter err, String what, int total) {
    this.err = err;
    this.what = what;
    this.total = total;
  }

  /**
   * Counts one more article done, of the given number of words, and reports at most once a second.
   */
  synchronized void advance(long articleWords) {
    done++;
    words += articleWords;
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
        "%s %d/%d articles, %.1f articles/min, %,.0f words/s, %s left",
        what, done, total, perMinute, words / seconds, clock(left));
  }

  static String clock(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
