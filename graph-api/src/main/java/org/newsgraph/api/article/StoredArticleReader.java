package org.newsgraph.api.article;

import static java.util.Objects.requireNonNull;
import static org.newsgraph.api.graph.Views.MAX_LISTED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.api.event.EventReader;
import org.newsgraph.api.event.EventReader.EventFilter;
import org.newsgraph.api.graph.ArticleRefs;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.FactReader;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.springframework.stereotype.Component;

/**
 * Reads the stored articles (not to be confused with graph-extract's ArticleReader, which reads
 * articles to ingest): the list, newest first, and one with what was extracted from it.
 * Thread-safe.
 */
@Component
class StoredArticleReader {

  /** The most facts or quotes an article's page lists. */
  private static final int MAX_STATEMENTS = 5_000;

  private static final Query ARTICLES = Sparql.load(StoredArticleReader.class, "articles.rq");
  private static final Query BODY = Sparql.load(StoredArticleReader.class, "article-body.rq");
  private static final Query MENTIONED = Sparql.load(StoredArticleReader.class, "mentioned.rq");
  private static final Query MENTION_SPANS =
      Sparql.load(StoredArticleReader.class, "mention-spans.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final ArticleRefs refs;
  private final FactReader facts;
  private final EventReader events;

  StoredArticleReader(
      GraphStore store,
      QueryLimits limits,
      EntityNames names,
      ArticleRefs refs,
      FactReader facts,
      EventReader events) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.refs = requireNonNull(refs, "refs");
    this.facts = requireNonNull(facts, "facts");
    this.events = requireNonNull(events, "events");
  }

  /** Returns the stored articles, newest first, a page at a time. */
  List<ArticleRef> articles(int limit, int offset) {
    Query query = ARTICLES.cloneQuery();
    query.setLimit(limit);
    query.setOffset(offset);
    return select(query).stream().map(ArticleRefs::of).toList();
  }

  /** Returns an article's graph as stored, if it is. */
  Optional<Model> articleGraph(String id) {
    return store.articleGraph(id);
  }

  /** Returns a stored article with its text and what was extracted from it. */
  Optional<Views.Article> article(String id) {
    if (!store.containsArticle(id)) {
      return Optional.empty();
    }
    Node article = IriMinter.article(id).asNode();
    ArticleRef ref = refs.of(List.of(article)).get(article.getURI());
    Map<String, Node> inArticle = Map.of("article", article);
    List<QuerySolution> body = select(Sparql.bind(BODY, inArticle));
    if (ref == null || body.isEmpty()) {
      return Optional.empty();
    }
    List<Node> mentioned =
        select(Sparql.bind(MENTIONED, inArticle)).stream()
            .map(r -> r.getResource("entity").asNode())
            .toList();
    Map<String, EntityRef> named = names.of(mentioned);
    List<EntityRef> entities =
        named.values().stream().sorted(Comparator.comparing(EntityRef::name)).toList();
    List<Views.Span> mentions = new ArrayList<>();
    for (QuerySolution row : select(Sparql.bind(MENTION_SPANS, inArticle))) {
      EntityRef entity = named.get(row.getResource("entity").getURI());
      if (entity != null) {
        mentions.add(
            new Views.Span(
                row.getLiteral("start").getInt(), row.getLiteral("end").getInt(), entity.id()));
      }
    }
    QuerySolution first = body.get(0);
    return Optional.of(
        new Views.Article(
            ref,
            first.getLiteral("url") == null ? null : first.getLiteral("url").getLexicalForm(),
            first.getLiteral("text").getString(),
            entities,
            mentions,
            facts.factsIn(article, MAX_STATEMENTS),
            events.events(EventFilter.inArticle(article), MAX_LISTED, 0),
            facts.quotesIn(article, MAX_STATEMENTS)));
  }

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
