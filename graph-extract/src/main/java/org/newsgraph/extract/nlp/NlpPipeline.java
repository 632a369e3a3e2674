package org.newsgraph.extract.nlp;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.core.Article;

/**
 * A Stanford CoreNLP pipeline, loaded once per process for each configuration and shared.
 *
 * <p>Loading takes seconds to tens of seconds and gigabytes of heap, so pipelines are built lazily
 * by {@link #shared} and kept for the life of the process. {@link #annotate} is thread-safe:
 * several threads may annotate different articles at once.
 */
public final class NlpPipeline {

  /** The annotators a pipeline runs and how they are set up. */
  public enum Config {
    /**
     * What Newsgraph's own extraction reads: tokens, sentences, parts of speech, lemmas, the coarse
     * named-entity tags with SUTime's dates, and enhanced dependencies. Coreference, KBP and quote
     * attribution are Newsgraph's own, and the fine-grained KBP gazetteer is left out: together
     * they cost three quarters of the stock pipeline's time. Of the three NER models, the MUC
     * seven-class one is left out too: its dates and amounts come from SUTime and the numeric
     * classifiers anyway, and without it the pipeline ran 18% faster on the benchmark corpus with
     * the same scores on the news sets. And the tagger is {@link SelectiveTimeNerAnnotator}:
     * CoreNLP's, with SUTime only on the sentences that can hold a time.
     */
    NEWSGRAPH(
        List.of("tokenize", "ssplit", "pos", "lemma", "ner", "depparse"),
        Map.of("ner", SelectiveTimeNerAnnotator.class),
        Map.of(
            "ner.applyFineGrained",
            "false",
            "ner.model",
            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz,"
                + "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz")),
    /**
     * The stock CoreNLP pipeline with statistical coreference, KBP relations and quote attribution:
     * the reference that evaluations compare Newsgraph with.
     */
    STOCK(
        List.of("tokenize", "ssplit", "pos", "lemma", "ner", "depparse", "coref", "kbp", "quote"),
        Map.of(),
        Map.of("coref.algorithm", "statistical"));

    private final List<String> annotators;
    private final Map<String, Class<? extends Annotator>> replaced;
    private final Map<String, String> settings;

    Config(
        List<String> annotators,
        Map<String, Class<? extends Annotator>> replaced,
        Map<String, String> settings) {
      this.annotators = annotators;
      this.replaced = replaced;
      this.settings = settings;
    }

    /** Returns the annotators, in pipeline order. */
    public List<String> annotators() {
      return annotators;
    }

    /** Returns whether this configuration runs the annotator. */
    public boolean runs(String annotator) {
      return annotators.contains(annotator);
    }

    Properties properties() {
      Properties properties = new Properties();
      List<String> names = new ArrayList<>();
      for (String annotator : annotators) {
        Class<? extends Annotator> own = replaced.get(annotator);
        if (own == null) {
          names.add(annotator);
        } else {
          // CoreNLP's own names always mean its own classes: a replacement needs another name.
          names.add("newsgraph_" + annotator);
          properties.setProperty("customAnnotatorClass.newsgraph_" + annotator, own.getName());
        }
      }
      properties.setProperty("annotators", String.join(",", names));
      // Paragraph breaks always end a sentence; single line breaks inside paragraphs do not.
      properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
      settings.forEach(properties::setProperty);
      return properties;
    }
  }

  private static final Map<Config, NlpPipeline> SHARED = new ConcurrentHashMap<>();

  private final Config config;
  private final StanfordCoreNLP coreNlp;
  private final Duration loadTime;

  private NlpPipeline(Config config) {
    this.config = config;
    long start = System.nanoTime();
    this.coreNlp = new StanfordCoreNLP(config.properties());
    this.loadTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Returns the process's pipeline of this configuration, loading it on first use. Concurrent first
   * calls wait for one load.
   */
  public static NlpPipeline shared(Config config) {
    requireNonNull(config, "config");
    return SHARED.computeIfAbsent(config, NlpPipeline::new);
  }

  /**
   * Returns a new pipeline of this configuration, not shared: for stock CoreNLP, whose quote
   * attribution is not safe to share between threads.
   */
  public static NlpPipeline create(Config config) {
    return new NlpPipeline(requireNonNull(config, "config"));
  }

  /** Returns the configuration. */
  public Config config() {
    return config;
  }

  /** Returns how long loading the models took. */
  public Duration loadTime() {
    return loadTime;
  }

  /**
   * Annotates an article's text. The article's publication date, if any, anchors relative dates
   * such as "on Tuesday".
   */
  public CoreDocument annotate(Article article) {
    Annotation annotation = new Annotation(article.text());
    if (article.published() != null) {
      annotation.set(CoreAnnotations.DocDateAnnotation.class, article.published().toString());
    }
    coreNlp.annotate(annotation);
    if (article.published() != null) {
      Weekdays.resolve(
          annotation.get(CoreAnnotations.SentencesAnnotation.class), article.published());
    }
    return new CoreDocument(annotation);
  }
}
