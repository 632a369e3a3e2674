package org.newsgraph.extract.contract;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.util.CoreMap;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.newsgraph.core.Article;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.extract.entity.DocumentEntities;

/**
 * An article with its CoreNLP annotations and the entities recognised in it: what every {@link
 * Extractor} reads.
 *
 * @param article the article
 * @param document CoreNLP's annotations of the article's text
 * @param entities the article's entities, every mention resolved to one of them
 */
public record AnnotatedArticle(Article article, CoreDocument document, DocumentEntities entities) {

  public AnnotatedArticle {
    requireNonNull(article, "article");
    requireNonNull(document, "document");
    requireNonNull(entities, "entities");
  }

  /** Returns the sentences, in order. */
  public List<CoreMap> sentences() {
    return document.annotation().get(CoreAnnotations.SentencesAnnotation.class);
  }

  /** Returns the evidence of the sentence with this 0-based index, found by one extractor. */
  public Evidence evidence(int sentenceIndex, ExtractorId extractor, double confidence) {
    return evidence(sentenceIndex, List.of(extractor), confidence);
  }

  /** Returns the evidence of the sentence with this 0-based index, found by these extractors. */
  public Evidence evidence(
      int sentenceIndex, Collection<ExtractorId> extractors, double confidence) {
    CoreMap sentence = sentences().get(sentenceIndex);
    int start = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
    return new Evidence(
        article.text().substring(start, end), start, end, new TreeSet<>(extractors), confidence);
  }

  /**
   * Returns what separates the article's paragraphs: a blank line, or in a text without blank lines
   * a line break (then each line is a paragraph).
   */
  public String paragraphBreak() {
    String text = article.text();
    return text.contains("\n\n") || !text.contains("\n") ? "\n\n" : "\n";
  }

  /** Returns the index of the sentence holding a character offset, or -1 if none does. */
  public int sentenceAt(int offset) {
    List<CoreMap> sentences = sentences();
    for (int i = 0; i < sentences.size(); i++) {
      CoreMap sentence = sentences.get(i);
      if (offset >= sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class)
          && offset < sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)) {
        return i;
      }
    }
    return -1;
  }
}
