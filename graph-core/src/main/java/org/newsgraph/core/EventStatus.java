package org.newsgraph.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.rdf.model.Resource;
import org.newsgraph.ontology.NG;

/**
 * Where an event stands, as the article tells it: a deal can be announced and not yet done, blocked
 * by a regulator, denied by the company, only rumoured or planned. An event whose status the
 * article does not make clear has none.
 */
public enum EventStatus {
  /** Agreed or made public, not yet done ("agreed to buy", "announced a deal"). */
  ANNOUNCED,
  /** Done ("bought", "completed the takeover", "was appointed"). */
  COMPLETED,
  /** Stopped by someone else: a regulator, a court, a vote. */
  BLOCKED,
  /** Said not to have happened, or not to be happening, by a party to it. */
  DENIED,
  /** Reported without confirmation ("is said to", "tipped to", "in talks"). */
  RUMOURED,
  /** Intended for later ("plans to", "will", "may", "is considering"). */
  PLANNED;

  /** Returns the name used in extraction records and the API, such as {@code completed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the ontology's individual that stands for this status, such as {@code ng:Announced}.
   */
  public Resource individual() {
    return switch (this) {
      case ANNOUNCED -> NG.Announced;
      case COMPLETED -> NG.Completed;
      case BLOCKED -> NG.Blocked;
      case DENIED -> NG.Denied;
      case RUMOURED -> NG.Rumoured;
      case PLANNED -> NG.Planned;
    };
  }

  /**
   * Returns the status that an ontology individual stands for, or empty if the IRI is none of them:
   * readers of the graph skip what they do not know rather than fail.
   */
  public static Optional<EventStatus> ofIndividual(String iri) {
    return Arrays.stream(values()).filter(s -> s.individual().getURI().equals(iri)).findFirst();
  }

  /**
   * Returns the status whose label is given, ignoring case.
   *
   * @throws GraphException if there is none
   */
  public static EventStatus fromLabel(String label) {
    for (EventStatus status : values()) {
      if (status.label().equalsIgnoreCase(label)) {
        return status;
      }
    }
    throw new GraphException("unknown event status \"" + label + "\"");
  }
}
