package org.newsgraph.api.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of articles ingested in the background, one job per batch, with their progress. Jobs run
 * one at a time, in the order they came; each article is stored in its own transaction, so an
 * article that fails to extract or store is reported and the others are stored. A job can be
 * cancelled: it stops before its next article, and what it stored stays. The last jobs are
 * remembered in memory, not across restarts. Thread-safe.
 */
public final class IngestJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);
  private static final int REMEMBERED = 200;
  private static final int MAX_ERRORS = 100;

  /** Where a job is. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    CANCELLED
  }

  /**
   * A job's progress, as {@code GET /api/jobs/{id}} shows it.
   *
   * @param id the job's id
   * @param state where it is
   * @param total how many articles the batch holds
   * @param done how many were stored
   * @param failed how many could not be stored
   * @param errors why, per article (the first 100)
   * @param articlesPerMinute the rate so far
   * @param secondsLeft an estimate of the time left, while running
   * @param submitted when the batch came
   * @param finished when the job ended
   */
  public record Job(
      String id,
      State state,
      int total,
      int done,
      int failed,
      List<String> errors,
      double articlesPerMinute,
      Long secondsLeft,
      Instant submitted,
      Instant finished) {}

  private final IngestService ingest;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "ingest-jobs");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Progress> jobs =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
              return size() > REMEMBERED && eldest.getValue().finished != null;
            }
          });

  public IngestJobs(IngestService ingest) {
    this.ingest = requireNonNull(ingest, "ingest");
  }

  /** Queues a batch and returns its job. */
  public Job submit(List<Article> articles) {
    Progress progress = new Progress(UUID.randomUUID().toString(), List.copyOf(articles));
    jobs.put(progress.id, progress);
    runner.execute(() -> run(progress));
    return progress.view();
  }

  /**
   * Cancels a job: it stops before its next article, or never starts. The articles it stored stay.
   *
   * @return the job as it is now, if it is remembered
   */
  public Optional<Job> cancel(String id) {
    Progress progress = jobs.get(id);
    if (progress == null) {
      return Optional.empty();
    }
    progress.cancelled = true;
    return Optional.of(progress.view());
  }

  /** Returns a job, if it is remembered. */
  public Optional<Job> get(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Progress::view);
  }

  private void run(Progress progress) {
    progress.started = Instant.now();
    for (Article article : progress.articles) {
      if (progress.cancelled || Thread.currentThread().isInterrupted()) {
        progress.cancelled = true;
        break;
      }
      try {
        Extraction extraction = ingest.extractor().extract(article);
        // Cancelled while the article was extracted: it is not stored.
        if (progress.cancelled) {
          break;
        }
        ingest.store().replaceArticle(extraction);
        progress.done.incrementAndGet();
      } catch (RuntimeException e) {
        progress.failed.incrementAndGet();
        progress.error("article " + article.id() + ": " + e.getMessage());
        log.warn("job {}: article {} was not stored: {}", progress.id, article.id(), e.toString());
      }
    }
    progress.finished = Instant.now();
  }

  /** Cancels the jobs queued and running; jobs submitted later run as usual. */
  public void cancelAll() {
    jobs.values().forEach(progress -> progress.cancelled = true);
  }

  /**
   * Cancels every job and waits a moment for the one running to stop between two articles; an
   * article being extracted then is left unstored. The job's thread is not interrupted: an
   * interrupt in the middle of a write would break the name index's files.
   */
  @Override
  public void close() {
    cancelAll();
    runner.shutdown();
    try {
      runner.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Progress {
    final String id;
    final List<Article> articles;
    final Instant submitted = Instant.now();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    volatile Instant started;
    volatile Instant finished;
    volatile boolean cancelled;

    Progress(String id, List<Article> articles) {
      this.id = id;
      this.articles = articles;
    }

    void error(String message) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(message);
      }
    }

    Job view() {
      int handled = done.get() + failed.get();
      Instant end = finished != null ? finished : Instant.now();
      double minutes = started == null ? 0 : Duration.between(started, end).toMillis() / 60_000.0;
      double rate = minutes > 0 ? handled / minutes : 0;
      State state =
          cancelled && (finished != null || started == null)
              ? State.CANCELLED
              : finished != null ? State.DONE : started != null ? State.RUNNING : State.QUEUED;
      Long left =
          state == State.RUNNING && rate > 0
              ? Math.round((articles.size() - handled) / rate * 60)
              : null;
      return new Job(
          id,
          state,
          articles.size(),
          done.get(),
          failed.get(),
          List.copyOf(errors),
          Math.round(rate * 10) / 10.0,
          left,
          submitted,
          finished);
    }
  }
}
