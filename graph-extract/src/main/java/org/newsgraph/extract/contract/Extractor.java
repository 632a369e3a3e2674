package org.newsgraph.extract.contract;

import java.util.Set;

/**
 * One strategy for finding one kind of fact, event or quote in an annotated article.
 *
 * <p>An extractor states which CoreNLP annotators it needs, so that the pipeline runs only what the
 * configured extractors use. Implementations are stateless and thread-safe.
 */
public interface Extractor {

  /** Returns the name recorded as the provenance of what this extractor finds. */
  String name();

  /** Returns the CoreNLP annotators whose annotations this extractor reads, such as {@code kbp}. */
  Set<String> requiredAnnotators();

  /** Returns what this extractor finds in the article. */
  Findings extract(AnnotatedArticle article);
}
