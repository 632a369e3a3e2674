package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.encoder.CachedWordEncoder;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.json.RecordWriter;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import org.newsgraph.extract.relation.RelationModel;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates extraction against a gold file with the project's scorers ({@code score_kn.py} for
 * KnowledgeNet, {@code score_news.py} for news articles): runs Newsgraph and, as the reference,
 * stock CoreNLP KBP over the same articles, prints each scorer's report and a side-by-side summary
 * with the throughput of both.
 *
 * <p>This class runs the two systems over the gold articles and times them; reading the gold file
 * is {@link Gold}'s part, running a scorer {@link Scorer}'s, and the summaries {@link
 * EvaluationReport}'s.
 */
public final class Evaluation {

  private static final long NEWSGRAPH_HEAP = 4L << 30;
  private static final long STOCK_HEAP = 6L << 30;

  /**
   * What to evaluate and how.
   *
   * @param gold a KnowledgeNet JSON-lines file, or a JSON array of news articles with their facts
   * @param scorers the folder holding {@code score_kn.py} and {@code score_news.py}
   * @param output where predictions and scores are written
   * @param folds the KnowledgeNet folds to evaluate; empty for all
   * @param limit the most documents to evaluate, 0 for all
   * @param reference whether to run stock CoreNLP as the reference
   * @param threads how many articles to process at once
   * @param cache where to keep annotations between runs, or {@code null}
   * @param extractor Newsgraph's extractor
   * @param crossValidate for KnowledgeNet: score each fold with a relation model trained on the
   *     other folds, instead of the extractor's own model
   */
  public record Options(
      Path gold,
      Path scorers,
      Path output,
      Set<Integer> folds,
      int limit,
      boolean reference,
      int threads,
      Path cache,
      ArticleExtractor extractor,
      boolean crossValidate) {

    public Options {
      requireNonNull(gold, "gold");
      requireNonNull(scorers, "scorers");
      requireNonNull(output, "output");
      folds = Set.copyOf(folds);
      requireNonNull(extractor, "extractor");
    }
  }

  /** How long a system took over the articles. */
  private record Timing(long tokens, double seconds, int threads, boolean cached, long failed) {
    double tokensPerSecond() {
      return tokens / seconds;
    }
  }

  private final Options options;
  private final PrintWriter out;
  private final PrintWriter err;

  public Evaluation(Options options, PrintWriter out, PrintWriter err) {
    this.options = requireNonNull(options, "options");
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
  }

  /** Runs the evaluation and prints the reports. */
  public void run() throws IOException, InterruptedException {
    Gold gold = Gold.read(options.gold(), options.folds(), options.limit());
    Path scorer = Scorer.script(options.scorers(), gold.isKnowledgeNet());
    Files.createDirectories(options.output());
    AnnotationCache cache = options.cache() == null ? null : new AnnotationCache(options.cache());
    err.printf("Evaluating on %d documents of %s%n", gold.articles().size(), options.gold());

    Path ours = options.output().resolve("newsgraph.jsonl");
    ArticleExtractor extractor = options.extractor();
    Timing newsgraph;
    if (options.crossValidate()) {
      if (!gold.isKnowledgeNet()) {
        throw new ExtractionException("cross-validation needs KnowledgeNet gold with folds");
      }
      newsgraph = crossValidate(gold.articles(), cache, ours, scorer);
    } else {
      newsgraph =
          run(
              "newsgraph",
              gold.articles(),
              NlpPipeline.Config.NEWSGRAPH,
              options.threads(),
              cache,
              ours,
              (article, document) ->
                  lines(extractor.extract(extractor.annotate(article, document))));
    }
    Path stock = options.output().resolve("stock-corenlp-kbp.jsonl");
    Timing reference = null;
    if (options.reference()) {
      reference =
          run(
              "stock CoreNLP",
              gold.articles(),
              NlpPipeline.Config.STOCK,
              stockThreads(),
              null,
              stock,
              (article, document) ->
                  StockReference.records(article, document).stream()
                      .map(ObjectNode::toString)
                      .toList());
    }
    EvaluationReport report =
        new EvaluationReport(
            new Scorer(scorer, options.gold(), options.folds(), options.output()), out);
    if (gold.isKnowledgeNet()) {
      report.knowledgeNet(ours, options.reference() ? stock : null);
    } else {
      report.news(ours, options.reference() ? stock : null);
    }
    report.contributions(ours, gold.isKnowledgeNet());
    report.reliability(ours, gold.isKnowledgeNet());
    out.println();
    out.println(speed("Newsgraph", newsgraph));
    if (reference != null) {
      out.println(speed("stock CoreNLP (tokenize..coref, kbp, quote)", reference));
      if (!newsgraph.cached() && !reference.cached()) {
        out.printf(
            "Newsgraph runs %.1fx the stock pipeline's throughput%n",
            newsgraph.tokensPerSecond() / reference.tokensPerSecond());
      }
    }
    out.flush();
  }

  private List<String> lines(Extraction extraction) {
    java.io.StringWriter buffer = new java.io.StringWriter();
    new RecordWriter(buffer, EntityResolver.minting()).write(extraction);
    return buffer.toString().lines().toList();
  }

  /**
   * Scores every fold with a relation model trained on the other folds, so that nothing is scored
   * by a model that learnt from it. The rules and the quote extractor take part as always. If the
   * extractor calibrates facts' confidence, each fold's calibration is fitted likewise to the other
   * folds' facts (found by their own models, uncalibrated), and the fold extracted again with it.
   */
  private Timing crossValidate(
      List<Article> articles, AnnotationCache cache, Path predictions, Path scorer)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    // The encoder's vectors are kept beside the annotations, so that runs after the first are fast.
    WordEncoder encoder =
        options
            .extractor()
            .encoder()
            .map(
                e ->
                    options.cache() == null
                        ? e
                        : (WordEncoder)
                            new CachedWordEncoder(e, options.cache().resolve("encoder")))
            .orElse(null);
    TrainingCorpus corpus =
        TrainingCorpus.build(
            options.gold(), articles, options.extractor(), cache, encoder, options.threads(), err);
    List<List<String>> lines =
        new ArrayList<>(java.util.Collections.nCopies(articles.size(), List.<String>of()));
    boolean calibrate = !options.extractor().calibration().isIdentity();
    double threshold = options.extractor().threshold();
    java.util.Map<Integer, ArticleExtractor> extractors = new java.util.TreeMap<>();
    for (int fold : corpus.folds()) {
      RelationModel model = corpus.train(fold);
      err.printf("fold %d: %s%n", fold, model.description());
      // Uncalibrated facts are all kept for the calibration of the other folds to learn from.
      ArticleExtractor extractor =
          ArticleExtractor.with(java.util.Optional.of(model), calibrate ? 0 : threshold, encoder);
      extractors.put(fold, extractor);
      extractFold(corpus, fold, extractor, lines);
    }
    if (calibrate) {
      List<String> uncalibrated = lines.stream().flatMap(List::stream).toList();
      for (int fold : corpus.folds()) {
        Set<Integer> others = new java.util.TreeSet<>(corpus.folds());
        others.remove(fold);
        ConfidenceCalibration calibration =
            ConfidenceCalibrator.fit(
                List.of(
                    new ConfidenceCalibrator.Sample(
                        uncalibrated,
                        new Scorer(scorer, options.gold(), others, options.output())
                            .judge("calibration-fold" + fold, true))));
        err.printf("fold %d: calibration fitted to folds %s%n", fold, others);
        extractFold(
            corpus,
            fold,
            extractors.get(fold).withCalibration(calibration).atThreshold(threshold),
            lines);
      }
    }
    try (Writer writer = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
      for (List<String> document : lines) {
        for (String line : document) {
          writer.write(line);
          writer.write('\n');
        }
      }
    }
    long tokens = corpus.documents().stream().mapToLong(a -> a.document().tokens().size()).sum();
    return new Timing(tokens, (System.nanoTime() - start) / 1e9, options.threads(), true, 0);
  }

  /** Extracts the documents of one fold, putting their records at their indexes. */
  private void extractFold(
      TrainingCorpus corpus, int fold, ArticleExtractor extractor, List<List<String>> lines)
      throws InterruptedException {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < corpus.documents().size(); i++) {
      if (corpus.fold(i) == fold) {
        indexes.add(i);
      }
    }
    List<List<String>> extracted =
        TrainingCorpus.parallel(
            "fold " + fold,
            indexes,
            options.threads(),
            err,
            i -> lines(extractor.extract(corpus.documents().get(i))));
    for (int k = 0; k < indexes.size(); k++) {
      lines.set(indexes.get(k), extracted.get(k));
    }
  }

  /**
   * Stock CoreNLP gets a pipeline per thread (its quote attribution is not safe to share), so as
   * many threads as the heap holds pipelines, beside Newsgraph's.
   */
  private int stockThreads() {
    long free = Runtime.getRuntime().maxMemory() - NEWSGRAPH_HEAP;
    int fits = (int) Math.max(1, free / STOCK_HEAP);
    int threads = Math.max(1, Math.min(options.threads(), fits));
    if (threads < options.threads()) {
      err.printf(
          "stock CoreNLP: %d thread(s), as the heap holds %d pipeline(s) of about %d GB; give the JVM more"
              + " (NEWSGRAPH_JAVA_OPTS=-Xmx16g) to run it on %d%n",
          threads, fits, STOCK_HEAP >> 30, options.threads());
    }
    return threads;
  }

  /**
   * Annotates (or takes from the cache) and extracts every article, writing the records in order.
   */
  private Timing run(
      String name,
      List<Article> articles,
      NlpPipeline.Config config,
      int threads,
      AnnotationCache cache,
      Path predictions,
      BiFunction<Article, CoreDocument, List<String>> extract)
      throws IOException, InterruptedException {
    err.printf("%s: loading the pipeline on %d thread(s)...%n", name, threads);
    boolean shared = config == NlpPipeline.Config.NEWSGRAPH;
    ThreadLocal<NlpPipeline> pipelines =
        ThreadLocal.withInitial(
            () -> shared ? NlpPipeline.shared(config) : NlpPipeline.create(config));
    AtomicLong tokens = new AtomicLong();
    AtomicBoolean cached = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Writer writer = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Article article : articles) {
        results.add(
            pool.submit(
                () -> {
                  CoreDocument document =
                      cache == null ? null : cache.get(config, article).orElse(null);
                  if (document == null) {
                    try {
                      document = pipelines.get().annotate(article);
                    } catch (RuntimeException e) {
                      if (shared) {
                        throw e;
                      }
                      // Stock CoreNLP's quote attribution fails on some texts: no predictions then.
                      failed.incrementAndGet();
                      done.incrementAndGet();
                      return List.<String>of();
                    }
                    if (cache != null) {
                      cache.put(config, article, document);
                    }
                  } else {
                    cached.set(true);
                  }
                  tokens.addAndGet(document.tokens().size());
                  List<String> lines = extract.apply(article, document);
                  long count = done.incrementAndGet();
                  if (count % 100 == 0 || count == articles.size()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    err.printf(
                        "%s: %d/%d documents, %.0f tokens/s, %s left%n",
                        name,
                        count,
                        articles.size(),
                        tokens.get() / seconds,
                        clock(Math.round((articles.size() - count) * seconds / count)));
                  }
                  return lines;
                }));
      }
      for (Future<List<String>> result : results) {
        for (String line : result.get()) {
          writer.write(line);
          writer.write('\n');
        }
      }
    } catch (ExecutionException e) {
      throw new ExtractionException(name + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (failed.get() > 0) {
      err.printf(
          "%s failed on %d of %d documents, which count as finding nothing%n",
          name, failed.get(), articles.size());
    }
    return new Timing(
        tokens.get(), (System.nanoTime() - start) / 1e9, threads, cached.get(), failed.get());
  }

  private static String speed(String name, Timing timing) {
    if (timing.cached()) {
      return name + ": annotations taken from the cache, throughput not measured";
    }
    return String.format(
        "%s: %,d tokens in %.1f s on %d thread(s), %,.0f tokens/s%s",
        name,
        timing.tokens(),
        timing.seconds(),
        timing.threads(),
        timing.tokensPerSecond(),
        timing.failed() > 0 ? " (failed on " + timing.failed() + " documents)" : "");
  }

  static String clock(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
