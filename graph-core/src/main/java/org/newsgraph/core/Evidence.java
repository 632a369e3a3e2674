package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

/**
 * Where a fact, an event or a quote came from in its article, and how sure the extraction is.
 *
 * @param sentence the text of the sentence that states it
 * @param sentenceStart character offset where the sentence begins
 * @param sentenceEnd character offset just after the sentence ends
 * @param extractor the name of the extractor (or extractors, joined by {@code +}) that found it
 * @param confidence from 0 to 1
 */
public record Evidence(
    String sentence, int sentenceStart, int sentenceEnd, String extractor, double confidence) {

  public Evidence {
    requireNonNull(sentence, "sentence");
    requireNonNull(extractor, "extractor");
    if (sentenceStart < 0 || sentenceEnd < sentenceStart) {
      throw new GraphException(
          "evidence has bad sentence offsets " + sentenceStart + ".." + sentenceEnd);
    }
    if (extractor.isBlank()) {
      throw new GraphException("evidence names no extractor");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new GraphException("confidence " + confidence + " is outside 0..1");
    }
  }

  /** Returns the same evidence with another extractor name and confidence. */
  public Evidence with(String extractor, double confidence) {
    return new Evidence(sentence, sentenceStart, sentenceEnd, extractor, confidence);
  }
}
