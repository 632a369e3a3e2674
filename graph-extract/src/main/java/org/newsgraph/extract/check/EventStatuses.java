package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.extract.rules.WordLists;

/**
 * Reads where an event stands from the words around its trigger: the trigger, the words that govern
 * it as a clause, a complement or an object ("denied" in "denied that it was in talks to buy"), and
 * their modifiers ("will", "not", "reportedly"). The words are data, in {@code
 * rules/event-status.tsv}.
 *
 * <p>When several cues meet, the one that says most about the outcome wins: a denial or a negation
 * over a block, a block over a rumour, a rumour over a plan ("is said to be planning to buy"), a
 * plan over an announcement ("announced plans to buy"), and these over the trigger's own tense. A
 * word of blocking governed by a word of attempt ("sued to block") does not block: the outcome is
 * open, so that cue is dropped.
 *
 * <p>Immutable and thread-safe.
 */
final class EventStatuses {

  /** What a trigger's words say: the event is only supposed, or it has this status, or none. */
  record Reading(boolean hypothetical, Optional<EventStatus> status) {}

  private static final Set<String> MODIFYING =
      Set.of("aux", "aux:pass", "advmod", "amod", "mark", "compound", "det", "neg");

  /** Types whose agreement is news before it is done: "agreed to buy" is announced. */
  private static final Set<EventType> DEALS =
      EnumSet.of(EventType.ACQUISITION, EventType.FUNDING_ROUND, EventType.AGREEMENT);

  /** Modals of the future, whose perfect ("will have") is no counterfactual. */
  private static final Set<String> FUTURE = WordLists.words("future");

  private final Set<String> eventNouns;
  private final Set<String> hypothetical;
  private final Set<String> denied;
  private final Set<String> negation;
  private final Set<String> blocked;
  private final Set<String> attempt;
  private final Set<String> rumoured;
  private final Set<String> hearsay;
  private final Set<String> planned;
  private final Set<String> modal;
  private final Set<String> announced;
  private final Set<String> announcing;
  private final Set<String> completed;
  private final Set<String> wishes;

  /**
   * @param cues the status words ({@code rules/event-status.tsv})
   * @param eventNouns nouns of events, which take the mood of the clause that governs them
   */
  EventStatuses(WordLists cues, Set<String> eventNouns) {
    this.eventNouns = eventNouns;
    hypothetical = cues.get("hypothetical");
    denied = cues.get("denied");
    negation = cues.get("negation");
    blocked = cues.get("blocked");
    attempt = cues.get("attempt");
    rumoured = cues.get("rumoured");
    hearsay = cues.get("hearsay");
    planned = cues.get("planned");
    modal = cues.get("modal");
    announced = cues.get("announced");
    announcing = cues.get("announcing");
    completed = cues.get("completed");
    wishes = cues.get("wish");
  }

  /** Reads the status of an event of a type from its trigger in its sentence. */
  Reading read(FactSentence trigger, EventType type) {
    List<IndexedWord> governing = trigger.governing(eventNouns);
    boolean isDeal = DEALS.contains(type);
    boolean isDenied = false;
    boolean isBlocked = false;
    boolean isRumoured = false;
    boolean isPlanned = false;
    boolean isAnnounced = false;
    boolean isCompleted = false;
    for (IndexedWord word : governing) {
      boolean named = trigger.isTrigger(word);
      if (isBlocked && attempt.contains(FactSentence.lemma(word))) {
        // "sued to block", "sought to halt": tried, not done, and the deal's own status is open.
        isBlocked = false;
        continue;
      }
      List<String> words = new ArrayList<>();
      if (!named) {
        words.add(FactSentence.lemma(word));
        words.add(FactSentence.lower(word));
      }
      List<IndexedWord> modifiers = trigger.dependents(word, MODIFYING);
      for (IndexedWord modifier : modifiers) {
        words.add(FactSentence.lemma(modifier));
        words.add(FactSentence.lower(modifier));
      }
      if (isCounterfactual(trigger, word) || isLapsedWish(trigger, word)) {
        return new Reading(true, Optional.empty());
      }
      if (isPurpose(trigger, word)) {
        return new Reading(true, Optional.empty());
      }
      for (String w : words) {
        if (hypothetical.contains(w)) {
          return new Reading(true, Optional.empty());
        }
        isDenied |= denied.contains(w) || negation.contains(w);
        isBlocked |= blocked.contains(w);
        isRumoured |= rumoured.contains(w);
        isPlanned |= planned.contains(w) || modal.contains(w);
        isAnnounced |= isDeal && announced.contains(w);
        isCompleted |= completed.contains(w);
      }
      if (!named && hearsay.contains(FactSentence.lemma(word)) && isPassive(trigger, word)) {
        isRumoured = true; // "is said to be nearing a deal"
      }
      if (named && isDeal && announcing.contains(FactSentence.lemma(word))) {
        isAnnounced = true; // "announced a partnership"
      }
    }
    EventStatus status;
    if (isDenied) {
      status = EventStatus.DENIED;
    } else if (isBlocked) {
      status = EventStatus.BLOCKED;
    } else if (isRumoured) {
      status = EventStatus.RUMOURED;
    } else if (isPlanned) {
      status = EventStatus.PLANNED;
    } else if (isCompleted) {
      status = EventStatus.COMPLETED;
    } else if (isAnnounced) {
      status = EventStatus.ANNOUNCED;
    } else {
      status = byTense(trigger, governing);
    }
    return new Reading(false, Optional.ofNullable(status));
  }

  /**
   * A modal with the perfect ("could have forced it to buy", "would have bought"): what did not
   * happen. "Will have" is the future, not this.
   */
  private boolean isCounterfactual(FactSentence trigger, IndexedWord word) {
    List<IndexedWord> auxiliaries = trigger.dependents(word, Set.of("aux"));
    boolean perfect = auxiliaries.stream().anyMatch(a -> FactSentence.lemma(a).equals("have"));
    boolean modal =
        auxiliaries.stream()
            .map(FactSentence::lower)
            .anyMatch(a -> this.modal.contains(a) && !FUTURE.contains(a));
    return perfect && modal;
  }

  /**
   * A wish in the past perfect ("had wanted to buy", "had been willing to buy"): a plan that
   * lapsed. A wish in the simple past is often reported speech of a present plan ("said it wanted
   * to buy") and stays planned.
   */
  private boolean isLapsedWish(FactSentence trigger, IndexedWord word) {
    if (!wishes.contains(FactSentence.lemma(word))) {
      return false;
    }
    return trigger.dependents(word, Set.of("aux", "cop")).stream()
        .anyMatch(a -> FactSentence.lower(a).equals("had"));
  }

  /**
   * An infinitive that says what something is for or could do, not what happened: under an
   * adjective ("easier for Kestrel to raise capital", "free to sell") or a noun that is neither an
   * event nor a word of status ("the right to sell"). Under "agreed", "plans", "a deal" or "talks"
   * the status words decide; under another verb ("paid $90 million to buy a stake") the tense does.
   */
  private boolean isPurpose(FactSentence trigger, IndexedWord word) {
    boolean infinitive =
        trigger.dependents(word, Set.of("mark")).stream()
            .anyMatch(m -> FactSentence.lower(m).equals("to"));
    SemanticGraphEdge edge = infinitive ? trigger.basicParent(word) : null;
    if (edge == null) {
      return false;
    }
    IndexedWord governor = edge.getGovernor();
    String relation = edge.getRelation().toString();
    String tag = governor.tag() == null ? "" : governor.tag();
    String lemma = FactSentence.lemma(governor);
    if (isStatusWord(lemma) || eventNouns.contains(lemma)) {
      return false;
    }
    boolean clause = relation.equals("xcomp") || relation.startsWith("advcl");
    return (clause && tag.startsWith("JJ")) || (relation.equals("acl") && tag.startsWith("NN"));
  }

  private boolean isStatusWord(String lemma) {
    return planned.contains(lemma)
        || rumoured.contains(lemma)
        || announced.contains(lemma)
        || attempt.contains(lemma)
        || blocked.contains(lemma)
        || denied.contains(lemma)
        || completed.contains(lemma);
  }

  private static boolean isPassive(FactSentence trigger, IndexedWord word) {
    return !trigger.dependents(word, Set.of("aux:pass")).isEmpty();
  }

  /**
   * With no cue, the tense of the trigger, or of the first verb that governs a noun trigger: past
   * or present ("bought", "has raised", "buys", the headline's tense) is done, the progressive ("is
   * buying", "is retiring") is announced, and a bare infinitive or a noun that no verb governs says
   * nothing.
   */
  private static EventStatus byTense(FactSentence trigger, List<IndexedWord> governing) {
    for (IndexedWord word : governing) {
      String tag = word.tag() == null ? "" : word.tag();
      if (!tag.startsWith("VB")) {
        continue;
      }
      switch (tag) {
        case "VBD", "VBN", "VBZ", "VBP":
          return EventStatus.COMPLETED;
        case "VBG":
          boolean progressive =
              trigger.dependents(word, Set.of("aux")).stream()
                  .anyMatch(a -> FactSentence.lemma(a).equals("be"));
          return progressive ? EventStatus.ANNOUNCED : null;
        default:
          return null;
      }
    }
    return null;
  }
}
