package org.newsgraph.extract.entity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.extract.rules.TableFile;

/**
 * The parties that words for their members stand for ("Republican": Republican Party; "Lib Dem":
 * Liberal Democrats), from {@code rules/party-members.tsv}. Immutable and thread-safe.
 */
final class PartyMembers {

  /** The party of two words that name none known here ("Christian Democrats"). */
  static final String NONE = "-";

  private static final String FILE = "rules/party-members.tsv";
  private static final Map<String, String> PARTIES = load();

  private PartyMembers() {}

  /**
   * Returns the party whose members a word, or two words apart by a space, name, if they name any;
   * {@link #NONE} for two words that name a party not known here.
   */
  public static Optional<String> partyOf(String word) {
    return Optional.ofNullable(PARTIES.get(word));
  }

  private static Map<String, String> load() {
    Map<String, String> parties = new HashMap<>();
    for (TableFile.Row row : TableFile.read(FILE, 2, "a word, a tab and a party")) {
      parties.put(row.cell(0), row.cell(1));
    }
    return Map.copyOf(parties);
  }
}
