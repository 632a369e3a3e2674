package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.springframework.stereotype.Component;

/**
 * The facts and quotes that the pages of entities and of articles list, each with the sentence that
 * states it. Thread-safe.
 */
@Component
public final class FactReader {

  private static final Query FACTS_ABOUT = Sparql.load(FactReader.class, "facts-about.rq");
  private static final Query FACTS_IN = Sparql.load(FactReader.class, "facts-in.rq");
  private static final Query QUOTES = Sparql.load(FactReader.class, "quotes.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final ArticleRefs articles;

  /** Reads facts and quotes from the store, each query within the limits. */
  public FactReader(GraphStore store, QueryLimits limits, EntityNames names, ArticleRefs articles) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.articles = requireNonNull(articles, "articles");
  }

  /** Returns the facts about an entity, as subject or object; at most {@code limit}. */
  public List<Views.Fact> factsAbout(Node entity, int limit) {
    return facts(FACTS_ABOUT, Map.of("entity", entity), limit);
  }

  /** Returns the facts an article states; at most {@code limit}. */
  public List<Views.Fact> factsIn(Node article, int limit) {
    return facts(FACTS_IN, Map.of("article", article), limit);
  }

  /** Returns what an entity said; at most {@code limit} quotes. */
  public List<Views.Quote> quotesBy(Node speaker, int limit) {
    return quotes(Map.of("speaker", speaker), limit);
  }

  /** Returns the quotes in an article; at most {@code limit}. */
  public List<Views.Quote> quotesIn(Node article, int limit) {
    return quotes(Map.of("article", article), limit);
  }

  private List<Views.Fact> facts(Query template, Map<String, Node> values, int limit) {
    Query query = Sparql.bind(template, values);
    query.setLimit(limit);
    List<QuerySolution> rows = Sparql.select(store, query, limits);
    Set<Node> entities = new LinkedHashSet<>();
    for (QuerySolution row : rows) {
      entities.add(row.getResource("s").asNode());
      if (row.get("o").isURIResource()) {
        entities.add(row.getResource("o").asNode());
      }
    }
    Map<String, EntityRef> named = names.of(entities);
    Map<String, ArticleRef> sources = articles.ofRows(rows);
    List<Views.Fact> facts = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef subject = named.get(row.getResource("s").getURI());
      RDFNode o = row.get("o");
      EntityRef object = o.isURIResource() ? named.get(o.asResource().getURI()) : null;
      if (subject == null || (o.isURIResource() && object == null)) {
        continue;
      }
      facts.add(
          new Views.Fact(
              row.getResource("fact").getURI(),
              row.getResource("p").getLocalName(),
              subject,
              object,
              o.isLiteral() ? o.asLiteral().getLexicalForm() : null,
              ArticleRefs.evidence(row, sources)));
    }
    return facts;
  }

  private List<Views.Quote> quotes(Map<String, Node> values, int limit) {
    Query query = Sparql.bind(QUOTES, values);
    query.setLimit(limit);
    List<QuerySolution> rows = Sparql.select(store, query, limits);
    Map<String, EntityRef> speakers =
        names.of(rows.stream().map(r -> r.getResource("speaker").asNode()).toList());
    Map<String, ArticleRef> sources = articles.ofRows(rows);
    List<Views.Quote> quotes = new ArrayList<>();
    for (QuerySolution row : rows) {
      EntityRef speaker = speakers.get(row.getResource("speaker").getURI());
      if (speaker != null) {
        quotes.add(
            new Views.Quote(
                row.getResource("quote").getURI(),
                speaker,
                row.getLiteral("text").getString(),
                row.getLiteral("start").getInt(),
                row.getLiteral("end").getInt(),
                ArticleRefs.evidence(row, sources)));
      }
    }
    return quotes;
  }
}
