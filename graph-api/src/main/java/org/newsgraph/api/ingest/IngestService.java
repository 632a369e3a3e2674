package org.newsgraph.api.ingest;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.extract.ArticleExtractor;

/**
 * Ingests articles: extracts each with the shared NLP pipeline and stores it as its own graph, in
 * one transaction per article. Used by the command line and by the REST API.
 *
 * <p>Thread-safe: articles may be ingested from several threads at once; the store serialises the
 * writes.
 */
public final class IngestService {

  /** Where the NLP pipeline is in its loading. */
  public enum PipelineState {
    NOT_LOADED,
    LOADING,
    READY,
    FAILED
  }

  private final GraphStore store;
  private final ArticleExtractor extractor;
  private final AtomicReference<PipelineState> state =
      new AtomicReference<>(PipelineState.NOT_LOADED);
  private volatile String failure;

  public IngestService(GraphStore store, ArticleExtractor extractor) {
    this.store = requireNonNull(store, "store");
    this.extractor = requireNonNull(extractor, "extractor");
  }

  /** Returns the store articles go into. */
  public GraphStore store() {
    return store;
  }

  /** Returns where the NLP pipeline is in its loading. */
  public PipelineState pipelineState() {
    return state.get();
  }

  /** Returns why loading the pipeline failed, or {@code null}. */
  public String pipelineFailure() {
    return failure;
  }

  /**
   * Loads the NLP pipeline, if no one has yet; blocks until it is loaded. Loading takes tens of
   * seconds.
   */
  public void loadPipeline() {
    state.compareAndSet(PipelineState.NOT_LOADED, PipelineState.LOADING);
    try {
      extractor.load();
      state.set(PipelineState.READY);
    } catch (RuntimeException | Error e) {
      failure = e.toString();
      state.set(PipelineState.FAILED);
      throw e;
    }
  }

  /** Returns whether the article is stored already with exactly this text. */
  public boolean isStored(Article article) {
    return store.contentHash(article.id()).map(article.contentHash()::equals).orElse(false);
  }

  /**
   * Extracts an article and stores it, replacing an earlier version with the same id.
   *
   * @throws org.newsgraph.core.GraphException if the store refuses the extraction; nothing is
   *     written then
   */
  public IngestResult ingest(Article article) {
    Extraction extraction = extractor.extract(article);
    store.replaceArticle(extraction);
    return IngestResult.of(extraction);
  }

  /** Ingests an article unless it is stored already with the same text. */
  public IngestResult ingestIfChanged(Article article) {
    return isStored(article) ? IngestResult.unchanged(article.id()) : ingest(article);
  }

  /** Returns the extractor. */
  public ArticleExtractor extractor() {
    return extractor;
  }
}
