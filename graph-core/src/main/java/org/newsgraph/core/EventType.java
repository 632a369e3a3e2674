package org.newsgraph.core;

import org.apache.jena.rdf.model.Resource;
import org.newsgraph.ontology.NG;

/** The kinds of events that Newsgraph extracts, each an ontology class below {@code ng:Event}. */
public enum EventType {
  PRESS_CONFERENCE(NG.PressConference),
  ACQUISITION(NG.Acquisition),
  FUNDING_ROUND(NG.FundingRound),
  AGREEMENT(NG.Agreement),
  LAWSUIT(NG.Lawsuit),
  PRODUCT_LAUNCH(NG.ProductLaunch),
  APPOINTMENT(NG.Appointment),
  RESIGNATION(NG.Resignation);

  private final Resource ontologyClass;

  EventType(Resource ontologyClass) {
    this.ontologyClass = ontologyClass;
  }

  /** Returns the ontology class, such as {@code ng:PressConference}. */
  public Resource ontologyClass() {
    return ontologyClass;
  }

  /** Returns the class's local name, such as {@code PressConference}. */
  public String label() {
    return ontologyClass.getLocalName();
  }

  /**
   * Returns the type whose label is given, ignoring case.
   *
   * @throws GraphException if there is none
   */
  public static EventType fromLabel(String label) {
    for (EventType type : values()) {
      if (type.label().equalsIgnoreCase(label)) {
        return type;
      }
    }
    throw new GraphException("unknown event type \"" + label + "\"");
  }
}
