package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Something that happened, as an article reports it.
 *
 * @param type the kind of event
 * @param date the normalised date ({@link DateValue}), or {@code null} when the article gives none
 * @param place where it happened, or {@code null}
 * @param participants who took part
 * @param trigger the words that announce the event ("news conference", "acquired")
 * @param evidence the sentence, the extractor and the confidence
 */
public record Event(
    EventType type,
    String date,
    Entity place,
    List<Participant> participants,
    Mention trigger,
    Evidence evidence) {

  public Event {
    requireNonNull(type, "type");
    requireNonNull(trigger, "trigger");
    requireNonNull(evidence, "evidence");
    participants = List.copyOf(requireNonNull(participants, "participants"));
    if (date != null && !DateValue.isValid(date)) {
      throw new GraphException(
          "event " + type.label() + " at " + trigger.start() + ": \"" + date + "\" is not a date");
    }
    if (place != null && place.type() != EntityType.PLACE) {
      throw new GraphException(
          "event " + type.label() + ": place " + place.name() + " is a " + place.type().label());
    }
  }
}
