package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.newsgraph.core.Article;
import org.newsgraph.core.ingest.Progress;

/**
 * Works through a list of articles on several threads, hands each result over in the articles'
 * order, and reports progress: for {@code extract}, which stores nothing (what is stored goes
 * through the {@link org.newsgraph.core.ingest.IngestPipeline}). An article that fails is reported
 * and skipped; the others go on.
 */
final class Batch {

  private Batch() {}

  /**
   * @return how many articles failed
   */
  static <R> int run(
      String what,
      List<Article> articles,
      int threads,
      Function<Article, R> work,
      BiConsumer<Article, R> onResult,
      PrintWriter err) {
    Progress progress = new Progress(articles.size());
    ProgressPrinter printer = new ProgressPrinter(err, what);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, articles.size())));
    try {
      List<Future<R>> results = new ArrayList<>();
      for (Article article : articles) {
        results.add(pool.submit(() -> work.apply(article)));
      }
      for (int i = 0; i < articles.size(); i++) {
        Article article = articles.get(i);
        try {
          onResult.accept(article, results.get(i).get());
          printer.print(progress.done(words(article.text())));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          err.println(
              "error: article "
                  + article.id()
                  + ": "
                  + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
          printer.print(progress.failed());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted after " + progress.snapshot().done() + " articles", e);
    } finally {
      pool.shutdownNow();
    }
    Progress.Snapshot end = progress.snapshot();
    printer.summary(end);
    return end.failed();
  }

  private static long words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
