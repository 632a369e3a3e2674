package org.newsgraph.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.springframework.stereotype.Component;

/**
 * The facts and quotes that the pages of entities and of articles list. A fact is listed once
 * however many sentences state it ({@link FactKey}: its plain triple with the entities kept for its
 * subject and object), with every sentence as a source; one whose plain triple an analyst took out
 * of the article graphs (a rejected fact) is not listed. Each source keeps the time its sentence
 * gives the fact, and the fact has the time that {@link FactTime#of} makes of them: former when its
 * most recently published sources state it so. Thread-safe.
 */
@Component
public final class FactReader {

  private static final Query FACTS_ABOUT = Sparql.load(FactReader.class, "facts-about.rq");
  private static final Query FACTS_IN = Sparql.load(FactReader.class, "facts-in.rq");
  private static final Query FACTS_STATING = Sparql.load(FactReader.class, "facts-stating.rq");
  private static final Query QUOTES = Sparql.load(FactReader.class, "quotes.rq");

  /** How many sentences a listed fact may have on average: the rows asked for per fact. */
  private static final int SOURCES_PER_FACT = 10;

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

  /**
   * Returns the facts about an entity, as subject or object, given as its IRIs (the one kept and
   * those merged into it); at most {@code limit}.
   */
  public List<Views.Fact> factsAbout(List<Node> entity, int limit) {
    return facts(Sparql.withValues(FACTS_ABOUT, "entity", entity), limit);
  }

  /** Returns the facts an article states; at most {@code limit}. */
  public List<Views.Fact> factsIn(Node article, int limit) {
    return facts(Sparql.bind(FACTS_IN, Map.of("article", article)), limit);
  }

  /**
   * Returns the facts whose plain triples these are, each with every sentence that states it, in no
   * particular order; triples that state the same fact (through entities merged into one) give one.
   *
   * @param triples each a subject, a predicate and an object, as article graphs hold them
   */
  public List<Views.Fact> factsStating(List<List<Node>> triples) {
    if (triples.isEmpty()) {
      return List.of();
    }
    // Every source of every fact asked for: the triples, not a row limit, bound the answer.
    return facts(
        Sparql.withRows(FACTS_STATING, List.of("s", "p", "o"), triples),
        triples.size(),
        limits.maxRows());
  }

  /** Returns what an entity said; at most {@code limit} quotes. */
  public List<Views.Quote> quotesBy(Node speaker, int limit) {
    return quotes(Map.of("speaker", speaker), limit);
  }

  /** Returns the quotes in an article; at most {@code limit}. */
  public List<Views.Quote> quotesIn(Node article, int limit) {
    return quotes(Map.of("article", article), limit);
  }

  /** The sources of one fact as the rows found them, the most confident first. */
  private static final class Group {
    private final QuerySolution first;
    private final Set<String> assertions = new LinkedHashSet<>();
    private final Set<String> articles = new LinkedHashSet<>();
    private final List<Views.Evidence> sources = new ArrayList<>();

    Group(QuerySolution first) {
      this.first = first;
    }
  }

  private List<Views.Fact> facts(Query query, int limit) {
    return facts(query, limit, Math.min((long) limit * SOURCES_PER_FACT, limits.maxRows()));
  }

  private List<Views.Fact> facts(Query query, int limit, long rowLimit) {
    query.setLimit(rowLimit);
    List<QuerySolution> rows = Sparql.select(store, query, limits);
    List<Decisions.Decision> verdicts =
        store.decisions().stream().filter(d -> d.kind().aboutFact()).toList();
    Map<String, EntityRef> named = names.of(entitiesOf(rows, verdicts));
    Map<String, ArticleRef> sources = articles.ofRows(rows);
    // The rows come by relation, the most confident first: so do the facts, by their best source.
    Map<FactKey, Group> groups = new LinkedHashMap<>();
    for (QuerySolution row : rows) {
      FactKey key = key(named, row);
      if (key == null) {
        continue;
      }
      Group group = groups.computeIfAbsent(key, k -> new Group(row));
      if (group.assertions.add(row.getResource("fact").getURI())) {
        Views.Evidence evidence = ArticleRefs.evidence(row, sources).withTime(FactTime.ofRow(row));
        group.sources.add(evidence);
        group.articles.add(evidence.article().iri());
      }
    }
    Map<FactKey, Views.Review> reviews = reviews(named, verdicts);
    List<Views.Fact> facts = new ArrayList<>();
    for (Map.Entry<FactKey, Group> entry : groups.entrySet()) {
      if (facts.size() >= limit) {
        break;
      }
      Group group = entry.getValue();
      RDFNode o = group.first.get("o");
      List<Views.Evidence> ranked =
          group.sources.stream()
              .sorted(Comparator.comparingDouble(Views.Evidence::confidence).reversed())
              .toList();
      facts.add(
          new Views.Fact(
              group.first.getResource("p").getLocalName(),
              named.get(group.first.getResource("s").getURI()),
              o.isURIResource() ? named.get(o.asResource().getURI()) : null,
              o.isLiteral() ? o.asLiteral().getLexicalForm() : null,
              ranked.get(0).confidence(),
              group.articles.size(),
              ranked,
              reviews.get(entry.getKey()),
              FactTime.of(ranked.stream().map(Views.Evidence::stated).toList())));
    }
    return facts;
  }

  /**
   * Returns the entities that rows of {@code ?s ?p ?o} and fact verdicts name: the ones to look up
   * with {@link EntityNames#of} before {@link #key} and {@link #reviews}.
   */
  public static Set<Node> entitiesOf(List<QuerySolution> rows, List<Decisions.Decision> verdicts) {
    Set<Node> entities = new LinkedHashSet<>();
    for (QuerySolution row : rows) {
      entities.add(row.getResource("s").asNode());
      if (row.get("o").isURIResource()) {
        entities.add(row.getResource("o").asNode());
      }
    }
    for (Decisions.Decision verdict : verdicts) {
      entities.add(NodeFactory.createURI(verdict.fact().subject()));
      if (verdict.fact().object() != null) {
        entities.add(NodeFactory.createURI(verdict.fact().object()));
      }
    }
    return entities;
  }

  /**
   * Returns the fact a row of {@code ?s ?p ?o} states, by the entities kept for its ends; {@code
   * null} for a row whose ends are not named entities or whose predicate is no relation.
   *
   * @param named the entities' references by IRI
   */
  public static FactKey key(Map<String, EntityRef> named, QuerySolution row) {
    EntityRef subject = named.get(row.getResource("s").getURI());
    RDFNode o = row.get("o");
    EntityRef object = o.isURIResource() ? named.get(o.asResource().getURI()) : null;
    Node predicate = row.getResource("p").asNode();
    if (subject == null
        || (o.isURIResource() && object == null)
        || Relation.of(predicate).isEmpty()) {
      return null;
    }
    return FactKey.of(
        subject.iri(),
        predicate.getURI(),
        object == null ? null : object.iri(),
        object == null ? o.asLiteral().getLexicalForm() : null);
  }

  /**
   * Returns the analysts' verdicts on facts by the facts they are about, keyed by the entities kept
   * now; a verdict on a fact whose entities are gone is left out.
   *
   * @param named the references of the verdicts' entities by IRI
   */
  public static Map<FactKey, Views.Review> reviews(
      Map<String, EntityRef> named, List<Decisions.Decision> verdicts) {
    Map<FactKey, Views.Review> reviews = new HashMap<>();
    for (Decisions.Decision verdict : verdicts) {
      FactKey fact = verdict.fact();
      EntityRef subject = named.get(fact.subject());
      EntityRef object = fact.object() == null ? null : named.get(fact.object());
      if (subject == null || (fact.object() != null && object == null)) {
        continue;
      }
      reviews.put(
          FactKey.of(
              subject.iri(), fact.predicate(), object == null ? null : object.iri(), fact.value()),
          new Views.Review(
              verdict.id().substring(verdict.id().lastIndexOf('/') + 1),
              verdict.kind() == Decisions.Kind.CONFIRM_FACT ? "confirmed" : "rejected",
              verdict.by(),
              verdict.at().toString(),
              verdict.why()));
    }
    return reviews;
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
