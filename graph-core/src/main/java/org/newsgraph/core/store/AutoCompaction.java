package org.newsgraph.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a TDB2 store on its own once the space it takes on disk has grown enough since it was
 * opened or last compacted. TDB2 never overwrites an index block that a committed transaction can
 * still see: each write copies the blocks it changes, and the old copies stay in the files until
 * compaction writes the live data to a new generation. A store fed batch after batch grows many
 * times faster than its data (63 GB by 60,000 articles in the growth benchmark), so a server or an
 * {@code ingest} run must compact without being asked.
 *
 * <p>The rule is geometric, so that the work of compacting stays proportional to the data written:
 * compact when the current generation takes {@link Policy#factor} times the room it took at the
 * start (its size when the store was opened, or right after the last compaction) and at least
 * {@link Policy#minimumGrowth} bytes more. Compaction runs on a thread of its own after the write
 * that crossed the line has committed, so that the write's caller does not wait; TDB2 holds back
 * other writes while it runs. Closing the store waits for a compaction that has begun.
 *
 * <p>Thread-safe.
 */
final class AutoCompaction implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AutoCompaction.class);

  /**
   * When to compact.
   *
   * @param factor how many times its starting size the generation may take before compaction
   * @param minimumGrowth the bytes it must have grown by, too, so that small stores are left alone
   */
  record Policy(double factor, long minimumGrowth) {

    /** Twice the size, and at least 512 MB more: the default of every store. */
    static final Policy DEFAULT = new Policy(2.0, 512L << 20);

    /** Never compacts on its own (a benchmark that compacts on a schedule of its own). */
    static final Policy NEVER = new Policy(Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    Policy {
      if (!(factor >= 1.0) || minimumGrowth < 0) {
        throw new IllegalArgumentException(
            "a compaction policy needs a factor of at least 1 and a growth of at least 0 bytes, got "
                + factor
                + " and "
                + minimumGrowth);
      }
    }

    /** Whether a generation that started at {@code start} bytes and takes {@code now} is due. */
    boolean due(long start, long now) {
      return now - start >= minimumGrowth && now >= factor * start;
    }
  }

  private final Path folder;
  private final Policy policy;
  private final Runnable compact;
  private final ExecutorService worker;
  private final AtomicInteger done = new AtomicInteger();
  private long start;
  private Future<?> running;

  /**
   * @param folder the store's folder, which holds its generations ({@code Data-0001}, ...)
   * @param policy when to compact
   * @param compact what compacts the store
   */
  AutoCompaction(Path folder, Policy policy, Runnable compact) {
    this.folder = folder;
    this.policy = policy;
    this.compact = compact;
    this.start = generationSize();
    this.worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "store-compaction");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Told after each committed write: starts a compaction if the store has grown enough. */
  synchronized void written() {
    if (policy == Policy.NEVER || running != null && !running.isDone()) {
      return;
    }
    long now = generationSize();
    if (!policy.due(start, now)) {
      return;
    }
    long before = now;
    log.info(
        "compacting the store in {}: it takes {} MB, {} MB when it was opened or last compacted",
        folder,
        before >> 20,
        start >> 20);
    running =
        worker.submit(
            () -> {
              long began = System.nanoTime();
              try {
                compact.run();
                long after = generationSize();
                synchronized (this) {
                  start = after;
                }
                done.incrementAndGet();
                log.info(
                    "compacted the store in {}: {} MB to {} MB in {} s",
                    folder,
                    before >> 20,
                    after >> 20,
                    (System.nanoTime() - began) / 1_000_000_000);
              } catch (RuntimeException e) {
                // The store stays as it was: compaction switches to the new generation last.
                log.warn("compacting the store in {} failed: {}", folder, e.toString(), e);
              }
            });
  }

  /** Returns how many compactions this store made on its own since it was opened. */
  int compactions() {
    return done.get();
  }

  /** Waits for the compaction that runs, if one does. */
  void awaitRunning() {
    Future<?> current;
    synchronized (this) {
      current = running;
    }
    if (current == null) {
      return;
    }
    try {
      current.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // Logged where it ran.
    }
  }

  /** Waits for a compaction that has begun, then stops the thread. */
  @Override
  public void close() {
    awaitRunning();
    worker.shutdownNow();
  }

  /** The bytes the newest generation's files take. */
  private long generationSize() {
    Optional<Path> newest = newestGeneration();
    if (newest.isEmpty()) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(newest.get())) {
      return files.filter(Files::isRegularFile).mapToLong(AutoCompaction::size).sum();
    } catch (IOException | UncheckedIOException e) {
      // A generation removed while it was read: the next write measures again.
      return 0;
    }
  }

  private Optional<Path> newestGeneration() {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith("Data-"))
          .filter(Files::isDirectory)
          .max(Comparator.comparing(path -> path.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
