package org.newsgraph.extract.check;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.entity.Demonyms;
import org.newsgraph.extract.rules.WordLists;

/**
 * An argument's name must be a name of its kind: a person's more than an honorific ("Mr"); an
 * organisation's neither a title ("Transportation Secretary", "New York Attorney General"), nor a
 * word for a kind of organisation ("Institute", left of "the Institute for the Future"), nor a
 * country ("UK", "Argentina": a president heads the state, which is no organisation here); a
 * nationality's country not a region ("Europe", from "its European boss").
 */
final class PlausibleNames implements FactCheck {

  private final Set<String> honorifics;
  private final Set<String> titles;
  private final Set<String> countries;
  private final Set<String> regions;
  private final Set<String> generic = new HashSet<>();

  PlausibleNames(WordLists cues) {
    honorifics = cues.get("honorific");
    titles = WordLists.words("titles");
    countries = cues.get("country");
    regions = cues.get("region");
    generic.addAll(cues.get("generic-organization"));
    generic.addAll(WordLists.words("organization-nouns"));
  }

  @Override
  public String name() {
    return "plausible-names";
  }

  @Override
  public boolean admits(FactSentence fact) {
    Entity object = fact.fact().object();
    if (fact.fact().relation() == Relation.NATIONALITY
        && object != null
        && regions.contains(object.name().strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    return plausible(fact.fact().subject()) && (object == null || plausible(object));
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
          && !(words.size() == 1 && generic.contains(name))
          && !Demonyms.isPlace(entity.name().strip())
          && !titles.contains(words.get(words.size() - 1));
    }
    return true;
  }
}
