package org.newsgraph.extract.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of countries and of their first-level regions (states, provinces: "Illinois", "Quebec",
 * "New South Wales"), and of cities, from the KBP gazetteer in CoreNLP's models jar. Regions and
 * cities are kept apart: too many towns share a name with a university or a company ("Harvard",
 * "Toyota") for a city's name to say by itself what a name means. Immutable and thread-safe.
 */
public final class Regions {

  private static final String GAZETTEER =
      "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";

  /** A plain name: the gazetteer also holds patterns and forms such as "ohio-born". */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L} .']+");

  private static final Set<String> REGIONS = new HashSet<>();
  private static final Set<String> CITIES = new HashSet<>();

  static {
    load();
  }

  private Regions() {}

  /** Returns whether a name, in any case, is that of a country or of a state or province. */
  public static boolean isRegion(String name) {
    return REGIONS.contains(fold(name));
  }

  /** Returns whether a name, in any case, is that of a city, a region or a country. */
  public static boolean isPlace(String name) {
    String folded = fold(name);
    return REGIONS.contains(folded) || CITIES.contains(folded);
  }

  private static String fold(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static void load() {
    try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(GAZETTEER)) {
      if (in == null) {
        return;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split("\t", 3);
        if (fields.length < 2 || !PLAIN.matcher(fields[0]).matches()) {
          continue;
        }
        switch (fields[1]) {
          case "COUNTRY", "STATE_OR_PROVINCE" -> REGIONS.add(fold(fields[0]));
          case "CITY" -> CITIES.add(fold(fields[0]));
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + GAZETTEER, e);
    }
  }
}
