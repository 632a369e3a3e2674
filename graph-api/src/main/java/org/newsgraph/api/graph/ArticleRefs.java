package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.api.graph.Views.Evidence;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.springframework.stereotype.Component;

/**
 * How answers refer to articles, and to the sentences of articles that are the evidence of facts,
 * events and quotes. Thread-safe.
 */
@Component
public final class ArticleRefs {

  private static final Query ARTICLE_REFS = Sparql.load(ArticleRefs.class, "article-refs.rq");

  private final GraphStore store;
  private final QueryLimits limits;

  /** Refers to the articles the store holds, each query within the limits. */
  public ArticleRefs(GraphStore store, QueryLimits limits) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Returns the references of the stored articles among these IRIs, by IRI, in one query. */
  public Map<String, ArticleRef> of(Collection<Node> articles) {
    Map<String, ArticleRef> refs = new HashMap<>();
    if (!articles.isEmpty()) {
      Query query = Sparql.withValues(ARTICLE_REFS, "article", List.copyOf(articles));
      for (QuerySolution row : Sparql.select(store, query, limits)) {
        ArticleRef ref = of(row);
        refs.put(ref.iri(), ref);
      }
    }
    return refs;
  }

  /** Returns the references of the articles in the rows' {@code ?article}, by IRI. */
  public Map<String, ArticleRef> ofRows(List<QuerySolution> rows) {
    return of(rows.stream().map(r -> r.getResource("article").asNode()).distinct().toList());
  }

  /** Returns the reference in a row of {@code ?article}, {@code ?title} and {@code ?published}. */
  public static ArticleRef of(QuerySolution row) {
    String iri = row.getResource("article").getURI();
    return new ArticleRef(
        IriMinter.articleId(iri),
        iri,
        row.getLiteral("title") == null ? null : row.getLiteral("title").getString(),
        row.getLiteral("published") == null ? null : row.getLiteral("published").getLexicalForm());
  }

  /**
   * Returns the evidence in a row of {@code ?article ?sentence ?sentenceStart ?sentenceEnd
   * ?extractor ?conf}, its article referred to as in {@code articles} (by IRI alone if missing).
   */
  public static Evidence evidence(QuerySolution row, Map<String, ArticleRef> articles) {
    String article = row.getResource("article").getURI();
    return new Evidence(
        articles.getOrDefault(
            article, new ArticleRef(IriMinter.articleId(article), article, null, null)),
        row.getLiteral("sentence").getString(),
        row.getLiteral("sentenceStart").getInt(),
        row.getLiteral("sentenceEnd").getInt(),
        row.getLiteral("extractor").getString(),
        row.getLiteral("conf").getDouble());
  }
}
