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
 * "New South Wales"), from the KBP gazetteer in CoreNLP's models jar. Its cities are left out: too
 * many towns share a name with a university or a company ("Harvard", "Toyota") for a city name to
 * say what a name means. Immutable and thread-safe.
 */
public final class Regions {

  private static final String GAZETTEER =
      "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";

  /** A plain name: the gazetteer also holds patterns and forms such as "ohio-born". */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L} .']+");

  private static final Set<String> NAMES = load();

  private Regions() {}

  /** Returns whether a name, in any case, is that of a country or of a state or province. */
  public static boolean isRegion(String name) {
    return NAMES.contains(name.strip().toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    Set<String> names = new HashSet<>();
    try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(GAZETTEER)) {
      if (in == null) {
        return Set.of();
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split("\t", 3);
        if (fields.length >= 2
            && (fields[1].equals("COUNTRY") || fields[1].equals("STATE_OR_PROVINCE"))
            && PLAIN.matcher(fields[0]).matches()) {
          names.add(fields[0].toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + GAZETTEER, e);
    }
    return Set.copyOf(names);
  }
}
