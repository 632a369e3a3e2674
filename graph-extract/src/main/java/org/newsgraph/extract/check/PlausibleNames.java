package org.newsgraph.extract.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.extract.entity.Demonyms;
import org.newsgraph.extract.rules.WordLists;

/**
 * An argument's name must be a name of its kind: a person's more than an honorific ("Mr"); an
 * organisation's neither a title ("Transportation Secretary", "New York Attorney General") nor a
 * country ("UK", "Argentina": a president heads the state, which is no organisation here).
 */
final class PlausibleNames implements FactCheck {

  private final Set<String> honorifics;
  private final Set<String> titles;
  private final Set<String> countries;

  PlausibleNames(WordLists cues) {
    honorifics = cues.get("honorific");
    titles = cues.get("title");
    countries = cues.get("country");
  }

  @Override
  public String name() {
    return "plausible-names";
  }

  @Override
  public boolean admits(FactSentence fact) {
    return plausible(fact.fact().subject())
        && (fact.fact().object() == null || plausible(fact.fact().object()));
  }

  boolean plausible(Entity entity) {
    List<String> words =
        Arrays.stream(entity.name().strip().split("\\s+"))
            .map(w -> w.toLowerCase(Locale.ROOT))
            .toList();
    if (entity.type() == EntityType.PERSON) {
      return words.stream().anyMatch(w -> !honorifics.contains(w));
    }
    if (entity.type() == EntityType.ORGANIZATION) {
      String name = String.join(" ", words);
      return !countries.contains(name)
          && !Demonyms.isPlace(entity.name().strip())
          && !(words.size() > 1 && titles.contains(words.get(words.size() - 1)));
    }
    return true;
  }
}
