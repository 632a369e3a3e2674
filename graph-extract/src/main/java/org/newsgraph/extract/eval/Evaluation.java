package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.newsgraph.extract.json.RecordWriter;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.relation.ClassifierRelationExtractor;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import org.newsgraph.extract.relation.RelationModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates extraction against a gold file with the project's scorers ({@code score_kn.py} for
 * KnowledgeNet, {@code score_news.py} for news articles): runs Newsgraph and, as the reference,
 * stock CoreNLP KBP over the same articles, prints each scorer's report and a side-by-side summary
 * with the throughput of both.
 */
public final class Evaluation {

  private static final JsonMapper JSON = JsonMapper.builder().build();
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
    Path scorer =
        options.scorers().resolve(gold.isKnowledgeNet() ? "score_kn.py" : "score_news.py");
    if (!Files.isRegularFile(scorer)) {
      throw new ExtractionException(
          "the scorer "
              + scorer
              + " is missing; give the folder that holds score_kn.py and score_news.py"
              + " (../shared/eval in the project's workspace)");
    }
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
      newsgraph = crossValidate(gold.articles(), cache, ours);
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
    Scorer scorers = new Scorer(scorer, options.gold(), options.folds(), options.output());
    if (gold.isKnowledgeNet()) {
      reportKnowledgeNet(scorers, ours, options.reference() ? stock : null);
    } else {
      reportNews(scorers, ours, options.reference() ? stock : null);
    }
    reportContributions(scorers, ours, gold.isKnowledgeNet());
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
   * by a model that learnt from it. The rules and the quote extractor take part as always.
   */
  private Timing crossValidate(List<Article> articles, AnnotationCache cache, Path predictions)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    TrainingCorpus corpus =
        TrainingCorpus.build(
            options.gold(), articles, options.extractor(), cache, options.threads(), err);
    List<List<String>> lines =
        new ArrayList<>(java.util.Collections.nCopies(articles.size(), List.<String>of()));
    for (int fold : corpus.folds()) {
      RelationModel model = corpus.train(fold);
      err.printf("fold %d: %s%n", fold, model.description());
      ArticleExtractor extractor =
          ArticleExtractor.with(java.util.Optional.of(model), options.extractor().threshold());
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
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

  private void reportKnowledgeNet(Scorer scorer, Path ours, Path stock)
      throws IOException, InterruptedException {
    Map<String, JsonNode> results = new TreeMap<>();
    for (String match : List.of("overlap", "exact")) {
      results.put(
          "newsgraph-" + match, scorer.score(ours, match, out, "Newsgraph, " + match + " spans"));
      if (stock != null) {
        results.put(
            "stock-" + match,
            scorer.score(stock, match, out, "stock CoreNLP KBP, " + match + " spans"));
      }
    }
    out.println();
    out.println(
        "Summary (F1; KnowledgeNet"
            + (options.folds().isEmpty() ? "" : " folds " + options.folds())
            + ")");
    out.printf(
        "%-24s %6s %12s %12s %12s %12s%n",
        "relation", "gold", "stock", "newsgraph", "stock", "newsgraph");
    out.printf("%-24s %6s %12s %12s %12s %12s%n", "", "", "overlap", "overlap", "exact", "exact");
    JsonNode mine = results.get("newsgraph-overlap");
    for (JsonNode row : mine.get("per_relation")) {
      String relation = row.get("relation").asString();
      out.printf(
          "%-24s %6d %12s %12.3f %12s %12.3f%n",
          relation,
          row.get("gold").asInt(),
          f1(results.get("stock-overlap"), relation),
          row.get("f1").asDouble(),
          f1(results.get("stock-exact"), relation),
          relationF1(results.get("newsgraph-exact"), relation));
    }
    out.printf(
        "%-24s %6d %12s %12.3f %12s %12.3f%n",
        "MICRO",
        mine.get("micro").get("TP").asInt() + mine.get("micro").get("FN").asInt(),
        micro(results.get("stock-overlap")),
        mine.get("micro").get("f1").asDouble(),
        micro(results.get("stock-exact")),
        results.get("newsgraph-exact").get("micro").get("f1").asDouble());
  }

  private void reportNews(Scorer scorer, Path ours, Path stock)
      throws IOException, InterruptedException {
    JsonNode mine = scorer.score(ours, null, out, "Newsgraph");
    JsonNode theirs = stock == null ? null : scorer.score(stock, null, out, "stock CoreNLP KBP");
    out.println();
    out.println("Summary (F1)");
    out.printf("%-8s %12s %12s%n", "", "stock", "newsgraph");
    for (String kind : List.of("facts", "events", "quotes")) {
      out.printf(
          "%-8s %12s %12.3f%n",
          kind,
          theirs == null ? "-" : String.format("%.3f", theirs.get(kind).get("f1").asDouble()),
          mine.get(kind).get("f1").asDouble());
    }
  }

  /**
   * Scores the facts of each fact extractor alone (a fact that both found counts for both), beside
   * all of them together, so that each one's share shows.
   */
  private void reportContributions(Scorer scorer, Path ours, boolean knowledgeNet)
      throws IOException, InterruptedException {
    out.println();
    out.println("Facts by extractor (" + (knowledgeNet ? "overlapping spans" : "news") + ")");
    out.printf("%-12s %9s %9s %9s%n", "extractor", "precision", "recall", "F1");
    List<String> records = Files.readAllLines(ours, StandardCharsets.UTF_8);
    for (String name :
        List.of(PatternRelationExtractor.NAME, ClassifierRelationExtractor.NAME, "all")) {
      Path subset = options.output().resolve("newsgraph-by-" + name + ".jsonl");
      Files.write(
          subset,
          records.stream()
              .filter(
                  line -> {
                    JsonNode record = JSON.readTree(line);
                    return name.equals("all")
                        || !record.path("kind").asString().equals("fact")
                        || record.path("extractor").asString().contains(name);
                  })
              .toList(),
          StandardCharsets.UTF_8);
      JsonNode result = scorer.score(subset, knowledgeNet ? "overlap" : null, null, null);
      JsonNode facts = knowledgeNet ? result.get("micro") : result.get("facts");
      out.printf(
          "%-12s %9.3f %9.3f %9.3f%n",
          name,
          facts.get("precision").asDouble(),
          facts.get("recall").asDouble(),
          facts.get("f1").asDouble());
    }
  }

  private static String f1(JsonNode result, String relation) {
    if (result == null) {
      return "-";
    }
    return String.format("%.3f", relationF1(result, relation));
  }

  private static double relationF1(JsonNode result, String relation) {
    for (JsonNode row : result.get("per_relation")) {
      if (row.get("relation").asString().equals(relation)) {
        return row.get("f1").asDouble();
      }
    }
    return 0;
  }

  private static String micro(JsonNode result) {
    return result == null ? "-" : String.format("%.3f", result.get("micro").get("f1").asDouble());
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

  /** The articles of a gold file, and which kind of gold it is. */
  record Gold(boolean isKnowledgeNet, List<Article> articles) {

    static Gold read(Path file, Set<Integer> folds, int limit) {
      String content;
      try {
        content = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the gold file " + file, e);
      }
      boolean news = content.stripLeading().startsWith("[");
      List<Article> articles = new ArrayList<>();
      var reader = new org.newsgraph.extract.read.ArticleReader();
      if (news) {
        articles.addAll(reader.parseJson(file.toString(), content));
      } else {
        String[] lines = content.split("\n");
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].isBlank()) {
            continue;
          }
          JsonNode document = JSON.readTree(lines[i]);
          int fold = document.path("fold").asInt(0);
          if (folds.isEmpty() || folds.contains(fold)) {
            articles.addAll(reader.parseJsonLines(file + " line " + (i + 1), lines[i]));
          }
        }
      }
      if (limit > 0 && articles.size() > limit) {
        articles = new ArrayList<>(articles.subList(0, limit));
      }
      return new Gold(!news, List.copyOf(articles));
    }
  }

  /** Runs one of the Python scorers. */
  private record Scorer(Path script, Path gold, Set<Integer> folds, Path output) {

    JsonNode score(Path predictions, String match, PrintWriter out, String title)
        throws IOException, InterruptedException {
      String name =
          predictions.getFileName().toString().replace(".jsonl", "")
              + (match == null ? "" : "-" + match);
      Path json = output.resolve(name + ".score.json");
      List<String> command =
          new ArrayList<>(
              List.of("python3", script.toString(), gold.toString(), predictions.toString()));
      if (match != null) {
        command.addAll(List.of("--match", match));
        if (!folds.isEmpty()) {
          command.addAll(
              List.of(
                  "--folds",
                  String.join(",", folds.stream().sorted().map(String::valueOf).toList())));
        }
      }
      command.addAll(List.of("--json", json.toString()));
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new ExtractionException(
            "cannot run python3, which the scorers need: " + e.getMessage(), e);
      }
      String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new ExtractionException("the scorer " + script + " failed:\n" + report);
      }
      Files.writeString(output.resolve(name + ".score.txt"), report);
      if (out != null) {
        out.println();
        out.println("== " + title + " ==");
        out.print(report);
      }
      return JSON.readTree(json.toFile());
    }
  }
}
