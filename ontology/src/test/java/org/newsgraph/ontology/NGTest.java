package org.newsgraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class NGTest {

  private final Model ontology = Ontology.ontology();

  @Test
  void everyClassAndIndividualOfTheOntologyIsAResourceOfTheVocabularyAndBack() {
    Set<String> resources = ontologyTerms(OWL.Class);
    resources.addAll(ontologyTerms(OWL2.NamedIndividual));

    assertThat(vocabularyTerms(Resource.class)).isEqualTo(resources);
  }

  @Test
  void theEventStatusesAreTheIndividualsOfTheirClass() {
    assertThat(ontology.listSubjectsWithProperty(RDF.type, NG.EventStatus).toList())
        .containsExactlyInAnyOrder(
            NG.Announced, NG.Completed, NG.Blocked, NG.Denied, NG.Rumoured, NG.Planned);
  }

  @Test
  void everyPropertyOfTheOntologyIsAPropertyOfTheVocabularyAndBack() {
    Set<String> ontologyProperties = ontologyTerms(OWL.ObjectProperty);
    ontologyProperties.addAll(ontologyTerms(OWL.DatatypeProperty));

    assertThat(vocabularyTerms(Property.class)).isEqualTo(ontologyProperties);
  }

  @Test
  void vocabularyFieldsAreNamedAfterTheirLocalName() throws IllegalAccessException {
    for (Field field : vocabularyFields(Resource.class)) {
      Resource term = (Resource) field.get(null);
      assertThat(term.getURI()).isEqualTo(NG.NS + field.getName());
    }
  }

  private Set<String> ontologyTerms(Resource kind) {
    return ontology.listSubjectsWithProperty(RDF.type, kind).toList().stream()
        .filter(Resource::isURIResource)
        .map(Resource::getURI)
        .filter(uri -> uri.startsWith(NG.NS))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> vocabularyTerms(Class<?> exactType) {
    return vocabularyFields(exactType).stream()
        .map(
            field -> {
              try {
                return ((Resource) field.get(null)).getURI();
              } catch (IllegalAccessException e) {
                throw new AssertionError(e);
              }
            })
        .filter(uri -> uri.startsWith(NG.NS))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static java.util.List<Field> vocabularyFields(Class<?> exactType) {
    return Arrays.stream(NG.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> field.getType() == exactType)
        .filter(field -> !field.getName().equals("ONTOLOGY"))
        .toList();
  }
}
