package org.newsgraph.extract.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The gender a person's pronouns have, as far as their first name or the text tells. */
enum Gender {
  MALE,
  FEMALE,
  UNKNOWN;

  /** CoreNLP's list of first names and their usual gender, in its models jar. */
  private static final String NAMES = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";

  /** Returns the gender of a first name, {@link #UNKNOWN} when the list has none or both. */
  public static Gender ofFirstName(String firstName) {
    return FirstNames.GENDERS.getOrDefault(firstName.toLowerCase(Locale.ROOT), UNKNOWN);
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

  /** Read on first use. */
  private static final class FirstNames {
    static final Map<String, Gender> GENDERS = load();

    private static Map<String, Gender> load() {
      Map<String, Gender> genders = new HashMap<>();
      try (InputStream in = Gender.class.getClassLoader().getResourceAsStream(NAMES)) {
        if (in == null) {
          return genders;
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String[] parts = line.split("\t");
          if (parts.length == 2) {
            Gender gender =
                "MALE".equals(parts[1]) ? MALE : "FEMALE".equals(parts[1]) ? FEMALE : UNKNOWN;
            genders.merge(parts[0], gender, (a, b) -> a == b ? a : UNKNOWN);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + NAMES, e);
      }
      return genders;
    }
  }
}
