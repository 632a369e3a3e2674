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
 * @param status where the event stands ({@link EventStatus}), or {@code null} when the article does
 *     not make it clear
 * @param amount the sum of money involved, or {@code null}
 * @param effectiveDate the normalised date ({@link DateValue}) from which the event takes effect
 *     ("the merger will close on 1 March"), or {@code null}
 */
public record Event(
    EventType type,
    String date,
    Entity place,
    List<Participant> participants,
    Mention trigger,
    Evidence evidence,
    EventStatus status,
    Amount amount,
    String effectiveDate) {

  public Event {
    requireNonNull(type, "type");
    requireNonNull(trigger, "trigger");
    requireNonNull(evidence, "evidence");
    participants = List.copyOf(requireNonNull(participants, "participants"));
    if (date != null && !DateValue.isValid(date)) {
      throw new GraphException(
          "event " + type.label() + " at " + trigger.start() + ": \"" + date + "\" is not a date");
    }
    if (effectiveDate != null && !DateValue.isValid(effectiveDate)) {
      throw new GraphException(
          "event "
              + type.label()
              + " at "
              + trigger.start()
              + ": effective date \""
              + effectiveDate
              + "\" is not a date");
    }
    if (place != null && place.type() != EntityType.PLACE) {
      throw new GraphException(
          "event " + type.label() + ": place " + place.name() + " is a " + place.type().label());
    }
  }

  /** Returns an event whose status, amount and effective date the article does not give. */
  public Event(
      EventType type,
      String date,
      Entity place,
      List<Participant> participants,
      Mention trigger,
      Evidence evidence) {
    this(type, date, place, participants, trigger, evidence, null, null, null);
  }

  /** Returns this event with the given status, amount and effective date. */
  public Event withStructure(EventStatus status, Amount amount, String effectiveDate) {
    return new Event(
        type, date, place, participants, trigger, evidence, status, amount, effectiveDate);
  }
}
