package org.newsgraph.api.ingest;

import static java.util.Objects.requireNonNull;

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
import java.util.concurrent.TimeUnit;
import org.newsgraph.core.Article;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.ingest.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of articles ingested in the background through the {@link IngestPipeline}, one job per
 * batch, with their progress: extracted on several threads and stored many to a transaction, as
 * {@code ingest} does. Jobs run one at a time, in the order they came; an article that fails to
 * extract or store is reported and the others are stored. A job can be cancelled: it extracts no
 * further article, stores those it extracted, and what it stored stays. The last jobs are
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
   * @param done how many were stored (or left as they were)
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

  private final IngestPipeline pipeline;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "ingest-jobs");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Tracked> jobs =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
              return size() > REMEMBERED && eldest.getValue().finished != null;
            }
          });

  public IngestJobs(IngestPipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
  }

  /** Queues a batch and returns its job. */
  public Job submit(List<Article> articles) {
    Tracked job = new Tracked(UUID.randomUUID().toString(), List.copyOf(articles));
    jobs.put(job.id, job);
    runner.execute(() -> run(job));
    return job.view();
  }

  /** Returns a job, if it is remembered. */
  public Optional<Job> get(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Tracked::view);
  }

  /**
   * Cancels a job: it extracts no further article, or never starts. The articles it stored stay.
   *
   * @return the job as it is now, if it is remembered
   */
  public Optional<Job> cancel(String id) {
    Tracked job = jobs.get(id);
    if (job == null) {
      return Optional.empty();
    }
    job.cancelled = true;
    return Optional.of(job.view());
  }

  /** Cancels the jobs queued and running; jobs submitted later run as usual. */
  public void cancelAll() {
    jobs.values().forEach(job -> job.cancelled = true);
  }

  private void run(Tracked job) {
    job.started = Instant.now();
    try {
      pipeline.ingest(
          job.articles,
          (outcome, progress) -> {
            job.progress = progress;
            if (outcome.status() == IngestPipeline.Status.FAILED) {
              job.error("article " + outcome.article().id() + ": " + outcome.error());
              log.warn(
                  "job {}: article {} was not stored: {}",
                  job.id,
                  outcome.article().id(),
                  outcome.error());
            }
          },
          () -> job.cancelled);
    } catch (RuntimeException e) {
      job.error("the job stopped: " + e.getMessage());
      log.error("job {} stopped", job.id, e);
    } finally {
      job.finished = Instant.now();
    }
  }

  /**
   * Cancels every job and waits a moment for the one running to store what it extracted. Its
   * threads are not interrupted: an interrupt in the middle of a write would break the name index's
   * files.
   */
  @Override
  public void close() {
    cancelAll();
    runner.shutdown();
    try {
      runner.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Tracked {
    final String id;
    final List<Article> articles;
    final Instant submitted = Instant.now();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    volatile Progress.Snapshot progress;
    volatile Instant started;
    volatile Instant finished;
    volatile boolean cancelled;

    Tracked(String id, List<Article> articles) {
      this.id = id;
      this.articles = articles;
    }

    void error(String message) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(message);
      }
    }

    Job view() {
      Progress.Snapshot now = progress;
      int done = now == null ? 0 : now.done() - now.failed();
      int failed = now == null ? 0 : now.failed();
      State state =
          cancelled && (finished != null || started == null)
              ? State.CANCELLED
              : finished != null ? State.DONE : started != null ? State.RUNNING : State.QUEUED;
      Long left =
          state == State.RUNNING && now != null && now.done() > 0 ? now.left().toSeconds() : null;
      return new Job(
          id,
          state,
          articles.size(),
          done,
          failed,
          List.copyOf(errors),
          now == null ? 0 : Math.round(now.perMinute() * 10) / 10.0,
          left,
          submitted,
          finished);
    }
  }
}
