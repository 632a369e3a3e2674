package org.newsgraph.api.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.GraphStore;

/**
 * Stores extractions many to a transaction, for bulk ingest: one commit for hundreds of articles
 * costs far less than one each (see bench/RESULTS.md). If the store refuses a batch, its articles
 * are stored one by one, so that a bad article costs only itself. Thread-safe; {@link #close()}
 * stores what is left.
 */
public final class BatchedStore implements AutoCloseable {

  /** Articles a transaction. */
  public static final int DEFAULT_SIZE = 500;

  private final GraphStore store;
  private final int size;
  private final BiConsumer<Extraction, RuntimeException> onRefused;
  private final List<Extraction> pending = new ArrayList<>();
  private int refused;

  /**
   * @param onRefused told of each article the store refused, and why
   */
  public BatchedStore(
      GraphStore store, int size, BiConsumer<Extraction, RuntimeException> onRefused) {
    this.store = requireNonNull(store, "store");
    this.size = size;
    this.onRefused = requireNonNull(onRefused, "onRefused");
  }

  /** Adds an extraction; stores the batch once it is full. */
  public synchronized void add(Extraction extraction) {
    pending.add(requireNonNull(extraction, "extraction"));
    if (pending.size() >= size) {
      flush();
    }
  }

  /** Stores the extractions added so far. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Extraction> batch = List.copyOf(pending);
    pending.clear();
    try {
      store.replaceArticles(batch);
    } catch (RuntimeException batchRefused) {
      for (Extraction extraction : batch) {
        try {
          store.replaceArticle(extraction);
        } catch (RuntimeException e) {
          refused++;
          onRefused.accept(extraction, e);
        }
      }
    }
  }

  /** Returns how many articles the store refused. */
  public synchronized int refused() {
    return refused;
  }

  @Override
  public void close() {
    flush();
  }
}
