package org.newsgraph.core.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Amount;
import org.newsgraph.core.DateValue;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
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
  void anEventThatNamesNoOneIsNotWritten() {
    Extraction nordvik = Fixtures.nordvik();
    Event nobody =
        new Event(
            EventType.LAWSUIT,
            null,
            null,
            List.of(),
            Fixtures.mention(nordvik.article().text(), "compete"),
            nordvik.facts().get(0).evidence());
    Extraction extraction =
        new Extraction(
            nordvik.article(),
            nordvik.entities(),
            nordvik.facts(),
            List.of(nobody),
            nordvik.quotes());

    Model model = ArticleGraph.of(extraction, EntityResolver.minting(), INGESTED);

    assertThat(model.listSubjectsWithProperty(RDF.type, NG.Event).toList()).isEmpty();
    assertThat(graph.listSubjectsWithProperty(RDF.type, NG.Event).toList()).isNotEmpty();
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

  @Test
  void anEventsStatusAmountAndEffectiveDateAreWrittenAndReadBack() {
    Extraction deal =
        withEvent("target", new Amount(new BigDecimal("1.2E9"), "USD", "$1.2 billion"));
    Model written = ArticleGraph.checked(deal, EntityResolver.minting(), INGESTED);
    String query =
        """
        PREFIX ng: <https://newsgraph.org/ontology#>
        SELECT ?status ?value ?currency ?text ?effective WHERE {
          ?deal a ng:Acquisition ; ng:status ?status ; ng:effectiveDate ?effective ;
                ng:amount [ a ng:MonetaryAmount ; ng:amountValue ?value ; ng:currency ?currency ;
                            ng:amountText ?text ] .
        }""";

    try (QueryExecution run = QueryExecution.create(query, written)) {
      List<QuerySolution> rows = new ArrayList<>();
      run.execSelect().forEachRemaining(rows::add);
      assertThat(rows).hasSize(1);
      QuerySolution row = rows.get(0);
      assertThat(EventStatus.ofIndividual(row.getResource("status").getURI()))
          .contains(EventStatus.ANNOUNCED);
      Literal value = row.getLiteral("value");
      assertThat(value.getDatatypeURI()).isEqualTo(XSDDatatype.XSDdecimal.getURI());
      assertThat(new BigDecimal(value.getLexicalForm())).isEqualByComparingTo("1200000000");
      assertThat(row.getLiteral("currency").getString()).isEqualTo("USD");
      assertThat(row.getLiteral("text").getString()).isEqualTo("$1.2 billion");
      Literal effective = row.getLiteral("effective");
      assertThat(effective.getLexicalForm()).isEqualTo("2025-06");
      assertThat(effective.getDatatypeURI()).isEqualTo(XSDDatatype.XSDgYearMonth.getURI());
    }
  }

  @Test
  void anEventWithoutStructureWritesNoneOfIt() {
    Resource event = graph.listSubjectsWithProperty(RDF.type, NG.PressConference).next();

    for (Property absent : List.of(NG.status, NG.amount, NG.effectiveDate)) {
      assertThat(event.hasProperty(absent)).as("%s", absent).isFalse();
    }
    assertThat(graph.listSubjectsWithProperty(RDF.type, NG.MonetaryAmount).toList()).isEmpty();
  }

  @Test
  void aFactsTimeIsOnItsAssertionAndACurrentUndatedFactWritesNothingNew() {
    Extraction article = Fixtures.nordvik();
    Fact formerHead = article.facts().get(0).withTime(true, "2019", "2024-05-31");
    Extraction timed =
        new Extraction(
            article.article(),
            article.entities(),
            List.of(formerHead, article.facts().get(1)),
            article.events(),
            article.quotes());
    Model written = ArticleGraph.checked(timed, EntityResolver.minting(), INGESTED);

    Resource heads = written.listSubjectsWithProperty(RDF.predicate, NG.heads).next();
    assertThat(heads.getProperty(NG.former).getBoolean()).isTrue();
    assertThat(heads.getProperty(NG.startDate).getLiteral()).isEqualTo(DateValue.toLiteral("2019"));
    assertThat(heads.getProperty(NG.endDate).getLiteral())
        .isEqualTo(DateValue.toLiteral("2024-05-31"));
    // Neither the plain triple nor the entities carry the time: another article may give another.
    assertThat(written.contains(maria, NG.heads, nordvik)).isTrue();
    assertThat(written.listSubjectsWithProperty(NG.former).toList()).containsExactly(heads);
    // The current, undated fact is written exactly as before the time was modelled.
    Resource competes = written.listSubjectsWithProperty(RDF.predicate, NG.competesWith).next();
    Resource before = graph.listSubjectsWithProperty(RDF.predicate, NG.competesWith).next();
    assertThat(competes.listProperties().toList()).hasSameSizeAs(before.listProperties().toList());
    assertThat(written.size() - graph.size()).isEqualTo(3);
  }

  @Test
  void theShapesRejectAStatusOutsideTheVocabularyAndAnAmountWithoutItsCurrency() {
    Shapes shapes = Shapes.parse(Ontology.shapes().getGraph());
    Model deal =
        ArticleGraph.of(
            withEvent("target", new Amount(BigDecimal.TEN, "EUR", "10 euros")),
            EntityResolver.minting(),
            INGESTED);
    Resource event = deal.listSubjectsWithProperty(RDF.type, NG.Acquisition).next();
    Resource amount = event.getPropertyResourceValue(NG.amount);
    assertThat(ShaclValidator.get().validate(shapes, deal.getGraph()).conforms()).isTrue();

    Model wrongStatus = ModelFactory.createDefaultModel().add(deal);
    wrongStatus.removeAll(event, NG.status, null).add(event, NG.status, NG.Acquisition);
    Model noCurrency = ModelFactory.createDefaultModel().add(deal);
    noCurrency.removeAll(amount, NG.currency, null);

    assertThat(focusOfViolations(shapes, wrongStatus)).containsExactly(event);
    assertThat(focusOfViolations(shapes, noCurrency)).contains(amount);
  }

  @Test
  void theShapesRejectAFactTimeThatIsNoDate() {
    Shapes shapes = Shapes.parse(Ontology.shapes().getGraph());
    Model timed = ModelFactory.createDefaultModel().add(graph);
    Resource heads = timed.listSubjectsWithProperty(RDF.predicate, NG.heads).next();
    heads.addProperty(NG.startDate, "last spring");

    assertThat(focusOfViolations(shapes, timed)).containsExactly(heads);
  }

  private static List<Resource> focusOfViolations(Shapes shapes, Model model) {
    return ShaclValidator.get().validate(shapes, model.getGraph()).getEntries().stream()
        .map(entry -> model.wrapAsResource(entry.focusNode()))
        .distinct()
        .toList();
  }

  /**
   * The Nordvik article with one event instead of its own: Nordvik Robotics as acquirer, Kestrel
   * Dynamics in the given role, and Maria Lindqvist as a plain person.
   */
  private static Extraction withEvent(String secondRole) {
    return withEvent(secondRole, null);
  }

  /**
   * The same, the event announced, taking effect in June 2025, and for the amount given (none when
   * {@code null}).
   */
  private static Extraction withEvent(String secondRole, Amount amount) {
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
    if (amount != null) {
      event = event.withStructure(EventStatus.ANNOUNCED, amount, "2025-06");
    }
    return new Extraction(
        nordvik.article(), nordvik.entities(), nordvik.facts(), List.of(event), nordvik.quotes());
  }
}
