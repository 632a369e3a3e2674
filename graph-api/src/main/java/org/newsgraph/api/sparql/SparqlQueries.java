package org.newsgraph.api.sparql;

import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;
import org.newsgraph.ontology.Ontology;

/**
 * Parses SPARQL queries with the ontology's prefixes declared beforehand, so that {@code ng:heads}
 * works without a PREFIX line.
 */
public final class SparqlQueries {

  private SparqlQueries() {}

  /**
   * Parses a SPARQL 1.1 query.
   *
   * @throws org.apache.jena.query.QueryParseException with the line and column of the problem
   */
  public static Query parse(String sparql) {
    Query query = new Query();
    query.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(Ontology.prefixes()));
    return QueryFactory.parse(query, sparql, null, Syntax.syntaxSPARQL_11);
  }

  /**
   * Sets the dataset of a query from the protocol's {@code default-graph-uri} and {@code
   * named-graph-uri} parameters, which replace the query's own FROM and FROM NAMED. Without them
   * the query keeps its own, or the union of all graphs.
   */
  public static void setDataset(Query query, List<String> defaultGraphs, List<String> namedGraphs) {
    boolean given =
        (defaultGraphs != null && !defaultGraphs.isEmpty())
            || (namedGraphs != null && !namedGraphs.isEmpty());
    if (!given) {
      return;
    }
    query.getGraphURIs().clear();
    query.getNamedGraphURIs().clear();
    if (defaultGraphs != null) {
      defaultGraphs.forEach(query::addGraphURI);
    }
    if (namedGraphs != null) {
      namedGraphs.forEach(query::addNamedGraphURI);
    }
  }
}
