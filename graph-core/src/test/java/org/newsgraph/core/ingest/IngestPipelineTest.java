package org.newsgraph.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.Tdb2GraphStore;

class IngestPipelineTest {

  @TempDir Path folder;

  /** Every article "extracts" as the Nordvik fixture under its own id and text. */
  private static Extraction extract(Article article) {
    if (article.text().contains("unreadable")) {
      throw new GraphException("article " + article.id() + ": cannot be extracted");
    }
    return Fixtures.nordvik(article.id(), article.text());
  }

  private static List<Article> articles(String... ids) {
    List<Article> articles = new ArrayList<>();
    for (String id : ids) {
      articles.add(new Article(id, Fixtures.NORDVIK_TEXT, null, null, null));
    }
    return articles;
  }

  @Test
  void articlesAreStoredManyToATransactionAndEachIsReportedOnce() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      CountingStore counting = new CountingStore(store);
      IngestPipeline pipeline =
          IngestPipeline.into(counting.proxy())
              .extractor(IngestPipelineTest::extract)
              .batchSize(2)
              .build();
      List<String> told = Collections.synchronizedList(new ArrayList<>());

      IngestPipeline.Report report =
          pipeline.ingest(
              articles("a", "b", "c", "d", "e"),
              (outcome, progress) -> told.add(outcome.article().id() + ":" + outcome.status()));

      assertThat(store.articleIds()).containsExactly("a", "b", "c", "d", "e");
      assertThat(counting.writes).hasValue(3);
      assertThat(told)
          .containsExactlyInAnyOrder("a:STORED", "b:STORED", "c:STORED", "d:STORED", "e:STORED");
      assertThat(report.stored()).isEqualTo(5);
      assertThat(report.progress().done()).isEqualTo(5);
      assertThat(report.progress().amount()).isPositive();
    }
  }

  @Test
  void anArticleThatFailsToExtractOrThatTheStoreRefusesCostsOnlyItself() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      GraphStore refusingB = refusing(store, "b");
      IngestPipeline pipeline =
          IngestPipeline.into(refusingB)
              .extractor(IngestPipelineTest::extract)
              .batchSize(10)
              .build();
      List<Article> articles = articles("a", "b", "c");
      articles.add(new Article("d", "This text is unreadable on purpose.", null, null, null));
      List<String> errors = new ArrayList<>();

      IngestPipeline.Report report =
          pipeline.ingest(
              articles,
              (outcome, progress) -> {
                if (outcome.status() == IngestPipeline.Status.FAILED) {
                  errors.add(outcome.error());
                }
              });

      assertThat(store.articleIds()).containsExactlyInAnyOrder("a", "c");
      assertThat(errors)
          .containsExactlyInAnyOrder("article b refused", "article d: cannot be extracted");
      assertThat(report.failed()).isEqualTo(2);
      assertThat(report.progress().failed()).isEqualTo(2);
    }
  }

  @Test
  void unchangedArticlesAreLeftAsTheyAreWhenAsked() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      AtomicInteger extracted = new AtomicInteger();
      IngestPipeline pipeline =
          IngestPipeline.into(store)
              .extractor(
                  article -> {
                    extracted.incrementAndGet();
                    return extract(article);
                  })
              .skipUnchanged(true)
              .build();
      pipeline.ingest(articles("a", "b"), (outcome, progress) -> {});

      List<Article> again = articles("a");
      again.add(new Article("b", Fixtures.NORDVIK_TEXT + " It said more.", null, null, null));
      IngestPipeline.Report report = pipeline.ingest(again, (outcome, progress) -> {});

      assertThat(report.unchanged()).isEqualTo(1);
      assertThat(report.stored()).isEqualTo(1);
      assertThat(extracted).hasValue(3);
      assertThat(pipeline.ingest(articles("a").get(0)).unchanged()).isTrue();
    }
  }

  @Test
  void aCancelledRunExtractsNoFurtherArticleAndKeepsWhatItStored() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      AtomicInteger extracted = new AtomicInteger();
      IngestPipeline pipeline =
          IngestPipeline.into(store)
              .extractor(
                  article -> {
                    extracted.incrementAndGet();
                    return extract(article);
                  })
              .threads(1)
              .build();

      IngestPipeline.Report report =
          pipeline.ingest(
              articles("a", "b", "c", "d", "e", "f", "g", "h"),
              (outcome, progress) -> {},
              () -> extracted.get() >= 2);

      assertThat(report.cancelled()).isTrue();
      // What was extracted before the cancel (two, and at most the two queued behind) is stored.
      assertThat(report.stored()).isBetween(2, 4).isEqualTo(store.articleIds().size());
    }
  }

  @Test
  void aPipelineWithoutAnExtractorStoresGraphsOnlyAndSaysSo() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      IngestPipeline pipeline = IngestPipeline.into(store).build();

      assertThatThrownBy(() -> pipeline.ingest(articles("a").get(0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this pipeline stores article graphs only: it has no extractor");
    }
  }

  /** The store, counting the writes of batches that reach it. */
  private static final class CountingStore {
    final GraphStore store;
    final AtomicInteger writes = new AtomicInteger();

    CountingStore(GraphStore store) {
      this.store = store;
    }

    GraphStore proxy() {
      return (GraphStore)
          Proxy.newProxyInstance(
              GraphStore.class.getClassLoader(),
              new Class<?>[] {GraphStore.class},
              (proxy, method, arguments) -> {
                if (method.getName().equals("replaceArticles")) {
                  writes.incrementAndGet();
                }
                try {
                  return method.invoke(store, arguments);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  /** The store, refusing every write that holds the article with this id. */
  private static GraphStore refusing(GraphStore store, String id) {
    return (GraphStore)
        Proxy.newProxyInstance(
            GraphStore.class.getClassLoader(),
            new Class<?>[] {GraphStore.class},
            (proxy, method, arguments) -> {
              Object argument = arguments == null ? null : arguments[0];
              boolean holdsIt =
                  argument instanceof Extraction e && e.article().id().equals(id)
                      || argument instanceof List<?> batch
                          && batch.stream()
                              .anyMatch(e -> ((Extraction) e).article().id().equals(id));
              if (holdsIt) {
                throw new GraphException("article " + id + " refused");
              }
              try {
                return method.invoke(store, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
