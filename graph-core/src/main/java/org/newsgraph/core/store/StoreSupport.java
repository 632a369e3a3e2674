package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.rdf.ArticleGraph;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.ontology.IriMinter;

/** What every {@link GraphStore} does the same way: shapes, graph names, query limits. */
final class StoreSupport {

  private StoreSupport() {}

  /** The answer to a query that runs past its time limit. */
  static QueryLimitException ranTooLong(QueryLimits limits) {
    return new QueryLimitException(
        "the query ran longer than " + describe(limits) + " and was stopped");
  }

  static SparqlAnswer answer(QueryExecution execution, Query query, QueryLimits limits) {
    if (query.isSelectType()) {
      ResultSet results = execution.execSelect();
      ResultSetRewindable rows = ResultSetFactory.makeRewindable(results);
      if (rows.size() > limits.maxRows()) {
        throw tooMany(limits);
      }
      return new SparqlAnswer.Rows(rows);
    }
    if (query.isAskType()) {
      return new SparqlAnswer.Bool(execution.execAsk());
    }
    Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
    if (model.size() > limits.maxRows()) {
      throw tooMany(limits);
    }
    model.setNsPrefixes(query.getPrefixMapping());
    return new SparqlAnswer.Graph(model);
  }

  /** Asks for one row beyond the limit, so that going over it can be told from reaching it. */
  static Query withRowLimit(Query query, long maxRows) {
    if (!query.isSelectType() && !query.isConstructType()) {
      return query;
    }
    if (query.hasLimit() && query.getLimit() <= maxRows) {
      return query;
    }
    Query bounded = query.cloneQuery();
    bounded.setLimit(maxRows + 1);
    return bounded;
  }

  static QueryLimitException tooMany(QueryLimits limits) {
    return new QueryLimitException(
        "the query returns more than "
            + limits.maxRows()
            + " results; add a LIMIT or narrow it down");
  }

  static String describe(QueryLimits limits) {
    // Whole seconds from a second up: a request's limit is what is left of its time once its
    // text was read (4,998 ms of 5 s), and people set it in seconds.
    long millis = limits.timeout().toMillis();
    return millis >= 1000 ? Math.round(millis / 1000.0) + " s" : millis + " ms";
  }

  /**
   * Builds each article's graph, checked against the shapes, as a named graph of one dataset.
   *
   * @throws GraphException if a graph breaks the shapes
   */
  static DatasetGraph articleGraphs(
      List<Extraction> extractions, EntityResolver resolver, Instant ingested) {
    requireNonNull(extractions, "extractions");
    DatasetGraph graphs = DatasetGraphFactory.create();
    for (Extraction extraction : extractions) {
      Model graph = ArticleGraph.checked(extraction, resolver, ingested);
      graphs.addGraph(graphName(extraction.article().id()), graph.getGraph());
    }
    return graphs;
  }

  /**
   * Returns the names of the graphs, each checked to be an article's.
   *
   * @throws GraphException if one is not
   */
  static List<Node> articleGraphNames(DatasetGraph articles) {
    List<Node> names = new ArrayList<>();
    articles
        .listGraphNodes()
        .forEachRemaining(
            name -> {
              if (!name.isURI() || IriMinter.articleId(name.getURI()) == null) {
                throw new GraphException(
                    "the graph "
                        + name
                        + " is not an article's: article graphs are named "
                        + IriMinter.ARTICLE_BASE
                        + "ID");
              }
              names.add(name);
            });
    if (!articles.getDefaultGraph().isEmpty()) {
      throw new GraphException("triples outside any article graph: every triple must be in one");
    }
    return names;
  }

  /** Returns the ids of the articles among graph names, in id order; other graphs are left out. */
  static List<String> articleIds(Iterator<Node> graphNames) {
    List<String> ids = new ArrayList<>();
    graphNames.forEachRemaining(
        name -> {
          String id = name.isURI() ? IriMinter.articleId(name.getURI()) : null;
          if (id != null) {
            ids.add(id);
          }
        });
    ids.sort(null);
    return ids;
  }

  /** Returns the entity a row of a name search found, if its type is one of the entity types. */
  static Optional<EntityHit> hit(QuerySolution row) {
    return EntityType.of(row.getResource("type"))
        .map(
            type ->
                new EntityHit(
                    row.getResource("entity").getURI(),
                    type,
                    row.getLiteral("name").getString(),
                    row.getLiteral("score").getDouble()));
  }

  /**
   * Checks that a format can hold named graphs, as an export needs.
   *
   * @throws IllegalArgumentException if it cannot
   */
  static void requireQuads(Lang lang) {
    requireNonNull(lang, "lang");
    if (!RDFLanguages.isQuads(lang)) {
      throw new IllegalArgumentException(lang.getName() + " cannot hold named graphs");
    }
  }

  static Node graphName(String articleId) {
    return NodeFactory.createURI(IriMinter.article(articleId).getURI());
  }
}
