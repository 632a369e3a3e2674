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

/**
 * Works through a list of articles on several threads, hands each result over in the articles'
 * order, and reports progress. An article that fails is reported and skipped; the others go on.
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
    Progress progress = new Progress(err, what, articles.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, articles.size())));
    int failed = 0;
    try {
      List<Future<R>> results = new ArrayList<>();
      for (Article article : articles) {
        results.add(
            pool.submit(
                () -> {
                  R result = work.apply(article);
                  progress.advance(words(article.text()));
                  return result;
                }));
      }
      for (int i = 0; i < articles.size(); i++) {
        Article article = articles.get(i);
        try {
          onResult.accept(article, results.get(i).get());
        } catch (ExecutionException e) {
          failed++;
          Throwable cause = e.getCause();
          err.println(
              "error: article "
                  + article.id()
                  + ": "
                  + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted after " + progress.done() + " articles", e);
    } finally {
      pool.shutdownNow();
    }
    err.printf(
        "%s: %d articles in %s, %d failed%n",
        what, articles.size() - failed, Progress.clock(progress.elapsed().toSeconds()), failed);
    return failed;
  }

  private static long words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
