package org.newsgraph.ontology;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.rdf.model.Property;

/**
 * The roles of an event's participants that the graph keeps, each with its name in extraction (the
 * {@code role} of a participant, as the evaluation format spells it) and its property, a
 * sub-property of {@link NG#participant}. A role not listed here, such as {@code person} or {@code
 * party}, says no more than the event's type and the participant's type, and is kept as a plain
 * participant.
 *
 * <p>Immutable and thread-safe.
 */
public enum EventRole {
  /** The buyer in an acquisition. */
  ACQUIRER("acquirer", NG.acquirer),
  /** The company bought in an acquisition. */
  TARGET("target", NG.target),
  /** Who puts money into a funding round. */
  INVESTOR("investor", NG.investor),
  /** The organisation that raises a funding round. */
  INVESTEE("investee", NG.investee),
  /** Who brings a lawsuit. */
  PLAINTIFF("plaintiff", NG.plaintiff),
  /** Whom a lawsuit is brought against. */
  DEFENDANT("defendant", NG.defendant),
  /** The person appointed. */
  APPOINTEE("appointee", NG.appointee),
  /** Who speaks at a press conference. */
  SPEAKER("speaker", NG.conferenceSpeaker);

  private final String role;
  private final Property property;

  EventRole(String role, Property property) {
    this.role = role;
    this.property = property;
  }

  /** The role's name in extraction and in the API, such as {@code acquirer}. */
  public String role() {
    return role;
  }

  /** The property that ties the event to a participant in this role. */
  public Property property() {
    return property;
  }

  /** Returns the role with this name in extraction, if the graph keeps it. */
  public static Optional<EventRole> ofRole(String role) {
    return Arrays.stream(values()).filter(r -> r.role.equals(role)).findFirst();
  }

  /** Returns the role that this property states, if it is a role property. */
  public static Optional<EventRole> ofProperty(String propertyIri) {
    return Arrays.stream(values()).filter(r -> r.property.getURI().equals(propertyIri)).findFirst();
  }
}
