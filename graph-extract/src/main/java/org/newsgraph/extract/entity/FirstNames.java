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

/**
 * First names and the gender they usually have, from CoreNLP's list in its models jar: a person's
 * pronouns agree with it, and a Wikipedia title of a first name and a surname is a person's page.
 * Read on first use; thread-safe.
 */
public final class FirstNames {

  /** CoreNLP's list of first names and their usual gender, in its models jar. */
  private static final String NAMES = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";

  private FirstNames() {}

  /** Returns whether a word is a first name ("Nikola", "Priya"), whatever its case. */
  public static boolean contains(String word) {
    return Loaded.GENDERS.containsKey(word.toLowerCase(Locale.ROOT));
  }

  /** Returns the gender of a first name, {@link Gender#UNKNOWN} when the list has none or both. */
  static Gender genderOf(String firstName) {
    return Loaded.GENDERS.getOrDefault(firstName.toLowerCase(Locale.ROOT), Gender.UNKNOWN);
  }

  private static final class Loaded {
    static final Map<String, Gender> GENDERS = load();

    private static Map<String, Gender> load() {
      Map<String, Gender> genders = new HashMap<>();
      try (InputStream in = FirstNames.class.getClassLoader().getResourceAsStream(NAMES)) {
        if (in == null) {
          return genders;
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String[] parts = line.split("\t");
          if (parts.length == 2) {
            Gender gender =
                "MALE".equals(parts[1])
                    ? Gender.MALE
                    : "FEMALE".equals(parts[1]) ? Gender.FEMALE : Gender.UNKNOWN;
            genders.merge(parts[0], gender, (a, b) -> a == b ? a : Gender.UNKNOWN);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + NAMES, e);
      }
      return genders;
    }
  }
}
