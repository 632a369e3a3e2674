package org.newsgraph.core.rdf;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.core.Amount;
import org.newsgraph.core.Article;
import org.newsgraph.core.DateValue;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Event;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Quote;
import org.newsgraph.core.resolve.EntityResolution;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.ontology.EventRole;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;

/**
 * Maps an {@link Extraction} to the RDF of its article's named graph.
 *
 * <p>The graph holds everything the article says: its metadata and text; each entity it names, with
 * its type, canonical name and the names the article uses; each fact as a plain triple plus one
 * {@code ng:Assertion} node that reifies it (rdf:subject, rdf:predicate, rdf:object) and carries
 * its evidence; each event and each quote. Symmetric relations are written both ways as plain
 * triples, once as an assertion; the time the article gives a fact (former, start, end) is on its
 * assertion, since another article may give the same fact another time. An event's participant is
 * an {@code ng:participant}, and also, in a role the graph keeps ({@link EventRole}), the role's
 * sub-property of it; its status is an individual of {@code ng:EventStatus}, its sum an {@code
 * ng:MonetaryAmount}. Plain RDF reification is used rather than RDF-star so that the data means the
 * same on every SPARQL 1.1 store. Unnamed entities have no IRI: they, and all that involves them,
 * stay out of the graph.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleGraph {

  /** schema.org's sameAs: the Wikipedia page of a linked entity, for tools that read schema.org. */
  private static final Property SCHEMA_SAME_AS =
      ResourceFactory.createProperty("https://schema.org/sameAs");

  private static final Shapes SHAPES = Shapes.parse(Ontology.shapes().getGraph());

  private ArticleGraph() {}

  /**
   * Returns the article graph, checked against the ontology's SHACL shapes.
   *
   * @throws GraphException if the graph breaks the shapes
   */
  public static Model checked(Extraction extraction, EntityResolver resolver, Instant ingested) {
    Model graph = of(extraction, resolver, ingested);
    ValidationReport report = ShaclValidator.get().validate(SHAPES, graph.getGraph());
    if (!report.conforms()) {
      String problems =
          report.getEntries().stream()
              .limit(5)
              .map(entry -> entry.focusNode() + " " + entry.resultPath() + ": " + entry.message())
              .collect(Collectors.joining("; "));
      throw new GraphException(
          "article "
              + extraction.article().id()
              + ": the extracted graph breaks the ontology's shapes: "
              + problems);
    }
    return graph;
  }

  /**
   * Returns a new model with the article graph's triples.
   *
   * @param extraction what was extracted from the article
   * @param resolver decides the IRI of each entity
   * @param ingested when the article is stored
   */
  public static Model of(Extraction extraction, EntityResolver resolver, Instant ingested) {
    requireNonNull(extraction, "extraction");
    requireNonNull(resolver, "resolver");
    requireNonNull(ingested, "ingested");
    Model model = ModelFactory.createDefaultModel();
    model.setNsPrefixes(Ontology.prefixes());
    Article article = extraction.article();
    Resource articleIri = model.createResource(IriMinter.article(article.id()).getURI());
    articleIri
        .addProperty(RDF.type, NG.Article)
        .addProperty(NG.text, article.text())
        .addProperty(NG.contentHash, article.contentHash())
        .addLiteral(
            NG.ingested, model.createTypedLiteral(ingested.toString(), XSDDatatype.XSDdateTime));
    if (article.title() != null) {
      articleIri.addProperty(NG.title, article.title());
    }
    if (article.url() != null) {
      articleIri.addLiteral(NG.url, model.createTypedLiteral(article.url(), XSDDatatype.XSDanyURI));
    }
    if (article.published() != null) {
      articleIri.addLiteral(
          NG.published,
          model.createTypedLiteral(article.published().toString(), XSDDatatype.XSDdate));
    }

    Map<Entity, Resource> iris = new HashMap<>();
    for (Entity entity : extraction.entities()) {
      if (!entity.named()) {
        continue;
      }
      Resource iri = model.createResource(resolver.resolve(entity).getURI());
      iris.put(entity, iri);
      iri.addProperty(RDF.type, entity.type().ontologyClass())
          .addProperty(RDFS.label, entity.name());
      entity.aliases().forEach(alias -> iri.addProperty(NG.alias, alias));
      // What identity across articles looks entities up by (see resolve.EntityResolution).
      iri.addProperty(NG.nameKey, EntityResolution.nameKey(entity.name()));
      EntityResolution.surname(entity.type(), entity.name())
          .ifPresent(surname -> iri.addProperty(NG.surname, surname));
      if (entity.link() != null) {
        iri.addProperty(OWL.sameAs, IriMinter.dbpedia(entity.link()))
            .addProperty(SCHEMA_SAME_AS, IriMinter.wikipedia(entity.link()));
      }
      articleIri.addProperty(NG.mentions, iri);
    }
    addMentions(model, articleIri, iris);

    Extraction stated = extraction.stated();
    List<Fact> facts = stated.facts();
    for (int i = 0; i < facts.size(); i++) {
      Fact fact = facts.get(i);
      Resource subject = iris.get(fact.subject());
      RDFNode object =
          fact.object() != null ? iris.get(fact.object()) : DateValue.toLiteral(fact.value());
      model.add(subject, fact.relation().property(), object);
      if (fact.relation().isSymmetric()) {
        model.add(object.asResource(), fact.relation().property(), subject);
      }
      Resource assertion = model.createResource(IriMinter.fact(articleIri, i).getURI());
      assertion
          .addProperty(RDF.type, NG.Assertion)
          .addProperty(RDF.subject, subject)
          .addProperty(RDF.predicate, fact.relation().property())
          .addProperty(RDF.object, object)
          .addProperty(NG.subjectText, fact.subjectMention().text())
          .addLiteral(NG.subjectStart, integer(fact.subjectMention().start()))
          .addLiteral(NG.subjectEnd, integer(fact.subjectMention().end()))
          .addProperty(NG.objectText, fact.objectMention().text())
          .addLiteral(NG.objectStart, integer(fact.objectMention().start()))
          .addLiteral(NG.objectEnd, integer(fact.objectMention().end()));
      addEvidence(assertion, articleIri, fact.evidence());
      // A fact stated as current and without dates writes nothing here: "current" is the default.
      if (fact.former()) {
        assertion.addLiteral(NG.former, ResourceFactory.createTypedLiteral(true));
      }
      if (fact.start() != null) {
        assertion.addLiteral(NG.startDate, DateValue.toLiteral(fact.start()));
      }
      if (fact.end() != null) {
        assertion.addLiteral(NG.endDate, DateValue.toLiteral(fact.end()));
      }
    }

    List<Event> events = stated.events();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      Resource node = model.createResource(IriMinter.event(articleIri, i).getURI());
      node.addProperty(RDF.type, NG.Event)
          .addProperty(RDF.type, event.type().ontologyClass())
          .addProperty(NG.trigger, event.trigger().text())
          .addLiteral(NG.startOffset, integer(event.trigger().start()))
          .addLiteral(NG.endOffset, integer(event.trigger().end()));
      if (event.date() != null) {
        node.addLiteral(NG.date, DateValue.toLiteral(event.date()));
      }
      if (event.place() != null) {
        node.addProperty(NG.place, iris.get(event.place()));
      }
      addStructure(node, event);
      for (Participant participant : event.participants()) {
        Resource entity = iris.get(participant.entity());
        // The plain triple too, so that queries for every participant need no inference.
        node.addProperty(NG.participant, entity);
        EventRole.ofRole(participant.role())
            .ifPresent(role -> node.addProperty(role.property(), entity));
      }
      addEvidence(node, articleIri, event.evidence());
    }

    List<Quote> quotes = stated.quotes();
    for (int i = 0; i < quotes.size(); i++) {
      Quote quote = quotes.get(i);
      Resource node = model.createResource(IriMinter.quote(articleIri, i).getURI());
      node.addProperty(RDF.type, NG.Quote)
          .addProperty(NG.speaker, iris.get(quote.speaker()))
          .addProperty(NG.quotedText, quote.text())
          .addLiteral(NG.startOffset, integer(quote.start()))
          .addLiteral(NG.endOffset, integer(quote.end()));
      addEvidence(node, articleIri, quote.evidence());
    }
    return model;
  }

  /** Each stretch of text that refers to a named entity, in text order. */
  private static void addMentions(Model model, Resource articleIri, Map<Entity, Resource> iris) {
    record Located(Mention mention, Resource entity) {}
    List<Located> located = new ArrayList<>();
    iris.forEach((entity, iri) -> entity.mentions().forEach(m -> located.add(new Located(m, iri))));
    located.sort(
        Comparator.comparingInt((Located l) -> l.mention().start())
            .thenComparingInt(l -> l.mention().end())
            .thenComparing(l -> l.entity().getURI()));
    for (int i = 0; i < located.size(); i++) {
      Mention mention = located.get(i).mention();
      model
          .createResource(IriMinter.mention(articleIri, i).getURI())
          .addProperty(RDF.type, NG.Mention)
          .addProperty(NG.refersTo, located.get(i).entity())
          .addLiteral(NG.startOffset, integer(mention.start()))
          .addLiteral(NG.endOffset, integer(mention.end()))
          .addProperty(NG.sourceArticle, articleIri);
    }
  }

  /**
   * Where the event stands, the sum it involves and when it takes effect, each only when the
   * article gives it. The sum is a node of its own under the event's IRI, so that its value,
   * currency and words stay together and generic tools read it as a schema.org MonetaryAmount.
   */
  private static void addStructure(Resource node, Event event) {
    if (event.status() != null) {
      node.addProperty(NG.status, event.status().individual());
    }
    Amount amount = event.amount();
    if (amount != null) {
      node.addProperty(
          NG.amount,
          node.getModel()
              .createResource(IriMinter.amount(node).getURI())
              .addProperty(RDF.type, NG.MonetaryAmount)
              .addLiteral(
                  NG.amountValue,
                  ResourceFactory.createTypedLiteral(
                      amount.value().stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal))
              .addProperty(NG.currency, amount.currency())
              .addProperty(NG.amountText, amount.text()));
    }
    if (event.effectiveDate() != null) {
      node.addLiteral(NG.effectiveDate, DateValue.toLiteral(event.effectiveDate()));
    }
  }

  private static void addEvidence(Resource node, Resource article, Evidence evidence) {
    node.addProperty(NG.sourceArticle, article)
        .addProperty(NG.sentence, evidence.sentence())
        .addLiteral(NG.sentenceStart, integer(evidence.sentenceStart()))
        .addLiteral(NG.sentenceEnd, integer(evidence.sentenceEnd()))
        .addProperty(NG.extractor, evidence.extractor())
        .addLiteral(NG.confidence, ResourceFactory.createTypedLiteral(evidence.confidence()));
  }

  private static Literal integer(int value) {
    return ResourceFactory.createTypedLiteral(Integer.toString(value), XSDDatatype.XSDinteger);
  }
}
