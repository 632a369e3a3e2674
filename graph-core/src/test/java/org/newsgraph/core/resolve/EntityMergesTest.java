package org.newsgraph.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.rdf.ArticleGraph;
import org.newsgraph.core.resolve.EntityMerges.Candidate;
import org.newsgraph.core.resolve.EntityMerges.Merge;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;

class EntityMergesTest {

  @Test
  void legalFormsCaseAndALeadingTheNameOneCompany() {
    assertThat(EntityMerges.sameNameKey(EntityType.ORGANIZATION, "OpenAI Inc."))
        .isEqualTo(EntityMerges.sameNameKey(EntityType.ORGANIZATION, "OpenAI"))
        .isEqualTo(EntityMerges.sameNameKey(EntityType.ORGANIZATION, "The OpenAI, Inc"));
    // One key across types, as the store groups them: the rule then weighs the types.
    assertThat(EntityMerges.sameNameKey(EntityType.PLACE, "Georgia"))
        .isEqualTo(EntityMerges.sameNameKey(EntityType.ORGANIZATION, "Georgia"));
    assertThat(EntityMerges.sameNameKey(EntityType.PERSON, "Kestrel Co"))
        .isEqualTo(EntityMerges.sameNameKey(EntityType.PERSON, "Kestrel"));
  }

  @Test
  void theNameMostArticlesUseIsKeptWhateverTheOrder() {
    List<Candidate> group =
        new ArrayList<>(
            List.of(
                organization("OpenAI", 40),
                organization("OpenAI Inc.", 3),
                organization("OpenAI Ltd", 1)));
    List<Merge> first = EntityMerges.sameName(group);
    for (long seed = 0; seed < 5; seed++) {
      Collections.shuffle(group, new Random(seed));

      assertThat(EntityMerges.sameName(group)).isEqualTo(first);
    }
    assertThat(first)
        .extracting(Merge::fromName, Merge::toName, Merge::rule)
        .containsExactlyInAnyOrder(
            tuple("OpenAI Inc.", "OpenAI", EntityMerges.SAME_NAME),
            tuple("OpenAI Ltd", "OpenAI", EntityMerges.SAME_NAME));
  }

  @Test
  void aSurnameGoesToTheOnePersonWithItAndToNoneWhenThereAreTwo() {
    Candidate altman = person("Altman", 5);
    Candidate sam = person("Sam Altman", 9);

    assertThat(EntityMerges.surname(List.of(sam, altman)))
        .containsExactly(
            new Merge(altman.iri(), sam.iri(), "Altman", "Sam Altman", EntityMerges.SURNAME));
    assertThat(EntityMerges.surname(List.of(sam, altman, person("Jack Altman", 2)))).isEmpty();
    assertThat(EntityMerges.surnameKey(EntityType.PERSON, "Sam Altman"))
        .isEqualTo(EntityMerges.surnameKey(EntityType.PERSON, "Altman"));
    assertThat(EntityMerges.surnameKey(EntityType.ORGANIZATION, "Altman")).isEmpty();
  }

  @Test
  void aMergedArticleGraphNamesTheKeptEntityAndStillMeetsTheShapes() {
    Model article = ArticleGraph.of(Fixtures.nordvik(), EntityResolver.minting(), Instant.EPOCH);
    String lindqvist = iri(EntityType.PERSON, "Maria Lindqvist");
    Merge merge =
        new Merge(
            lindqvist,
            iri(EntityType.PERSON, "Maria Lindqvist-Berg"),
            "Maria Lindqvist",
            "Maria Lindqvist-Berg",
            EntityMerges.SURNAME);

    Graph merged = EntityMerges.apply(article.getGraph(), Map.of(lindqvist, merge));

    assertThat(
            merged.contains(
                node(merge.to()),
                org.apache.jena.vocabulary.RDFS.label.asNode(),
                NodeFactory.createLiteralString("Maria Lindqvist-Berg")))
        .isTrue();
    assertThat(merged.contains(node(lindqvist), Node.ANY, Node.ANY)).isFalse();
    assertThat(merged.contains(Node.ANY, Node.ANY, node(lindqvist))).isFalse();
    assertThat(
            merged.contains(
                node(merge.to()),
                NG.alias.asNode(),
                NodeFactory.createLiteralString("Maria Lindqvist")))
        .isTrue();
    assertThat(
            ShaclValidator.get()
                .validate(Shapes.parse(Ontology.shapes().getGraph()), merged)
                .conforms())
        .isTrue();
  }

  private static Node node(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static String iri(EntityType type, String name) {
    return IriMinter.entity(type.ontologyClass(), name).getURI();
  }

  private static Candidate organization(String name, long articles) {
    return new Candidate(
        iri(EntityType.ORGANIZATION, name), EntityType.ORGANIZATION, name, articles);
  }

  private static Candidate person(String name, long articles) {
    return new Candidate(iri(EntityType.PERSON, name), EntityType.PERSON, name, articles);
  }
}
