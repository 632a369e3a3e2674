package org.newsgraph.api.ingest;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Loads the NLP pipeline that ingest needs, once, and says where it is in its loading: the server
 * answers SPARQL and reads at once and loads the models (half a minute) in the background, while
 * ingest answers 503 until they are in. The extractor itself is made then too: reading its rule
 * files and relation model takes seconds, which the server need not wait for to answer SPARQL.
 * Thread-safe.
 */
public final class NlpPipelineLoader {

  /** Where the NLP pipeline is in its loading. */
  public enum State {
    NOT_LOADED,
    LOADING,
    READY,
    FAILED
  }

  private final Supplier<ArticleExtractor> extractor;
  private final AtomicReference<State> state = new AtomicReference<>(State.NOT_LOADED);
  private volatile String failure;

  /**
   * @param extractor makes (or returns) the extractor whose pipeline is loaded
   */
  public NlpPipelineLoader(Supplier<ArticleExtractor> extractor) {
    this.extractor = requireNonNull(extractor, "extractor");
  }

  /** Returns where the NLP pipeline is in its loading. */
  public State state() {
    return state.get();
  }

  /** Returns why loading the pipeline failed, or {@code null}. */
  public String failure() {
    return failure;
  }

  /**
   * Loads the NLP pipeline, if no one has yet; blocks until it is loaded. Loading takes tens of
   * seconds.
   */
  public void load() {
    state.compareAndSet(State.NOT_LOADED, State.LOADING);
    try {
      extractor.get().load();
      state.set(State.READY);
    } catch (RuntimeException | Error e) {
      failure = e.toString();
      state.set(State.FAILED);
      throw e;
    }
  }
}
