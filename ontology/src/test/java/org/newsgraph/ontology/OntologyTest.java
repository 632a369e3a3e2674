package org.newsgraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class OntologyTest {

  private final Model ontology = Ontology.ontology();

  @Test
  void everyTermHasAnEnglishLabelAndComment() {
    List<Resource> terms = newsgraphTerms();

    assertThat(terms).hasSizeGreaterThan(50);
    for (Resource term : terms) {
      assertThat(term.getProperty(RDFS.label))
          .as("label of %s", term)
          .isNotNull()
          .extracting(statement -> statement.getLanguage())
          .isEqualTo("en");
      assertThat(term.getProperty(RDFS.comment)).as("comment of %s", term).isNotNull();
    }
  }

  @Test
  void everyRelationBetweenThingsHasADomainAndARange() {
    for (Resource relation :
        List.of(NG.heads, NG.competesWith, NG.develops, NG.birthDate, NG.politicalParty)) {
      assertThat(ontology.contains(relation, RDFS.domain)).as("domain of %s", relation).isTrue();
      assertThat(ontology.contains(relation, RDFS.range)).as("range of %s", relation).isTrue();
    }
  }

  @Test
  void headsIsASubPropertyOfWorksForAndTheSymmetricRelationsAreSymmetric() {
    assertThat(ontology.contains(NG.heads, RDFS.subPropertyOf, NG.worksFor)).isTrue();
    assertThat(ontology.contains(NG.competesWith, RDF.type, OWL.SymmetricProperty)).isTrue();
    assertThat(ontology.contains(NG.partnersWith, RDF.type, OWL.SymmetricProperty)).isTrue();
  }

  @Test
  void classesAreAlignedWithSchemaOrgFoafAndOrg() {
    Resource schemaPerson = ontology.createResource("https://schema.org/Person");
    Resource orgOrganization = ontology.createResource("http://www.w3.org/ns/org#Organization");

    assertThat(ontology.contains(NG.Person, OWL.equivalentClass, schemaPerson)).isTrue();
    assertThat(ontology.contains(NG.Organization, OWL.equivalentClass, orgOrganization)).isTrue();
  }

  @Test
  void theShapesAreValidShacl() {
    Shapes shapes = Shapes.parse(Ontology.shapes().getGraph());

    assertThat(shapes.numRootShapes()).isGreaterThan(25);
  }

  @Test
  void theShapesRejectARelationBetweenThingsOfTheWrongType() {
    Shapes shapes = Shapes.parse(Ontology.shapes().getGraph());
    Model data = ModelFactory.createDefaultModel();
    Resource place = data.createResource("https://example.org/paris", NG.Place);
    place.addProperty(RDFS.label, "Paris").addProperty(NG.alias, "Paris");
    Resource company = data.createResource("https://example.org/acme", NG.Organization);
    company.addProperty(RDFS.label, "Acme").addProperty(NG.alias, "Acme");
    place.addProperty(NG.heads, company);

    assertThat(ShaclValidator.get().validate(shapes, data.getGraph()).conforms()).isFalse();

    data.remove(place, NG.heads, company);
    assertThat(ShaclValidator.get().validate(shapes, data.getGraph()).conforms()).isTrue();
  }

  @Test
  void prefixesDeclareTheOntologysOwnAndTheAlignedVocabularies() {
    assertThat(Ontology.prefixes().getNsPrefixURI("ng")).isEqualTo(NG.NS);
    assertThat(Ontology.prefixes().getNsPrefixURI("schema")).isEqualTo("https://schema.org/");
  }

  private List<Resource> newsgraphTerms() {
    return ontology.listSubjects().toList().stream()
        .filter(Resource::isURIResource)
        .filter(resource -> resource.getURI().startsWith(NG.NS))
        .toList();
  }
}
