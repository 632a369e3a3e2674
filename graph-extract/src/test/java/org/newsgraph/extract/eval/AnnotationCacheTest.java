package org.newsgraph.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations;
import edu.stanford.nlp.util.CoreMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Annotations kept while other threads annotate with the same pipeline: an entry must not reach
 * anything the pipeline or another document holds, and must give back what was annotated.
 */
class AnnotationCacheTest {

  private static final NlpPipeline PIPELINE = NlpPipeline.shared(NlpPipeline.Config.NEWSGRAPH);

  private static final Article ACQUISITION =
      new Article(
          "cache-1",
          "Marta Oyelaran, the chief executive of Brightwater Analytics, said on Tuesday that the"
              + " company had bought Kestrel Labs of Leeds for 40 million pounds.",
          "Brightwater buys Kestrel",
          null,
          LocalDate.of(2024, 3, 14));

  private static final Article APPOINTMENT =
      new Article(
          "cache-2",
          "Tomasz Wierzba joined Halden Shipping as its chief financial officer in May, after"
              + " eleven years at Norvik Bank in Oslo.",
          "Halden names finance chief",
          null,
          LocalDate.of(2024, 6, 2));

  @Test
  void anEntryReachesNoMutableObjectThatAnotherDocumentsEntryReaches() throws IOException {
    Set<Object> first = written(PIPELINE.annotate(ACQUISITION).annotation());
    Set<Object> second = written(PIPELINE.annotate(APPOINTMENT).annotation());

    // Objects both entries write are objects the two annotations share: the pipeline's, or
    // CoreNLP's process-wide ones, which another thread may change while an entry is written.
    Set<String> shared = new TreeSet<>();
    for (Object object : first) {
      if (second.contains(object)) {
        shared.add(object.getClass().getName() + " " + object);
      }
    }
    assertThat(shared).as("objects written in both entries").isEmpty();
  }

  @Test
  void aKeptAnnotationGivesTheSameExtractionAndTheProcesssRelations(@TempDir Path folder) {
    ArticleExtractor extractor = ArticleExtractor.standard();
    AnnotationCache cache = new AnnotationCache(folder);
    CoreDocument annotated = PIPELINE.annotate(ACQUISITION);

    assertThat(cache.put(NlpPipeline.Config.NEWSGRAPH, ACQUISITION, annotated)).isTrue();
    CoreDocument kept = cache.get(NlpPipeline.Config.NEWSGRAPH, ACQUISITION).orElseThrow();

    assertThat(extractor.extract(extractor.annotate(ACQUISITION, kept)))
        .isEqualTo(extractor.extract(extractor.annotate(ACQUISITION, annotated)));
    List<GrammaticalRelation> relations = relations(kept.annotation());
    assertThat(relations).extracting(GrammaticalRelation::toString).contains("nmod:of", "obl:for");
    // The same objects a parse makes, so that they have the parents a parse gives them.
    Map<String, GrammaticalRelation> parsed = new HashMap<>();
    for (GrammaticalRelation relation : relations(PIPELINE.annotate(ACQUISITION).annotation())) {
      parsed.put(relation.toString(), relation);
    }
    assertThat(relations)
        .allSatisfy(r -> assertThat(r).as(r.toString()).isSameAs(parsed.get(r.toString())));
  }

  @Test
  void entriesAreWrittenWhileParsesMakeNewRelations() throws Exception {
    Annotation annotation = PIPELINE.annotate(APPOINTMENT).annotation();
    byte[] alone = entry(annotation);

    // A parse that meets a preposition for the first time makes its relation, such as obl:amid,
    // and adds it to obl's children: what other threads did while entries were written.
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Integer> parses =
        CompletableFuture.supplyAsync(
            () -> {
              int made = 0;
              while (writing.get() && made < 20_000) {
                UniversalEnglishGrammaticalRelations.getObl("cache-test-" + made++);
              }
              return made;
            });
    List<byte[]> entries = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        entries.add(entry(annotation));
      }
    } finally {
      writing.set(false);
    }

    assertThat(parses.get()).isPositive();
    assertThat(entries).allSatisfy(entry -> assertThat(entry).isEqualTo(alone));
    assertThat(relations(AnnotationCache.read(new ByteArrayInputStream(alone))))
        .containsExactlyInAnyOrderElementsOf(relations(annotation));
  }

  /**
   * Every object an entry of the annotation writes, but values that cannot change: strings, boxed
   * numbers, enums, classes and objects without fields (such as CoreNLP's map factories).
   */
  private static Set<Object> written(Annotation annotation) throws IOException {
    Set<Object> objects = Collections.newSetFromMap(new IdentityHashMap<>());
    try (AnnotationCache.EntryOutput out =
        new AnnotationCache.EntryOutput(OutputStream.nullOutputStream()) {
          @Override
          protected Object replaceObject(Object object) throws IOException {
            Object written = super.replaceObject(object);
            if (!(written instanceof String
                || written instanceof Number
                || written instanceof Boolean
                || written instanceof Character
                || written instanceof Enum<?>
                || written instanceof Class<?>
                || stateless(written))) {
              objects.add(written);
            }
            return written;
          }
        }) {
      out.writeObject(annotation);
    }
    return objects;
  }

  private static boolean stateless(Object object) {
    for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          return false;
        }
      }
    }
    return true;
  }

  private static byte[] entry(Annotation annotation) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AnnotationCache.write(annotation, bytes);
    return bytes.toByteArray();
  }

  private static List<SemanticGraphEdge> edges(Annotation annotation) {
    List<SemanticGraphEdge> edges = new ArrayList<>();
    for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      graph.edgeIterable().forEach(edges::add);
    }
    return edges;
  }

  private static List<GrammaticalRelation> relations(Annotation annotation) {
    return edges(annotation).stream().map(SemanticGraphEdge::getRelation).toList();
  }
}
