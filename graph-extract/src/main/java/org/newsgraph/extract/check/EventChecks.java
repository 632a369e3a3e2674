package org.newsgraph.extract.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.core.Event;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.rules.WordLists;

/**
 * The check every event passes before it is kept, which also says where it stands: an event that
 * its sentence only supposes ("if it buys", "whether to sue", "any takeover") is left out; any
 * other is kept with the status its sentence gives it ({@link EventStatuses}): announced ("agreed
 * to buy"), completed ("bought"), blocked ("regulators blocked the takeover"), denied ("denied that
 * it was in talks to buy"), rumoured ("is said to be nearing a deal to buy"), planned ("plans to
 * raise"), or none when the sentence does not make it clear. An event that is not done states no
 * fact: the facts pass their own checks ({@link FactChecks}), which refuse a relation so stated.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventChecks {

  /** The status words. */
  static final String STATUS_WORDS = "rules/event-status.tsv";

  private static final EventChecks STANDARD =
      new EventChecks(WordLists.load(STATUS_WORDS), WordLists.load(FactChecks.WORDS));

  private final EventStatuses statuses;

  private EventChecks(WordLists statusWords, WordLists factWords) {
    statuses = new EventStatuses(statusWords, factWords.get("event-noun"));
  }

  /** Returns the checks with the word lists of the class path. */
  public static EventChecks standard() {
    return STANDARD;
  }

  /**
   * Returns the events that their sentences do not only suppose, in their order, each with the
   * status its sentence gives it (an event whose trigger cannot be found in a parsed sentence is
   * kept as it is).
   *
   * @param article the annotated article the events were found in
   * @param events events found in that article
   */
  public List<Event> keep(AnnotatedArticle article, List<Event> events) {
    requireNonNull(article, "article");
    requireNonNull(events, "events");
    List<Event> kept = new ArrayList<>();
    for (Event event : events) {
      Optional<FactSentence> trigger = FactSentence.ofTrigger(article, event.trigger());
      if (trigger.isEmpty()) {
        kept.add(event);
        continue;
      }
      EventStatuses.Reading reading = statuses.read(trigger.get(), event.type());
      if (!reading.hypothetical()) {
        kept.add(
            event.withStructure(
                reading.status().orElse(event.status()), event.amount(), event.effectiveDate()));
      }
    }
    return kept;
  }
}
