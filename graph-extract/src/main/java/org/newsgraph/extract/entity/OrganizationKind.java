package org.newsgraph.extract.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of organisation a name denotes, from the words that end it ("Purdue University",
 * "Labour Party", "Apple Inc.") or head it before "of" ("University of Manchester"), as listed in
 * {@code rules/organization-kinds.tsv}: SCHOOL, PARTY, COMPANY, GOVERNMENT, TEAM, MEDIA, OTHER, or
 * UNKNOWN. Immutable and thread-safe.
 */
public final class OrganizationKind {

  private static final String RESOURCE = "rules/organization-kinds.tsv";
  private static final Map<String, String> KINDS = load();

  private OrganizationKind() {}

  /** Returns the kind of organisation the name denotes. */
  public static String of(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split("[\\s,]+");
    if (words.length == 0) {
      return "UNKNOWN";
    }
    // The words before "of" head the name: "Chalmers University of Technology" is a university,
    // "Bank of America" a bank.
    int of = java.util.Arrays.asList(words).indexOf("of");
    if (of > 0) {
      String head = KINDS.get(words[of - 1]);
      if (head != null) {
        return head;
      }
    }
    String last = KINDS.get(words[words.length - 1]);
    return last != null ? last : "UNKNOWN";
  }

  private static Map<String, String> load() {
    Map<String, String> kinds = new HashMap<>();
    try (InputStream in = OrganizationKind.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.strip().split("\t");
        if (!line.startsWith("#") && parts.length == 2) {
          kinds.put(parts[0], parts[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Map.copyOf(kinds);
  }
}
