package org.newsgraph.api.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.extract.AnnotatedArticle;
import org.newsgraph.extract.ArticleExtractor;
import org.newsgraph.extract.eval.StockReference;
import org.newsgraph.extract.nlp.NlpPipeline;

/**
 * One side of the extraction comparison, run in a process of its own so that its peak memory is its
 * own: Newsgraph's pipeline (one shared pipeline, articles in parallel) or stock CoreNLP with
 * coreference, KBP and quotes (a pipeline per thread, as its annotators are not all thread-safe).
 * Each side is warmed up by one untimed pass over all the articles, so that the timed pass that
 * follows runs compiled code on both sides (ten articles, as before, left the JIT compiler still at
 * work in the timed pass, and the figures moved by a tenth between runs).
 */
final class ExtractionBench {

  private ExtractionBench() {}

  /** Newsgraph's extraction; returns its figures and the extractions, for the ingest benchmark. */
  static Map.Entry<Map<String, Object>, List<Extraction>> newsgraph(
      List<Article> articles, int threads) throws Exception {
    ArticleExtractor extractor = ArticleExtractor.standard();
    long load = System.nanoTime();
    extractor.load();
    double loadSeconds = (System.nanoTime() - load) / 1e9;
    Map<String, Extraction> extractions = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, Object> figures =
        run(
            articles,
            threads,
            loadSeconds,
            article -> {
              AnnotatedArticle annotated = extractor.annotate(article);
              extractions.put(article.id(), extractor.extract(annotated));
              return annotated.document();
            });
    return Map.entry(
        figures, articles.stream().map(article -> extractions.get(article.id())).toList());
  }

  /** Stock CoreNLP: tokenize to coref, KBP and quote, its KBP facts mapped as the eval does. */
  static Map<String, Object> stock(List<Article> articles, int threads) throws Exception {
    long load = System.nanoTime();
    List<NlpPipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      pipelines.add(NlpPipeline.create(NlpPipeline.Config.STOCK));
    }
    double loadSeconds = (System.nanoTime() - load) / 1e9;
    ThreadLocal<NlpPipeline> mine = new ThreadLocal<>();
    AtomicLong next = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<String, Object> figures =
        run(
            articles,
            threads,
            loadSeconds,
            article -> {
              NlpPipeline pipeline = mine.get();
              if (pipeline == null) {
                pipeline = pipelines.get((int) (next.getAndIncrement() % pipelines.size()));
                mine.set(pipeline);
              }
              try {
                CoreDocument document = pipeline.annotate(article);
                StockReference.records(article, document);
                return document;
              } catch (RuntimeException e) {
                // Stock quote attribution fails on some texts, as in the evaluation: the time
                // counts.
                failed.incrementAndGet();
                return null;
              }
            });
    Map<String, Object> withFailures = new java.util.HashMap<>(figures);
    withFailures.put("failed", failed.get());
    return withFailures;
  }

  private static Map<String, Object> run(
      List<Article> articles, int threads, double loadSeconds, Function<Article, CoreDocument> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CoreDocument>> warm = new ArrayList<>();
      for (Article article : articles) {
        warm.add(pool.submit(() -> work.apply(article)));
      }
      for (Future<CoreDocument> f : warm) {
        f.get();
      }
      System.err.printf("  warmed up on %d articles%n", articles.size());
      AtomicLong tokens = new AtomicLong();
      AtomicLong done = new AtomicLong();
      long start = System.nanoTime();
      List<Future<?>> timed = new ArrayList<>();
      for (Article article : articles) {
        timed.add(
            pool.submit(
                () -> {
                  CoreDocument document = work.apply(article);
                  tokens.addAndGet(document == null ? 0 : document.tokens().size());
                  long finished = done.incrementAndGet();
                  if (finished % 50 == 0) {
                    System.err.printf(
                        "  %d/%d articles, %.0f s%n",
                        finished, articles.size(), (System.nanoTime() - start) / 1e9);
                  }
                  return null;
                }));
      }
      for (Future<?> f : timed) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return Map.of(
          "articles",
          articles.size(),
          "tokens",
          tokens.get(),
          "seconds",
          seconds,
          "tokensPerSecond",
          tokens.get() / seconds,
          "articlesPerMinute",
          articles.size() * 60 / seconds,
          "loadSeconds",
          loadSeconds,
          "peakRssMb",
          peakRssMb(),
          "threads",
          threads);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The process's peak resident memory (VmHWM), in MB; -1 where /proc is not there. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
