package org.newsgraph.core.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.GraphStore;

/**
 * The one way an article goes into the store, whoever sends it (the REST API, one article or a
 * batch; {@code ingest}; the demo; {@code load}; the benchmark): extraction on several threads,
 * articles stored many to a transaction (and one by one if the store refuses a batch, so that a bad
 * article costs only itself), unchanged articles skipped if asked, and one progress callback.
 *
 * <p>Thread-safe: runs may go on at once; the store serialises their writes.
 */
public final class IngestPipeline {

  /** Articles a transaction, unless the builder says otherwise. */
  public static final int DEFAULT_BATCH = 500;

  /** What became of one article of a run. */
  public enum Status {
    /** Extracted and stored. */
    STORED,
    /** Stored already with the same text, and left as it was. */
    UNCHANGED,
    /** Not stored: its extraction or the store refused it. */
    FAILED
  }

  /**
   * What became of one article of a run.
   *
   * @param article the article
   * @param status what became of it
   * @param result what was stored, when it was
   * @param error why it failed, when it did
   * @param words how many words its text has
   */
  public record Outcome(
      Article article, Status status, IngestResult result, String error, long words) {}

  /** Told of each article of a run as it is done, on the thread that runs the run. */
  @FunctionalInterface
  public interface Listener {
    /** One more article is done: stored, unchanged or failed. */
    void done(Outcome outcome, Progress.Snapshot progress);
  }

  /**
   * What a run did.
   *
   * @param stored how many articles were stored
   * @param unchanged how many were left as they were
   * @param failed how many failed
   * @param cancelled whether the run was cancelled before its end
   * @param progress the run's last moment: its time and rates
   */
  public record Report(
      int stored, int unchanged, int failed, boolean cancelled, Progress.Snapshot progress) {}

  private final GraphStore store;
  private final Function<Article, Extraction> extractor;
  private final int threads;
  private final int batchSize;
  private final boolean skipUnchanged;

  private IngestPipeline(Builder builder) {
    this.store = builder.store;
    this.extractor = builder.extractor;
    this.threads = builder.threads;
    this.batchSize = builder.batchSize;
    this.skipUnchanged = builder.skipUnchanged;
  }

  /** Returns a builder of a pipeline into the store. */
  public static Builder into(GraphStore store) {
    return new Builder(requireNonNull(store, "store"));
  }

  /** Returns the store the pipeline writes to. */
  public GraphStore store() {
    return store;
  }

  /**
   * Extracts one article and stores it in a transaction of its own, replacing an earlier version
   * with the same id (or leaving it, if the pipeline skips unchanged articles and its text is the
   * same).
   *
   * @throws RuntimeException what the extraction or the store threw; nothing is written then
   */
  public IngestResult ingest(Article article) {
    requireNonNull(article, "article");
    requireExtractor();
    if (skipUnchanged && isStored(article)) {
      return IngestResult.unchanged(article.id());
    }
    Extraction extraction = extractor.apply(article);
    store.replaceArticle(extraction);
    return IngestResult.of(extraction);
  }

  /** Runs the articles through the pipeline to the end. */
  public Report ingest(List<Article> articles, Listener listener) {
    return ingest(articles, listener, () -> false);
  }

  /**
   * Runs the articles through the pipeline: extracted on the pipeline's threads, stored a batch at
   * a time. The listener hears of each article as it is done. Once {@code cancelled} says so, no
   * further article is extracted; those extracted already are stored.
   */
  public Report ingest(List<Article> articles, Listener listener, BooleanSupplier cancelled) {
    requireNonNull(articles, "articles");
    requireNonNull(listener, "listener");
    requireNonNull(cancelled, "cancelled");
    requireExtractor();
    Run run = new Run(articles.size(), listener);
    if (articles.isEmpty()) {
      return run.report(false);
    }
    AtomicInteger named = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, articles.size())),
            task -> {
              Thread thread = new Thread(task, "ingest-" + named.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CompletionService<Extracted> extracting = new ExecutorCompletionService<>(pool);
    boolean stopped = false;
    try {
      int next = 0;
      int inFlight = 0;
      while (next < articles.size() || inFlight > 0) {
        // Keep the threads busy, and no more than a few articles ahead of storing.
        while (!stopped && next < articles.size() && inFlight < threads * 2) {
          if (cancelled.getAsBoolean()) {
            stopped = true;
            break;
          }
          Article article = articles.get(next++);
          extracting.submit(() -> extract(article));
          inFlight++;
        }
        if (inFlight == 0) {
          break;
        }
        Extracted extracted = take(extracting);
        inFlight--;
        run.extracted(extracted);
        if (run.pending.size() >= batchSize) {
          run.flush();
        }
      }
      run.flush();
    } finally {
      pool.shutdownNow();
    }
    return run.report(stopped);
  }

  /**
   * Stores article graphs made elsewhere (the Spark job's, a backup's) in one transaction, each
   * replacing the stored graph of the same name.
   *
   * @throws org.newsgraph.core.GraphException if a graph is not an article's; nothing is written
   */
  public void storeGraphs(DatasetGraph graphs) {
    store.replaceGraphs(graphs);
  }

  /** Returns whether the article is stored already with exactly this text. */
  public boolean isStored(Article article) {
    return store.contentHash(article.id()).map(article.contentHash()::equals).orElse(false);
  }

  private void requireExtractor() {
    if (extractor == null) {
      throw new IllegalStateException(
          "this pipeline stores article graphs only: it has no extractor");
    }
  }

  private Extracted extract(Article article) {
    try {
      if (skipUnchanged && isStored(article)) {
        return new Extracted(article, null, null, true);
      }
      return new Extracted(article, extractor.apply(article), null, false);
    } catch (RuntimeException e) {
      return new Extracted(article, null, message(e), false);
    }
  }

  private static Extracted take(CompletionService<Extracted> extracting) {
    try {
      Future<Extracted> done = extracting.take();
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ingesting", e);
    } catch (ExecutionException e) {
      // extract() catches what the extractor throws; an Error is left to surface.
      throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static long words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  private record Extracted(
      Article article, Extraction extraction, String error, boolean unchanged) {}

  /** The state of one run: its batch to store, its counts, its listener. */
  private final class Run {
    final Progress progress;
    final Listener listener;
    final List<Extraction> pending = new ArrayList<>();
    int stored;
    int unchanged;
    int failed;

    Run(int total, Listener listener) {
      this.progress = new Progress(total);
      this.listener = listener;
    }

    void extracted(Extracted extracted) {
      if (extracted.unchanged()) {
        unchanged++;
        tell(
            extracted.article(),
            Status.UNCHANGED,
            IngestResult.unchanged(extracted.article().id()),
            null);
      } else if (extracted.error() != null) {
        fail(extracted.article(), extracted.error());
      } else {
        pending.add(extracted.extraction());
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<Extraction> batch = List.copyOf(pending);
      pending.clear();
      try {
        store.replaceArticles(batch);
        batch.forEach(this::stored);
      } catch (RuntimeException batchRefused) {
        for (Extraction extraction : batch) {
          try {
            store.replaceArticle(extraction);
            stored(extraction);
          } catch (RuntimeException e) {
            fail(extraction.article(), message(e));
          }
        }
      }
    }

    private void stored(Extraction extraction) {
      stored++;
      tell(extraction.article(), Status.STORED, IngestResult.of(extraction), null);
    }

    private void fail(Article article, String error) {
      failed++;
      listener.done(
          new Outcome(article, Status.FAILED, null, error, words(article.text())),
          progress.failed());
    }

    private void tell(Article article, Status status, IngestResult result, String error) {
      long words = words(article.text());
      listener.done(new Outcome(article, status, result, error, words), progress.done(words));
    }

    Report report(boolean cancelled) {
      return new Report(stored, unchanged, failed, cancelled, progress.snapshot());
    }
  }

  /**
   * Builds a pipeline. Every setting has a default; without an extractor, the pipeline stores
   * article graphs made elsewhere only.
   */
  public static final class Builder {

    private final GraphStore store;
    private Function<Article, Extraction> extractor;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int batchSize = DEFAULT_BATCH;
    private boolean skipUnchanged;

    private Builder(GraphStore store) {
      this.store = store;
    }

    /** Sets what turns an article into what the store keeps. */
    public Builder extractor(Function<Article, Extraction> extractor) {
      this.extractor = requireNonNull(extractor, "extractor");
      return this;
    }

    /** Sets how many articles are extracted at once (default: one per processor). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Sets how many articles are stored in one transaction (default 500). */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Sets whether an article stored already with the same text is left as it is. */
    public Builder skipUnchanged(boolean skipUnchanged) {
      this.skipUnchanged = skipUnchanged;
      return this;
    }

    /** Returns the pipeline. */
    public IngestPipeline build() {
      return new IngestPipeline(this);
    }
  }
}
