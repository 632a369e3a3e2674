package org.newsgraph.core.store;

import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;

/**
 * The answer to a SPARQL query, copied out of the store's read transaction so that it can be
 * written at leisure.
 */
public sealed interface SparqlAnswer {

  /** The rows of a SELECT query, rewindable. */
  record Rows(ResultSetRewindable rows) implements SparqlAnswer {}

  /** The answer to an ASK query. */
  record Bool(boolean value) implements SparqlAnswer {}

  /** The triples of a CONSTRUCT or DESCRIBE query. */
  record Graph(Model model) implements SparqlAnswer {}
}
