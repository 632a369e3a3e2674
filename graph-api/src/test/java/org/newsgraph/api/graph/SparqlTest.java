package org.newsgraph.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.junit.jupiter.api.Test;

class SparqlTest {

  private static final Node ARTICLE = NodeFactory.createURI("https://newsgraph.org/id/article/a-1");

  @Test
  void aTemplateIsReadFromThePackageOfItsOwner() {
    Query query = Sparql.load(FactReader.class, "quotes.rq");

    assertThat(query.isSelectType()).isTrue();
    assertThat(query.getResultVars()).contains("quote", "speaker", "article");
  }

  @Test
  void aMissingTemplateIsNamedWithItsPackage() {
    assertThatThrownBy(() -> Sparql.load(FactReader.class, "nothing.rq"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no query nothing.rq in package org.newsgraph.api.graph");
  }

  @Test
  void aBoundVariableBecomesAConstantAndOrdersNoMore() {
    Query bound =
        Sparql.bind(Sparql.load(FactReader.class, "quotes.rq"), Map.of("article", ARTICLE));

    assertThat(bound.toString()).contains("<https://newsgraph.org/id/article/a-1>");
    assertThat(bound.getOrderBy()).hasSize(1);
    assertThat(bound.getOrderBy().get(0).getExpression().getVarName()).isEqualTo("start");
  }

  @Test
  void aValueWhichATextCouldNotSpliceStaysOneLiteral() {
    Node sly = NodeFactory.createLiteralString("x\" } ; DROP ALL ; #");
    Query bound = Sparql.bind(Sparql.load(FactReader.class, "quotes.rq"), Map.of("article", sly));

    assertThat(bound.toString()).contains("\"x\\\" } ; DROP ALL ; #\"");
  }

  @Test
  void valuesOpenThePatternAndLeaveTheVariableAVariable() {
    Query query =
        Sparql.withValues(
            Sparql.load(ArticleRefs.class, "article-refs.rq"), "article", List.of(ARTICLE));

    assertThat(query.toString())
        .containsSubsequence(
            "VALUES ?article { <https://newsgraph.org/id/article/a-1> }", "ng:Article");
  }
}
