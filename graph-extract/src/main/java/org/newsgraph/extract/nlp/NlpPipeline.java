package org.newsgraph.extract.nlp;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.core.Article;

/**
 * A Stanford CoreNLP pipeline, loaded once per process for each set of annotators and shared.
 *
 * <p>Loading takes tens of seconds and gigabytes of heap, so pipelines are built lazily by {@link
 * #shared} and kept for the life of the process. {@link #annotate} is thread-safe: several threads
 * may annotate different articles at once.
 */
public final class NlpPipeline {

  /** The annotators of the full pipeline, in the order CoreNLP needs them. */
  public static final List<String> FULL =
      List.of("tokenize", "ssplit", "pos", "lemma", "ner", "depparse", "coref", "kbp", "quote");

  /** What each annotator needs to have run before it. */
  private static final Map<String, List<String>> PREREQUISITES =
      Map.of(
          "ssplit", List.of("tokenize"),
          "pos", List.of("ssplit"),
          "lemma", List.of("pos"),
          "ner", List.of("lemma"),
          "depparse", List.of("pos"),
          "coref", List.of("ner", "depparse"),
          "kbp", List.of("ner", "depparse", "coref"),
          "quote", List.of("ner", "depparse", "coref"));

  private static final Map<List<String>, NlpPipeline> SHARED = new ConcurrentHashMap<>();

  private final List<String> annotators;
  private final StanfordCoreNLP coreNlp;
  private final Duration loadTime;

  private NlpPipeline(List<String> annotators) {
    this.annotators = List.copyOf(annotators);
    long start = System.nanoTime();
    this.coreNlp = new StanfordCoreNLP(properties(annotators));
    this.loadTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Returns the process's pipeline with these annotators, loading it on first use. Concurrent first
   * calls wait for one load.
   *
   * @param annotators CoreNLP annotator names in pipeline order, such as {@link #FULL}
   */
  public static NlpPipeline shared(List<String> annotators) {
    requireNonNull(annotators, "annotators");
    return SHARED.computeIfAbsent(List.copyOf(annotators), NlpPipeline::new);
  }

  /**
   * Returns the annotators needed to produce the given ones, each after what it needs, in the order
   * of {@link #FULL}.
   *
   * @throws IllegalArgumentException for an annotator this class does not know
   */
  public static List<String> closure(java.util.Collection<String> wanted) {
    java.util.Set<String> needed = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(wanted);
    while (!todo.isEmpty()) {
      String annotator = todo.pop();
      if (!FULL.contains(annotator)) {
        throw new IllegalArgumentException(
            "unknown annotator \"" + annotator + "\", expected one of " + FULL);
      }
      if (needed.add(annotator)) {
        todo.addAll(PREREQUISITES.getOrDefault(annotator, List.of()));
      }
    }
    return FULL.stream().filter(needed::contains).toList();
  }

  /** Returns the annotators this pipeline runs. */
  public List<String> annotators() {
    return annotators;
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
    return new CoreDocument(annotation);
  }

  private static Properties properties(List<String> annotators) {
    Properties properties = new Properties();
    properties.setProperty("annotators", String.join(",", annotators));
    // Paragraph breaks always end a sentence; single line breaks inside paragraphs do not.
    properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
    properties.setProperty("coref.algorithm", "statistical");
    properties.setProperty("ner.useSUTime", "true");
    return properties;
  }
}
