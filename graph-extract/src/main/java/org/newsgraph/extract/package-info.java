/**
 * Extraction: an article's text in, its {@link org.newsgraph.core.Extraction} out. The packages
 * form layers, each using only those below it (ArchitectureTest in graph-api keeps it so):
 *
 * <ol>
 *   <li>foundations: {@code read} (article files and their text), {@code nlp} (the shared CoreNLP
 *       pipeline and dates), {@code rules} (rule files and word lists), {@code entity} (the
 *       article's entities and mentions), {@code link} (Wikipedia titles), {@code encoder} (a
 *       transformer's reading of a sentence's words, for the relation classifier), and this
 *       package's {@link org.newsgraph.extract.ExtractionException};
 *   <li>{@code contract}: what every extractor is given ({@code AnnotatedArticle}) and returns
 *       ({@code Findings});
 *   <li>the extractors, peers that do not know each other: {@code relation}, {@code event}, {@code
 *       quote}; then {@code check}, the checks every fact passes;
 *   <li>{@code pipeline}: {@code ArticleExtractor}, which annotates an article once and runs
 *       linking, the extractors and the checks over it;
 *   <li>tools on top: {@code json} (the records of {@code ./newsgraph extract}) and {@code eval}
 *       (scoring and training).
 * </ol>
 */
package org.newsgraph.extract;
