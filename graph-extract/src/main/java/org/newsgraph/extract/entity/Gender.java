package org.newsgraph.extract.entity;

import java.util.Locale;

/** The gender a person's pronouns have, as far as their first name or the text tells. */
enum Gender {
  MALE,
  FEMALE,
  UNKNOWN;

  /** Returns the gender of a first name, {@link #UNKNOWN} when the list has none or both. */
  public static Gender ofFirstName(String firstName) {
    return FirstNames.genderOf(firstName);
  }

  /** Returns the gender a personal pronoun implies ("she" is female, "it" unknown). */
  public static Gender ofPronoun(String pronoun) {
    return switch (pronoun.toLowerCase(Locale.ROOT)) {
      case "he", "him", "his", "himself" -> MALE;
      case "she", "her", "hers", "herself" -> FEMALE;
      default -> UNKNOWN;
    };
  }

  /** Returns whether a person of this gender may be referred to by a pronoun of the other. */
  public boolean agrees(Gender pronoun) {
    return this == UNKNOWN || pronoun == UNKNOWN || this == pronoun;
  }
}
