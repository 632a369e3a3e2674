package org.newsgraph.api.cli;

import java.io.PrintWriter;
import org.newsgraph.core.ingest.Progress;

/**
 * Prints the progress of a long run on standard error, at most once a second and at the end: items
 * done (articles, or files), their rate, the rate of what they hold (words, or quads), and the time
 * left. Thread-safe.
 */
final class ProgressPrinter {

  private static final long PRINT_EVERY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final String what;
  private final String items;
  private final String amounts;
  private long lastPrint;

  /** Prints progress over articles and their words. */
  ProgressPrinter(PrintWriter err, String what) {
    this(err, what, "articles", "words");
  }

  /**
   * Prints progress over items of a kind, each holding an amount of something.
   *
   * @param items what is counted, such as {@code files}
   * @param amounts what each holds, such as {@code quads}
   */
  ProgressPrinter(PrintWriter err, String what, String items, String amounts) {
    this.err = err;
    this.what = what;
    this.items = items;
    this.amounts = amounts;
  }

  /** Prints where the run is, unless it printed less than a second ago and the run goes on. */
  synchronized void print(Progress.Snapshot now) {
    long clock = System.nanoTime();
    if (clock - lastPrint >= PRINT_EVERY_NANOS || now.done() == now.total()) {
      lastPrint = clock;
      err.println(
          String.format(
              "%s %d/%d %s, %.1f %s/min, %,.0f %s/s, %s left",
              what,
              now.done(),
              now.total(),
              items,
              now.perMinute(),
              items,
              now.amountPerSecond(),
              amounts,
              clock(now.left().toSeconds())));
      err.flush();
    }
  }

  /** Prints the last line of a run: how many were done and failed, and how long it took. */
  void summary(Progress.Snapshot end) {
    err.printf(
        "%s: %d %s in %s, %d failed%n",
        what, end.done() - end.failed(), items, clock(end.elapsed().toSeconds()), end.failed());
    err.flush();
  }

  static String clock(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
