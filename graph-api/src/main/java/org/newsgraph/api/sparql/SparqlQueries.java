package org.newsgraph.api.sparql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.store.QueryLimitException;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.Ontology;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

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
   * @throws org.springframework.web.ErrorResponseException 400 if it nests too deeply to parse
   */
  public static Query parse(String sparql) {
    Query query = new Query();
    query.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(Ontology.prefixes()));
    return nestingChecked(() -> QueryFactory.parse(query, sparql, null, Syntax.syntaxSPARQL_11));
  }

  /**
   * Parses a SPARQL 1.1 update.
   *
   * @throws org.apache.jena.query.QueryParseException with the line and column of the problem
   * @throws org.springframework.web.ErrorResponseException 400 if it nests too deeply to parse
   */
  public static UpdateRequest parseUpdate(String sparql) {
    UpdateRequest request = new UpdateRequest();
    request.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(Ontology.prefixes()));
    return nestingChecked(
        () -> {
          UpdateFactory.parse(request, sparql, null, Syntax.syntaxSPARQL_11);
          return request;
        });
  }

  /**
   * Refuses a query or update text longer than the limit, with 413.
   *
   * @throws org.springframework.web.ErrorResponseException 413 if it is longer
   */
  public static void requireSize(String sparql, DataSize limit) {
    // A character is at least a byte: only a text near the limit needs its bytes counted.
    if (sparql.length() > limit.toBytes()
        || (sparql.length() * 3L > limit.toBytes()
            && sparql.getBytes(StandardCharsets.UTF_8).length > limit.toBytes())) {
      throw Problems.problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "Too large",
          "the SPARQL text is larger than "
              + limit.toKilobytes()
              + " KB, the most this server takes (newsgraph.sparql.max-query-size)");
    }
  }

  /**
   * Returns the limits with what is left of their time since the request began.
   *
   * @throws QueryLimitException if no time is left
   */
  public static QueryLimits remaining(QueryLimits limits, long startNanos) {
    Duration left = limits.timeout().minusNanos(System.nanoTime() - startNanos);
    if (left.isNegative() || left.isZero()) {
      throw new QueryLimitException(
          "reading the query took longer than "
              + limits.timeout().toMillis()
              + " ms; it was not run");
    }
    return limits.withTimeout(left);
  }

  /**
   * Runs a step of answering a query, answering 400 if the query nests so deeply that the step runs
   * out of stack, as a thousand nested parentheses can make a parser or a planner do.
   */
  public static <T> T nestingChecked(Supplier<T> step) {
    try {
      return step.get();
    } catch (StackOverflowError e) {
      throw tooDeep();
    }
  }

  /** Returns the 400 answer for a query nested too deeply to parse, plan or run. */
  public static ErrorResponseException tooDeep() {
    return Problems.problem(
        HttpStatus.BAD_REQUEST,
        "Query nested too deeply",
        "the query nests its expressions or patterns too deeply to be run; flatten it");
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
