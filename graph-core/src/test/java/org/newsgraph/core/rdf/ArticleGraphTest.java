package org.newsgraph.core.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.Participant;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;

class ArticleGraphTest {

  private static final Instant INGESTED = Instant.parse("2025-03-05T10:00:00Z");

  private final Model graph =
      ArticleGraph.of(Fixtures.nordvik(), EntityResolver.minting(), INGESTED);
  private final Resource maria = IriMinter.entity(NG.Person, "Maria Lindqvist");
  private final Resource nordvik = IriMinter.entity(NG.Organization, "Nordvik Robotics");
  private final Resource kestrel = IriMinter.entity(NG.Organization, "Kestrel Dynamics");

  @Test
  void theGraphSatisfiesTheOntologysShapes() {
    Shapes shapes = Shapes.parse(Ontology.shapes().getGraph());

    assertThat(ShaclValidator.get().validate(shapes, graph.getGraph()).conforms()).isTrue();
  }

  @Test
  void factsAreKeptAsPlainTriplesAndAsAssertionsWithTheirEvidence() {
    assertThat(graph.contains(maria, NG.heads, nordvik)).isTrue();

    Resource assertion = graph.listSubjectsWithProperty(RDF.predicate, NG.heads).next();
    assertThat(assertion.getProperty(RDF.subject).getResource()).isEqualTo(maria);
    assertThat(assertion.getProperty(RDF.object).getResource()).isEqualTo(nordvik);
    assertThat(assertion.getProperty(NG.sentence).getString()).startsWith("Maria Lindqvist, chief");
    assertThat(assertion.getProperty(NG.sourceArticle).getResource())
        .isEqualTo(IriMinter.article("nordvik-1"));
    assertThat(assertion.getProperty(NG.confidence).getDouble()).isEqualTo(0.9);
  }

  @Test
  void symmetricRelationsAreWrittenBothWaysButAssertedOnce() {
    assertThat(graph.contains(nordvik, NG.competesWith, kestrel)).isTrue();
    assertThat(graph.contains(kestrel, NG.competesWith, nordvik)).isTrue();
    assertThat(graph.listSubjectsWithProperty(RDF.predicate, NG.competesWith).toList()).hasSize(1);
  }

  @Test
  void entitiesCarryTheirTypeCanonicalNameAndEveryAlias() {
    assertThat(graph.contains(maria, RDF.type, NG.Person)).isTrue();
    assertThat(
            graph
                .listObjectsOfProperty(maria, NG.alias)
                .mapWith(n -> n.asLiteral().getString())
                .toList())
        .containsExactlyInAnyOrder("Maria Lindqvist", "Lindqvist");
  }

  @Test
  void everyMentionOfANamedEntityKeepsItsOffsets() {
    var mentions =
        graph.listSubjectsWithProperty(RDF.type, NG.Mention).toList().stream()
            .map(
                m ->
                    m.getProperty(NG.refersTo).getResource().getLocalName()
                        + "@"
                        + m.getProperty(NG.startOffset).getInt()
                        + "-"
                        + m.getProperty(NG.endOffset).getInt())
            .toList();

    int start = Fixtures.NORDVIK_TEXT.indexOf("Nordvik Robotics");
    assertThat(mentions)
        .hasSize(3)
        .contains("maria-lindqvist@0-15", "nordvik-robotics@" + start + "-" + (start + 16));
  }

  @Test
  void eventsHaveTheirTypeDatePlaceAndParticipants() {
    Resource event = graph.listSubjectsWithProperty(RDF.type, NG.PressConference).next();

    assertThat(event.hasProperty(RDF.type, NG.Event)).isTrue();
    assertThat(event.getProperty(NG.date).getLiteral().getLexicalForm()).isEqualTo("2025-03-04");
    assertThat(event.getProperty(NG.participant).getResource()).isEqualTo(maria);
    assertThat(event.getProperty(NG.place).getResource())
        .isEqualTo(IriMinter.entity(NG.Place, "Gothenburg"));
  }

  @Test
  void participantsInAKeptRoleAlsoHaveTheRolesPropertyAndTheOthersStayPlain() {
    Model deal = ArticleGraph.checked(withEvent("target"), EntityResolver.minting(), INGESTED);
    Resource event = deal.listSubjectsWithProperty(RDF.type, NG.Acquisition).next();

    assertThat(deal.contains(event, NG.acquirer, nordvik)).isTrue();
    assertThat(deal.contains(event, NG.target, kestrel)).isTrue();
    assertThat(deal.listObjectsOfProperty(event, NG.participant).toSet())
        .containsExactlyInAnyOrder(nordvik, kestrel, maria);
    List<Property> ofMaria =
        deal.listStatements(event, null, maria).mapWith(Statement::getPredicate).toList();
    assertThat(ofMaria).containsExactly(NG.participant);
  }

  @Test
  void theShapesRejectARoleGivenToTheWrongKindOfEntity() {
    // The appointee of an appointment is a person: a company in that role breaks the shapes.
    Extraction extraction = withEvent("appointee");

    assertThatThrownBy(() -> ArticleGraph.checked(extraction, EntityResolver.minting(), INGESTED))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("appointee");
  }

  /**
   * The Nordvik article with one event instead of its own: Nordvik Robotics as acquirer, Kestrel
   * Dynamics in the given role, and Maria Lindqvist as a plain person.
   */
  private static Extraction withEvent(String secondRole) {
    Extraction nordvik = Fixtures.nordvik();
    Entity maria = nordvik.entities().get(0);
    Entity company = nordvik.entities().get(1);
    Entity rival = nordvik.entities().get(2);
    Event event =
        new Event(
            EventType.ACQUISITION,
            null,
            null,
            List.of(
                new Participant(company, "acquirer"),
                new Participant(rival, secondRole),
                new Participant(maria, "person")),
            Fixtures.mention(nordvik.article().text(), "compete"),
            nordvik.facts().get(0).evidence());
    return new Extraction(
        nordvik.article(), nordvik.entities(), nordvik.facts(), List.of(event), nordvik.quotes());
  }
}
