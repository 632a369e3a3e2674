package org.newsgraph.extract.rules;

import edu.stanford.nlp.ling.CoreAnnotation;

/**
 * The type of the entity a token refers to ({@code PERSON}, {@code ORGANIZATION}, {@code PLACE},
 * {@code PRODUCT}), as the article's entity recognition decided it, pronouns included. Rule
 * patterns match it as {@code entity}: {@code {entity:PERSON}}.
 */
public final class EntityTypeAnnotation implements CoreAnnotation<String> {

  @Override
  public Class<String> getType() {
    return String.class;
  }
}
