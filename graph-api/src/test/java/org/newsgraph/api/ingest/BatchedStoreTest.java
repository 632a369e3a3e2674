package org.newsgraph.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.Tdb2GraphStore;

class BatchedStoreTest {

  @TempDir Path folder;

  @Test
  void articlesAreStoredABatchAtATimeAndTheRestOnFlush() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder);
        BatchedStore batches = new BatchedStore(store, 2, (e, why) -> {})) {
      batches.add(article("a"));
      List<String> afterOne = store.articleIds();
      batches.add(article("b"));
      List<String> afterTwo = store.articleIds();
      batches.add(article("c"));
      List<String> afterThree = store.articleIds();
      batches.flush();

      assertThat(afterOne).isEmpty();
      assertThat(afterTwo).containsExactlyInAnyOrder("a", "b");
      assertThat(afterThree).containsExactlyInAnyOrder("a", "b");
      assertThat(store.articleIds()).containsExactlyInAnyOrder("a", "b", "c");
    }
  }

  @Test
  void anArticleTheStoreRefusesCostsOnlyItself() {
    List<String> reported = new ArrayList<>();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      GraphStore refusingB = refusing(store, "b");
      try (BatchedStore batches =
          new BatchedStore(refusingB, 3, (e, why) -> reported.add(e.article().id()))) {
        batches.add(article("a"));
        batches.add(article("b"));
        batches.add(article("c"));

        assertThat(batches.refused()).isEqualTo(1);
      }
      assertThat(reported).containsExactly("b");
      assertThat(store.articleIds()).containsExactlyInAnyOrder("a", "c");
    }
  }

  private static Extraction article(String id) {
    return Fixtures.nordvik(id, Fixtures.NORDVIK_TEXT);
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
