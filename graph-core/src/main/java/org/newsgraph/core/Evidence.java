package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a fact, an event or a quote came from in its article, and how sure the extraction is.
 *
 * @param sentence the text of the sentence that states it
 * @param sentenceStart character offset where the sentence begins
 * @param sentenceEnd character offset just after the sentence ends
 * @param extractors the extractors that found it, at least one
 * @param confidence from 0 to 1
 */
public record Evidence(
    String sentence,
    int sentenceStart,
    int sentenceEnd,
    SortedSet<ExtractorId> extractors,
    double confidence) {

  /** What joins the extractors in {@link #extractor()}, the form the graph and records keep. */
  public static final String SEPARATOR = "+";

  public Evidence {
    requireNonNull(sentence, "sentence");
    requireNonNull(extractors, "extractors");
    if (sentenceStart < 0 || sentenceEnd < sentenceStart) {
      throw new GraphException(
          "evidence has bad sentence offsets " + sentenceStart + ".." + sentenceEnd);
    }
    if (extractors.isEmpty()) {
      throw new GraphException("evidence names no extractor");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new GraphException("confidence " + confidence + " is outside 0..1");
    }
    extractors = Collections.unmodifiableSortedSet(new TreeSet<>(extractors));
  }

  /** Evidence from one extractor, or from several in their written form joined by {@code +}. */
  public Evidence(
      String sentence, int sentenceStart, int sentenceEnd, String extractor, double confidence) {
    this(sentence, sentenceStart, sentenceEnd, parse(extractor), confidence);
  }

  /** Evidence from one extractor. */
  public Evidence(
      String sentence,
      int sentenceStart,
      int sentenceEnd,
      ExtractorId extractor,
      double confidence) {
    this(sentence, sentenceStart, sentenceEnd, new TreeSet<>(Set.of(extractor)), confidence);
  }

  private static SortedSet<ExtractorId> parse(String extractors) {
    requireNonNull(extractors, "extractor");
    if (extractors.isBlank()) {
      return new TreeSet<>();
    }
    return Arrays.stream(extractors.split("\\" + SEPARATOR))
        .map(ExtractorId::parse)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The extractors in their written form, joined by {@code +}, as the graph keeps them. */
  public String extractor() {
    return extractors.stream().map(ExtractorId::toString).collect(Collectors.joining(SEPARATOR));
  }

  /** Whether the extractor of this name is among those that found it. */
  public boolean foundBy(String name) {
    return extractors.stream().anyMatch(id -> id.name().equals(name));
  }

  /** Whether the extractor of this name alone found it. */
  public boolean foundOnlyBy(String name) {
    return extractors.stream().allMatch(id -> id.name().equals(name));
  }

  /** Returns the same evidence with other extractors and confidence. */
  public Evidence with(Collection<ExtractorId> extractors, double confidence) {
    return new Evidence(
        sentence, sentenceStart, sentenceEnd, new TreeSet<>(extractors), confidence);
  }
}
