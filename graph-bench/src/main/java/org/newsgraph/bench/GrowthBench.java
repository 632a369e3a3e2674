package org.newsgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.Tdb2GraphStore;

/**
 * Whether storing stays as fast as the graph grows: generated extractions (NLP is measured apart,
 * and would take hours at this size) go through the ingest pipeline every way in uses, resolution
 * included, in batches into one TDB2 store, and the rate of each stretch is taken as the store
 * passes 1,000, 10,000 and 100,000 articles, after a warm-up on a scratch store. Jena's parallel
 * bulk loader then loads the very same quads into an empty database, the fastest way into TDB2
 * there is, as the reference.
 */
final class GrowthBench {

  /** The store sizes at which a stretch ends, as far as the run goes. */
  static final List<Integer> MARKS = List.of(1_000, 10_000, 100_000);

  /** How many articles the bench stores on a scratch store first, for the JIT. */
  static final int WARM_UP = 1_000;

  /** How many extractions are made up and held at once, to bound the memory a long run takes. */
  private static final int CHUNK = 5_000;

  /**
   * How many articles are stored between two compactions. TDB2 keeps the index blocks each write
   * transaction replaced until the store is compacted, and a batch of new articles touches blocks
   * all over the indexes that do not begin with the graph: without compaction a first run's store
   * took 63 GB on disk by 60,000 articles (some 17 million quads). Other stores compact on their
   * own once they have grown enough; this one is opened without that and compacted on a fixed
   * schedule instead, so that every run compacts at the same points, timed apart from the rates.
   */
  static final int COMPACT_EVERY = 10_000;

  private GrowthBench() {}

  /**
   * One stretch of the run: the articles from {@code from} (exclusive) to {@code to} (inclusive).
   *
   * @param facts the facts those articles state
   * @param seconds the time their ingest took
   * @param compactSeconds the time the compactions in the stretch took
   * @param bytes the store's size on disk at the stretch's end
   */
  record Stretch(int from, int to, long facts, double seconds, double compactSeconds, long bytes) {
    double articlesPerSecond() {
      return (to - from) / seconds;
    }

    double factsPerSecond() {
      return facts / seconds;
    }
  }

  /**
   * What the run measured.
   *
   * @param stretches the stretches, in order
   * @param quads the quads the store held at the end
   * @param bulkSeconds the time Jena's bulk loader took over the same quads
   */
  record Figures(List<Stretch> stretches, long quads, double bulkSeconds) {
    /** How many articles the store held at the end. */
    int articles() {
      return stretches.get(stretches.size() - 1).to();
    }

    double seconds() {
      return stretches.stream().mapToDouble(Stretch::seconds).sum();
    }
  }

  /** The store sizes at which the stretches of a run of {@code total} articles end. */
  static List<Integer> ends(int total, List<Integer> marks) {
    if (total < 1) {
      throw new IllegalArgumentException("the growth run needs at least 1 article, got " + total);
    }
    List<Integer> ends = new ArrayList<>(marks.stream().filter(m -> m < total).toList());
    ends.add(total);
    return ends;
  }

  /**
   * Stores {@code total} generated articles, a stretch ending at each of the marks below it and at
   * the end, then bulk loads the same quads.
   *
   * @param marks the store sizes at which a stretch ends, ascending ({@link #MARKS} in the bench)
   * @param warmUp how many articles to store on a scratch store first ({@link #WARM_UP})
   */
  static Figures run(
      int total, List<Integer> marks, int warmUp, Path work, Consumer<String> progress)
      throws Exception {
    // The JIT compiles the write path first, on a store thrown away, so that the first stretch
    // measures storing, not compiling.
    progress.accept("growth: warming up on a scratch store");
    Path scratch = work.resolve("growth-warm-up");
    store(new SyntheticGraph(3, warmUp), warmUp, List.of(), scratch, line -> {});
    BenchCommand.deleteRecursively(scratch);

    Path folder = work.resolve("growth-store");
    List<Stretch> stretches = store(new SyntheticGraph(11, total), total, marks, folder, progress);

    progress.accept("growth: Jena's bulk loader over the same quads");
    IngestBench.BulkLoad bulk = IngestBench.bulkLoad(folder, work, "growth");
    return new Figures(stretches, bulk.quads(), bulk.seconds());
  }

  /** Stores the graph's first {@code total} articles in a new store, timing each stretch. */
  private static List<Stretch> store(
      SyntheticGraph graph, int total, List<Integer> marks, Path folder, Consumer<String> progress)
      throws Exception {
    List<Stretch> stretches = new ArrayList<>();
    long begun = System.nanoTime();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder, false)) {
      Map<String, Extraction> made = new HashMap<>();
      IngestPipeline pipeline =
          IngestPipeline.into(store)
              .extractor(article -> made.get(article.id()))
              .threads(1)
              .batchSize(IngestBench.BATCH)
              .build();
      int from = 0;
      for (int end : ends(total, marks)) {
        long facts = 0;
        long nanos = 0;
        long compactNanos = 0;
        for (int chunk = from; chunk < end; chunk += CHUNK) {
          made.clear();
          List<Article> articles = new ArrayList<>();
          for (int n = chunk; n < Math.min(end, chunk + CHUNK); n++) {
            Extraction extraction = graph.article(n);
            made.put(extraction.article().id(), extraction);
            articles.add(extraction.article());
            facts += extraction.facts().size();
          }
          long start = System.nanoTime();
          IngestPipeline.Report report = pipeline.ingest(articles, (outcome, snapshot) -> {});
          nanos += System.nanoTime() - start;
          if (report.failed() > 0) {
            throw new IllegalStateException(
                report.failed() + " generated articles failed to store in " + folder);
          }
          int done = Math.min(end, chunk + CHUNK);
          if (done % COMPACT_EVERY == 0) {
            progress.accept(String.format(Locale.ROOT, "growth: compacting at %,d articles", done));
            long compacting = System.nanoTime();
            store.compact();
            compactNanos += System.nanoTime() - compacting;
          }
          double elapsed = (System.nanoTime() - begun) / 1e9;
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "growth: %,d/%,d articles stored, %.0f articles/s, %.0f s left",
                  done,
                  total,
                  done / elapsed,
                  (total - done) / (done / elapsed)));
        }
        stretches.add(
            new Stretch(from, end, facts, nanos / 1e9, compactNanos / 1e9, sizeOnDisk(folder)));
        from = end;
      }
    }
    return stretches;
  }

  /** The bytes the files under a folder take. */
  private static long sizeOnDisk(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(GrowthBench::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // A file the store removed while it was walked takes no room.
      return 0;
    }
  }
}
