package org.newsgraph.extract.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places that adjectives of nationality stand for ("Greek": Greece, "Senegalese": Senegal),
 * from the list in CoreNLP's models jar. Immutable and thread-safe.
 */
public final class Demonyms {

  private static final String LIST = "edu/stanford/nlp/models/dcoref/demonyms.txt";

  /** Places the list names by a short or old form, and the name news uses. */
  private static final Map<String, String> PREFERRED =
      Map.of(
          "America",
          "United States",
          "U.S.",
          "United States",
          "Britain",
          "United Kingdom",
          "Great Britain",
          "United Kingdom",
          "U.K.",
          "United Kingdom",
          "United Kingdom.",
          "United Kingdom");

  private static final Map<String, String> PLACES = load();
  private static final Set<String> PLACE_NAMES = Set.copyOf(PLACES.values());

  private Demonyms() {}

  /** Returns the place that an adjective of nationality, or its plural, stands for. */
  public static Optional<String> placeOf(String word) {
    return Optional.ofNullable(PLACES.get(word));
  }

  /** Returns whether a name is that of a place which has an adjective of nationality. */
  public static boolean isPlace(String name) {
    return PLACE_NAMES.contains(name);
  }

  private static Map<String, String> load() {
    Map<String, String> places = new HashMap<>();
    try (InputStream in = Demonyms.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) {
        return places;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length < 2) {
          continue;
        }
        String place = PREFERRED.getOrDefault(parts[0].strip(), parts[0].strip());
        for (int i = 1; i < parts.length; i++) {
          String word = parts[i].strip();
          if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
            places.putIfAbsent(word, place);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LIST, e);
    }
    return Map.copyOf(places);
  }
}
