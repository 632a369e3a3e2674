package org.newsgraph.extract.entity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.RuleFile;

/**
 * The parties that words for their members stand for ("Republican": Republican Party), from {@code
 * rules/party-members.tsv}. Immutable and thread-safe.
 */
public final class PartyMembers {

  private static final String FILE = "rules/party-members.tsv";
  private static final Map<String, String> PARTIES = load();

  private PartyMembers() {}

  /** Returns the party whose members a word names, if it names any. */
  public static Optional<String> partyOf(String word) {
    return Optional.ofNullable(PARTIES.get(word));
  }

  private static Map<String, String> load() {
    String text = RuleFile.required(FILE);
    Map<String, String> parties = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new ExtractionException(FILE + ": expected a word, a tab and a party: " + line);
      }
      parties.put(parts[0].strip(), parts[1].strip());
    }
    return Map.copyOf(parties);
  }
}
