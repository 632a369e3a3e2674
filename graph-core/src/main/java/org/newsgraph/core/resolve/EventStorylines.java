package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Resource;
import org.newsgraph.core.DateValue;
import org.newsgraph.core.EventType;
import org.newsgraph.ontology.EventRole;
import org.newsgraph.ontology.IriMinter;

/**
 * Which article events report one real event: a storyline. An acquisition announced in one article,
 * fought in court in a second and blocked in a third is one acquisition with three sources, as a
 * fact stated by three articles is one fact. Each article keeps its event (its date, status and
 * sentence as it told them); the storyline groups them.
 *
 * <p>The key is the event's type and its participants, each by the entity kept for it (after the
 * merges of who is who) and its role where the graph keeps one. Acquisitions, lawsuits, agreements,
 * appointments and resignations happen once between the same parties, so the parties settle it.
 * Press conferences, funding rounds and product launches recur between the same parties, so their
 * month settles it too, and an undated one is a storyline of its own. An event without participants
 * is never grouped: its type alone says too little; nor is an event of the first kinds that names
 * one side only (the buyer and not the company bought, the plaintiff and not the defendant), since
 * many such events share that side.
 *
 * <p>A pure function of its inputs, so that the outcome does not depend on the order the articles
 * came in. Stateless and thread-safe.
 */
public final class EventStorylines {

  /** Types that the same parties repeat: their date is part of what makes one of them. */
  private static final Set<EventType> RECURRING =
      EnumSet.of(EventType.PRESS_CONFERENCE, EventType.FUNDING_ROUND, EventType.PRODUCT_LAUNCH);

  private EventStorylines() {}

  /**
   * Returns the key of the storyline an event belongs to, or empty when the event stands alone.
   *
   * @param type the event's type
   * @param date its normalised date ({@link DateValue}), or {@code null}
   * @param participants each participant's kept entity IRI with its role, or {@code null} for a
   *     role the graph does not keep
   */
  public static Optional<String> key(
      EventType type, String date, Map<String, String> participants) {
    requireNonNull(type, "type");
    requireNonNull(participants, "participants");
    if (participants.isEmpty()) {
      return Optional.empty();
    }
    if (!RECURRING.contains(type) && participants.size() < 2) {
      // "The United States sued" names one side of a lawsuit: many lawsuits share it.
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder(type.label());
    if (RECURRING.contains(type)) {
      if (date == null || date.length() < "YYYY-MM".length()) {
        return Optional.empty();
      }
      key.append(' ').append(date, 0, "YYYY-MM".length());
    }
    Set<String> parties = new TreeSet<>();
    participants.forEach(
        (iri, role) ->
            parties.add(
                (role != null && EventRole.ofRole(role).isPresent() ? role : "participant")
                    + "="
                    + iri));
    parties.forEach(party -> key.append(' ').append(party));
    return Optional.of(key.toString());
  }

  /** Returns the IRI of the storyline an event belongs to, or empty when it stands alone. */
  public static Optional<Resource> iri(
      EventType type, String date, Map<String, String> participants) {
    return key(type, date, participants).map(IriMinter::storyline);
  }
}
