package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

/**
 * Words an article quotes directly, attributed to the entity who said them.
 *
 * @param text the quoted words without the quotation marks
 * @param start character offset of the first quoted character
 * @param end character offset just after the last quoted character
 * @param speaker who said them, a person or an organisation
 * @param evidence the sentence around the quote, the extractor and the confidence
 */
public record Quote(String text, int start, int end, Entity speaker, Evidence evidence) {

  public Quote {
    requireNonNull(text, "text");
    requireNonNull(speaker, "speaker");
    requireNonNull(evidence, "evidence");
    if (text.isBlank()) {
      throw new GraphException("quote at " + start + " is empty");
    }
    if (start < 0 || end <= start) {
      throw new GraphException("quote has bad offsets " + start + ".." + end);
    }
    if (speaker.type() != EntityType.PERSON && speaker.type() != EntityType.ORGANIZATION) {
      throw new GraphException(
          "quote at " + start + ": speaker " + speaker.name() + " is a " + speaker.type().label());
    }
  }
}
