package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.newsgraph.api.sparql.SparqlQueries;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.newsgraph.ontology.Ontology;

/**
 * SPARQL templates with parameters: a template is a {@code .rq} resource beside the feature that
 * asks it, parsed once, and a request's values replace its variables in the parsed query, never in
 * the query's text, so no value can change what a query means.
 */
public final class Sparql {

  private Sparql() {}

  /**
   * Reads and parses a template kept as a resource in the package of {@code owner} ({@code
   * src/main/resources/org/newsgraph/api/entity/aliases.rq} for a class of {@code
   * org.newsgraph.api.entity}); the ontology's prefixes are declared.
   *
   * @throws IllegalStateException if there is no such resource
   */
  public static Query load(Class<?> owner, String name) {
    requireNonNull(owner, "owner");
    requireNonNull(name, "name");
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "no query " + name + " in package " + owner.getPackageName());
      }
      return SparqlQueries.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("query " + name + " of " + owner.getPackageName(), e);
    }
  }

  /**
   * Returns a copy of the template with variables replaced by the given nodes. A variable it orders
   * by is ordered by no more: a constant there orders nothing, and written out ({@code ORDER BY
   * <iri> ?start}) it is not SPARQL, which a remote store would refuse.
   */
  public static Query bind(Query template, Map<String, Node> values) {
    Query bound =
        QueryTransformOps.transform(
            template,
            values.entrySet().stream()
                .collect(Collectors.toMap(e -> Var.alloc(e.getKey()), Map.Entry::getValue)));
    if (bound.getOrderBy() != null) {
      bound.getOrderBy().removeIf(condition -> condition.getExpression().isConstant());
    }
    return bound;
  }

  /**
   * Returns a copy of the template whose VALUES block gives one variable these nodes: the query's
   * answers for each. Unlike {@link #bind}, the variable stays a variable, so the template may ask
   * whether it is bound.
   */
  public static Query withValues(Query template, String variable, List<Node> nodes) {
    return withRows(template, List.of(variable), nodes.stream().map(List::of).toList());
  }

  /**
   * Returns a copy of the template whose VALUES block gives several variables these rows, each row
   * a node for each variable in order: the query's answers for each row, as {@link #withValues}
   * does for one variable.
   *
   * @throws IllegalArgumentException if a row has not one node for each variable
   */
  public static Query withRows(Query template, List<String> variables, List<List<Node>> rows) {
    Query query = template.cloneQuery();
    List<Var> vars = variables.stream().map(Var::alloc).toList();
    List<Binding> bindings = new ArrayList<>();
    for (List<Node> row : rows) {
      if (row.size() != vars.size()) {
        throw new IllegalArgumentException(
            "a row of values needs " + vars.size() + " nodes, got " + row.size());
      }
      var binding = Binding.builder();
      for (int i = 0; i < vars.size(); i++) {
        binding.add(vars.get(i), row.get(i));
      }
      bindings.add(binding.build());
    }
    // The values open the pattern rather than follow the query: ARQ then looks each one up in
    // the indexes, instead of matching the pattern against the whole store and joining after.
    ElementGroup pattern = new ElementGroup();
    pattern.addElement(new ElementData(vars, bindings));
    if (query.getQueryPattern() instanceof ElementGroup group) {
      group.getElements().forEach(pattern::addElement);
    } else {
      pattern.addElement(query.getQueryPattern());
    }
    query.setQueryPattern(pattern);
    return query;
  }

  /** Runs a SELECT query and returns its rows, read to the end within the store's transaction. */
  public static List<QuerySolution> select(GraphStore store, Query query, QueryLimits limits) {
    SparqlAnswer answer = store.query(query, limits);
    if (!(answer instanceof SparqlAnswer.Rows rows)) {
      throw new IllegalStateException("not a SELECT query: " + query);
    }
    ResultSetRewindable results = rows.rows();
    results.reset();
    List<QuerySolution> solutions = new ArrayList<>();
    results.forEachRemaining(solutions::add);
    return solutions;
  }

  /**
   * Runs a CONSTRUCT query and returns its triples, with the ontology's prefixes so that they are
   * written as a reader of the ontology knows them.
   */
  public static Model construct(GraphStore store, Query query, QueryLimits limits) {
    if (!(store.query(query, limits) instanceof SparqlAnswer.Graph graph)) {
      throw new IllegalStateException("not a CONSTRUCT query: " + query);
    }
    return graph.model().setNsPrefixes(Ontology.prefixes());
  }
}
