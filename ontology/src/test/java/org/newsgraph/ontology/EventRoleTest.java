package org.newsgraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class EventRoleTest {

  private static final Property SH_PATH =
      ResourceFactory.createProperty("http://www.w3.org/ns/shacl#path");

  @Test
  void everyRolePropertyIsASubPropertyOfParticipantAndHasAShape() {
    Model ontology = Ontology.ontology();
    Model shapes = Ontology.shapes();
    for (EventRole role : EventRole.values()) {
      assertThat(ontology.contains(role.property(), RDFS.subPropertyOf, NG.participant))
          .as("%s is a sub-property of ng:participant", role.property())
          .isTrue();
      assertThat(shapes.contains(null, SH_PATH, role.property()))
          .as("a shape constrains %s", role.property())
          .isTrue();
    }
  }

  @Test
  void aRoleIsFoundByItsNameAndByItsProperty() {
    for (EventRole role : EventRole.values()) {
      assertThat(EventRole.ofRole(role.role())).contains(role);
      assertThat(EventRole.ofProperty(role.property().getURI())).contains(role);
    }
    assertThat(EventRole.ofRole("person")).isEmpty();
    assertThat(EventRole.ofProperty(NG.participant.getURI())).isEmpty();
  }

  @Test
  void theSpeakerOfAPressConferenceIsNotTheSpeakerOfAQuote() {
    assertThat(EventRole.SPEAKER.property()).isNotEqualTo(NG.speaker);
  }
}
