package org.newsgraph.extract.entity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.extract.rules.TableFile;

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
    for (TableFile.Row row : TableFile.read(RESOURCE, 2, "a word, a tab and a kind")) {
      kinds.put(row.cell(0), row.cell(1));
    }
    return Map.copyOf(kinds);
  }
}
