package org.newsgraph.api.sparql;

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
}
