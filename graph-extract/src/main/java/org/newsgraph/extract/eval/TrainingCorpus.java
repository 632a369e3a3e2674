package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.newsgraph.core.Article;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.relation.RelationModel;

/**
 * KnowledgeNet documents annotated, their entities recognised and their relation candidates
 * labelled with the gold facts: what relation models are trained on and cross-validated with.
 */
public final class TrainingCorpus {

  /** The prior's standard deviation when training relation models. */
  public static final double SIGMA = 1.0;

  private final KnowledgeNet gold;
  private final List<AnnotatedArticle> documents;
  private final List<RelationTraining.Labelled> labelled;

  private TrainingCorpus(
      KnowledgeNet gold,
      List<AnnotatedArticle> documents,
      List<RelationTraining.Labelled> labelled) {
    this.gold = gold;
    this.documents = documents;
    this.labelled = labelled;
  }

  /**
   * Annotates (or takes from the cache) every article of a KnowledgeNet file and labels its
   * candidates.
   *
   * @param file the KnowledgeNet JSON-lines file
   * @param articles its articles, in the order to keep
   * @param annotator recognises entities on CoreNLP's annotations
   * @param cache where annotations are kept between runs, or {@code null}
   * @param encoder the encoder whose vectors the models are to weigh, or {@code null} for none
   * @param threads how many documents to work on at once
   * @param err where progress goes
   */
  public static TrainingCorpus build(
      Path file,
      List<Article> articles,
      ArticleExtractor annotator,
      AnnotationCache cache,
      WordEncoder encoder,
      int threads,
      PrintWriter err)
      throws InterruptedException {
    KnowledgeNet gold = KnowledgeNet.read(file);
    for (Article article : articles) {
      if (gold.document(article.id()) == null) {
        throw new ExtractionException(file + " has no gold for document " + article.id());
      }
    }
    List<AnnotatedArticle> documents =
        parallel(
            "annotating",
            articles,
            threads,
            err,
            article -> {
              CoreDocument document =
                  cache == null
                      ? null
                      : cache.get(NlpPipeline.Config.NEWSGRAPH, article).orElse(null);
              if (document == null) {
                document = NlpPipeline.shared(NlpPipeline.Config.NEWSGRAPH).annotate(article);
                if (cache != null) {
                  cache.put(NlpPipeline.Config.NEWSGRAPH, article, document);
                }
              }
              return annotator.annotate(article, document);
            });
    List<RelationTraining.Labelled> labelled =
        parallel(
            "labelling candidates",
            documents,
            threads,
            err,
            document ->
                RelationTraining.label(document, gold.document(document.article().id()), encoder));
    TrainingCorpus corpus = new TrainingCorpus(gold, documents, labelled);
    int facts = labelled.stream().mapToInt(RelationTraining.Labelled::goldFacts).sum();
    int reachable = labelled.stream().mapToInt(RelationTraining.Labelled::reachable).sum();
    err.printf(
        "%d of %d gold facts (%.1f%%) have a candidate of the right types%n",
        reachable, facts, 100.0 * reachable / Math.max(1, facts));
    return corpus;
  }

  /** Returns the documents, annotated. */
  public List<AnnotatedArticle> documents() {
    return documents;
  }

  /** Returns the fold of the document at an index. */
  public int fold(int index) {
    return gold.document(documents.get(index).article().id()).fold();
  }

  /** Returns the folds present, in order. */
  public List<Integer> folds() {
    List<Integer> folds = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (!folds.contains(fold(i))) {
        folds.add(fold(i));
      }
    }
    folds.sort(null);
    return folds;
  }

  /** Trains a relation model on the documents of every fold but the one left out (0 for none). */
  public RelationModel train(int leftOut) {
    List<RelationModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (fold(i) != leftOut) {
        examples.addAll(labelled.get(i).examples());
      }
    }
    String folds =
        String.join(",", folds().stream().filter(f -> f != leftOut).map(String::valueOf).toList());
    return RelationModel.train(
        examples,
        SIGMA,
        "KnowledgeNet folds " + folds + " (" + examples.size() + " labelled candidates)");
  }

  /** Applies work to every item on several threads, keeping the order and reporting progress. */
  static <T, R> List<R> parallel(
      String what, List<T> items, int threads, PrintWriter err, Function<T, R> work)
      throws InterruptedException {
    requireNonNull(work, "work");
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
        if (results.size() % 500 == 0 || results.size() == items.size()) {
          err.printf("%s %d/%d%n", what, results.size(), items.size());
          err.flush();
        }
      }
      return results;
    } catch (ExecutionException e) {
      throw new ExtractionException(what + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
