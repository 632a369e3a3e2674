package org.newsgraph.extract.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.core.Event;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.rules.WordLists;

/**
 * The check every event passes before it is kept: its sentence reports it as happening, not denied,
 * blocked, planned or speculated about ("the company originally tipped to buy", "calling on the
 * ministry to block any takeover", "it may now move to oust its chairman"). A deal agreed but not
 * completed is an event ("agreed to buy"). The words are those of the fact checks ({@code
 * rules/fact-checks.tsv}). An event has no status field to say "planned" or "blocked", so such an
 * event is left out rather than reported as done.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventChecks {

  private static final EventChecks STANDARD = new EventChecks(WordLists.load(FactChecks.WORDS));

  private final StatedAsFact mood;

  private EventChecks(WordLists cues) {
    mood = new StatedAsFact(cues, true);
  }

  /** Returns the checks with the word lists of the class path. */
  public static EventChecks standard() {
    return STANDARD;
  }

  /**
   * Returns the events that their sentences report as happening, in their order.
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
      if (trigger.isEmpty() || mood.stated(trigger.get(), false)) {
        kept.add(event);
      }
    }
    return kept;
  }
}
