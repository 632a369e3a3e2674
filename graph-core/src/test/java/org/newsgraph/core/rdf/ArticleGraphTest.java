package org.newsgraph.core.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;

class ArticleGraphTest {

  private final Model graph =
      ArticleGraph.of(
          Fixtures.nordvik(), EntityResolver.minting(), Instant.parse("2025-03-05T10:00:00Z"));
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
}
