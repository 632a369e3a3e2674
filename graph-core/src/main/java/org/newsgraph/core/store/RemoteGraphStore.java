package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTPBuilder;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;

/**
 * The {@link GraphStore} on a remote SPARQL 1.1 server (Fuseki, Virtuoso, GraphDB and the like),
 * reached through Jena's {@link RDFConnection}: queries at the query endpoint, writes as SPARQL
 * updates, article graphs read with the Graph Store Protocol.
 *
 * <p>Each write is one update request, which a SPARQL 1.1 server applies as a whole: an article's
 * graph is dropped and inserted again in the same request, and a batch is one request. Entity IRIs
 * are minted from the entity alone ({@link EntityResolver#minting()}), so any number of writers, on
 * any machine, agree on them without coordinating.
 *
 * <p>The server's default graph must be the union of its named graphs (Fuseki: {@code
 * tdb2:unionDefaultGraph true}; GraphDB and Virtuoso do so by default), as it is in the TDB2 store;
 * opening a store whose server answers otherwise fails with a message that says so. Entity search
 * runs as a SPARQL filter over names: it needs no text index on the server, and it scans.
 *
 * <p>What it sends every server answers alike (the contract tests run over Fuseki and Virtuoso):
 * ASK goes as a SELECT of one row, the query timeout parameter goes to Fuseki only, and the export
 * reads article graphs only, leaving out graphs a server keeps of its own.
 *
 * <p>Why one class of this size: it is the whole {@link GraphStore} interface over one server, and
 * its operations share the HTTP client, the endpoints and the handling of what servers do
 * differently (ASK, the timeout, the errors that name the server and its answer). What it shares
 * with the TDB2 store is in {@code StoreSupport} and {@code QueryGuard}.
 */
public final class RemoteGraphStore implements GraphStore {

  private static final String PREFIXES =
      "PREFIX rdfs: <%s>\nPREFIX ng: <%s>\n".formatted(RDFS.getURI(), NG.NS);

  private final StoreSettings.Remote endpoints;
  private final HttpClient http;
  private final EntityResolver resolver;
  private final Clock clock;
  private final Duration othersSeenWithin;
  private final AtomicLong writes = new AtomicLong();
  private volatile boolean fuseki;

  private RemoteGraphStore(
      StoreSettings.Remote endpoints,
      EntityResolver resolver,
      Clock clock,
      Duration othersSeenWithin) {
    this.endpoints = endpoints;
    this.resolver = resolver;
    this.clock = clock;
    this.othersSeenWithin = othersSeenWithin;
    HttpClient.Builder client =
        HttpClient.newBuilder()
            // HTTP/2 over plain HTTP begins with an upgrade that some servers leave hanging when
            // the request has a body, as every update has.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (endpoints.user() != null) {
      String user = endpoints.user();
      char[] password =
          endpoints.password() == null ? new char[0] : endpoints.password().toCharArray();
      client.authenticator(
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          });
    }
    this.http = client.build();
  }

  /**
   * Connects to the server and checks that its default graph is the union of its named graphs.
   *
   * @throws GraphException if the server cannot be reached, refuses the credentials, or keeps its
   *     named graphs out of its default graph
   */
  public static RemoteGraphStore open(StoreSettings.Remote endpoints) {
    return open(endpoints, EntityResolver.minting(), Clock.systemUTC(), Duration.ofSeconds(10));
  }

  /**
   * Connects with a given resolver and clock; what other writers change is seen by {@link
   * #version()} within {@code othersSeenWithin}.
   */
  static RemoteGraphStore open(
      StoreSettings.Remote endpoints,
      EntityResolver resolver,
      Clock clock,
      Duration othersSeenWithin) {
    RemoteGraphStore store =
        new RemoteGraphStore(
            requireNonNull(endpoints, "endpoints"),
            requireNonNull(resolver, "resolver"),
            requireNonNull(clock, "clock"),
            requireNonNull(othersSeenWithin, "othersSeenWithin"));
    store.fuseki = store.isFuseki();
    store.checkUnionDefaultGraph();
    return store;
  }

  /** Returns whether queries carry their timeout to the server, which only Fuseki is told. */
  boolean tellsServerTheTimeout() {
    return fuseki;
  }

  /** Returns where the server is. */
  public StoreSettings.Remote endpoints() {
    return endpoints;
  }

  @Override
  public void replaceArticles(List<Extraction> extractions) {
    boolean first = writes.get() == 0;
    replaceGraphs(StoreSupport.articleGraphs(extractions, resolver, clock.instant()));
    if (first && !extractions.isEmpty()) {
      checkUnionDefaultGraph();
    }
  }

  @Override
  public void replaceGraphs(DatasetGraph articles) {
    requireNonNull(articles, "articles");
    UpdateRequest request = new UpdateRequest();
    for (Node name : StoreSupport.articleGraphNames(articles)) {
      QuadDataAcc quads = new QuadDataAcc();
      articles.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::addQuad);
      request.add(new UpdateDrop(name, true));
      request.add(new UpdateDataInsert(quads));
    }
    if (!request.getOperations().isEmpty()) {
      write(request);
    }
  }

  @Override
  public boolean deleteArticle(String articleId) {
    if (!containsArticle(articleId)) {
      return false;
    }
    UpdateRequest request = new UpdateRequest();
    request.add(new UpdateDrop(Target.create(StoreSupport.graphName(articleId)), true));
    write(request);
    return true;
  }

  @Override
  public boolean containsArticle(String articleId) {
    String iri = StoreSupport.graphName(articleId).getURI();
    return ask("ASK { GRAPH <%s> { <%s> a ng:Article } }".formatted(iri, iri));
  }

  @Override
  public Optional<String> contentHash(String articleId) {
    String iri = StoreSupport.graphName(articleId).getURI();
    List<QuerySolution> rows =
        select(
            "SELECT ?hash { GRAPH <%s> { <%s> ng:contentHash ?hash } } LIMIT 1"
                .formatted(iri, iri));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(rows.get(0).getLiteral("hash").getLexicalForm());
  }

  @Override
  public List<String> articleIds() {
    return StoreSupport.articleIds(
        select("SELECT ?g { GRAPH ?g { ?g a ng:Article } }").stream()
            .map(row -> row.get("g").asNode())
            .iterator());
  }

  @Override
  public Optional<Model> articleGraph(String articleId) {
    try (RDFConnection connection = connect()) {
      Model copy = connection.fetch(StoreSupport.graphName(articleId).getURI());
      // Servers answer a graph they do not hold with 404 or with nothing: an article's graph
      // always holds at least the article.
      if (copy.isEmpty()) {
        return Optional.empty();
      }
      copy.setNsPrefixes(Ontology.prefixes());
      return Optional.of(copy);
    } catch (HttpException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw unreachable("read the article graph of " + articleId, e);
    }
  }

  @Override
  public SparqlAnswer query(Query query, QueryLimits limits) {
    requireNonNull(query, "query");
    requireNonNull(limits, "limits");
    QueryGuard.check(query, limits);
    Query bounded =
        query.isAskType()
            ? askedAsSelect(query)
            : StoreSupport.withRowLimit(query, limits.maxRows());
    long millis = limits.timeout().toMillis();
    QueryExecutionHTTPBuilder builder =
        QueryExecutionHTTP.service(endpoints.query())
            .httpClient(http)
            .query(bounded)
            .timeout(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    if (fuseki) {
      // Fuseki stops the query itself when asked to, the client giving up at the same time. Only
      // Fuseki is asked: Virtuoso reads the same parameter as milliseconds and then answers
      // with the rows found so far as if they were all.
      builder.param("timeout", String.format(Locale.ROOT, "%.3f", millis / 1000.0));
    }
    try (QueryExecution execution = builder.build()) {
      return query.isAskType()
          ? new SparqlAnswer.Bool(execution.execSelect().hasNext())
          : StoreSupport.answer(execution, bounded, limits);
    } catch (QueryExceptionHTTP | HttpException e) {
      if (timedOut(e)) {
        throw StoreSupport.ranTooLong(limits);
      }
      throw unreachable("run a query", e);
    }
  }

  @Override
  public List<EntityHit> searchEntities(String text, EntityType type, int limit, int offset) {
    requireNonNull(text, "text");
    // Letters, digits, apostrophes and ampersands only: none has a meaning in a regular
    // expression or a SPARQL string, so what the user typed can change nothing but the words.
    List<String> words =
        SearchIndex.words(text).stream()
            .map(word -> word.replaceAll("[^\\p{L}\\p{N}'&]", ""))
            .filter(word -> !word.isEmpty())
            .toList();
    if (words.isEmpty() || limit <= 0) {
      return List.of();
    }
    // Each word starts a word of the name; all but the last end one too ("sam alt").
    String boundary = "[^\\\\p{L}\\\\p{N}]";
    StringBuilder filter = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String end = i == words.size() - 1 ? "" : "(" + boundary + "|$)";
      filter.append(
          " FILTER(REGEX(?found, \"(^|%s)%s%s\", \"i\"))".formatted(boundary, words.get(i), end));
    }
    String types =
        type == null
            ? "FILTER(?class IN (ng:Person, ng:Organization, ng:Place, ng:Product))"
            : "FILTER(?class = <%s>)".formatted(type.ontologyClass().getURI());
    String query =
        """
        SELECT ?entity (SAMPLE(?label) AS ?name) (SAMPLE(?class) AS ?type) (MAX(?hit) AS ?score)
        WHERE {
          { ?entity rdfs:label ?found } UNION { ?entity ng:alias ?found }
          %s
          ?entity rdfs:label ?label ; a ?class .
          %s
          BIND(IF(LCASE(STR(?found)) = "%s", 2.0, 1.0 / STRLEN(STR(?found))) AS ?hit)
        }
        GROUP BY ?entity
        ORDER BY DESC(?score) ?name
        LIMIT %d OFFSET %d
        """
            .formatted(filter, types, String.join(" ", words), limit, Math.max(0, offset));
    List<EntityHit> hits = new ArrayList<>();
    for (QuerySolution row : select(query)) {
      StoreSupport.hit(row).ifPresent(hits::add);
    }
    return hits;
  }

  @Override
  public boolean indexesArticleText() {
    return false;
  }

  /**
   * Refuses: a remote store has no text index, and matching every article's text in SPARQL would
   * read the whole store for each search.
   */
  @Override
  public List<ArticleHit> searchArticles(String text, int limit, int offset) {
    throw new GraphException(
        "searching article text needs the Lucene index of a TDB2 store; the remote store at "
            + endpoints.query()
            + " has none");
  }

  @Override
  public void export(OutputStream out, Lang lang) {
    requireNonNull(out, "out");
    StoreSupport.requireQuads(lang);
    StreamRDF writer = StreamRDFWriter.getWriterStream(out, lang);
    writer.start();
    // A SELECT of every quad is the one form of whole-dataset read that every SPARQL server
    // streams; the server answers it from one snapshot. Article graphs only: servers keep graphs
    // of their own beside them (Virtuoso its schema and service description).
    try (QueryExecution execution =
        QueryExecutionHTTP.service(endpoints.query())
            .httpClient(http)
            .query(
                "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"%s\")) }"
                    .formatted(IriMinter.ARTICLE_BASE))
            .build()) {
      execution
          .execSelect()
          .forEachRemaining(
              row ->
                  writer.quad(
                      Quad.create(
                          row.get("g").asNode(),
                          row.get("s").asNode(),
                          row.get("p").asNode(),
                          row.get("o").asNode())));
    } catch (QueryExceptionHTTP | HttpException e) {
      throw unreachable("export the store", e);
    }
    writer.finish();
  }

  @Override
  public void update(UpdateRequest request, QueryLimits limits) {
    requireNonNull(request, "request");
    requireNonNull(limits, "limits");
    QueryGuard.check(request, limits);
    write(request);
  }

  /**
   * Returns the IRI itself: a remote store keeps the article graphs alone, and who is who across
   * them is decided only in a TDB2 store.
   */
  @Override
  public String keptEntity(String iri) {
    return requireNonNull(iri, "iri");
  }

  @Override
  public boolean decidesIdentity() {
    return false;
  }

  @Override
  public List<String> mergedInto(String kept) {
    return List.of(requireNonNull(kept, "kept"));
  }

  @Override
  public Decisions.Decision decide(
      Decisions.Kind kind, String first, String second, String name, String by, String why) {
    throw new GraphException(
        "analysts' decisions are kept in a TDB2 store; the remote store at "
            + endpoints.query()
            + " holds article graphs only");
  }

  @Override
  public Decisions.Decision decideFact(Decisions.Kind kind, FactKey fact, String by, String why) {
    return decide(kind, fact.subject(), fact.object(), null, by, why);
  }

  @Override
  public Optional<Decisions.Decision> undoDecision(String id) {
    return Optional.empty();
  }

  @Override
  public List<Decisions.Decision> decisions() {
    return List.of();
  }

  /**
   * Returns a number that changes with every write through this store, and at least every {@code
   * othersSeenWithin} besides, so that what readers keep also follows other writers to the server.
   */
  @Override
  public long version() {
    long period = Math.max(1, othersSeenWithin.toMillis());
    return writes.get() * 1_000_003L + clock.millis() / period;
  }

  /** Nothing to release: each request makes its own connection, which the client pools. */
  @Override
  public void close() {}

  private void write(UpdateRequest request) {
    try (RDFConnection connection = connect()) {
      connection.update(request);
    } catch (QueryExceptionHTTP | HttpException e) {
      throw unreachable("write", e);
    } finally {
      // Counted even when the outcome is unknown: readers recompute once too often, never stale.
      writes.incrementAndGet();
    }
  }

  private boolean ask(String query) {
    try (QueryExecution execution =
        QueryExecutionHTTP.service(endpoints.query())
            .httpClient(http)
            .query(askedAsSelect(QueryFactory.create(PREFIXES + query)))
            .build()) {
      return execution.execSelect().hasNext();
    } catch (QueryExceptionHTTP | HttpException e) {
      throw unreachable("run a query", e);
    }
  }

  private List<QuerySolution> select(String query) {
    try (QueryExecution execution = execution(PREFIXES + query)) {
      List<QuerySolution> rows = new ArrayList<>();
      execution.execSelect().forEachRemaining(rows::add);
      return rows;
    } catch (QueryExceptionHTTP | HttpException e) {
      throw unreachable("run a query", e);
    }
  }

  private QueryExecution execution(String query) {
    return QueryExecutionHTTP.service(endpoints.query())
        .httpClient(http)
        .query(QueryFactory.create(query))
        .build();
  }

  /**
   * Returns an ASK query as the SELECT of at most one row that answers it the same way. Virtuoso 7
   * answers ASK with a result set of one integer instead of a boolean, which Jena, like other
   * SPARQL clients, refuses; every server answers the SELECT alike.
   */
  private static Query askedAsSelect(Query ask) {
    Query select = ask.cloneQuery();
    select.setQuerySelectType();
    select.setQueryResultStar(true);
    select.setLimit(1);
    return select;
  }

  private RDFConnection connect() {
    return RDFConnectionRemote.newBuilder()
        .queryEndpoint(endpoints.query())
        .updateEndpoint(endpoints.update())
        .gspEndpoint(endpoints.graphStore())
        .httpClient(http)
        .build();
  }

  /**
   * Returns whether the server answers as Apache Jena Fuseki does, whose query timeout parameter
   * this store then sets; false if it cannot tell, the check that follows saying why.
   */
  private boolean isFuseki() {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    endpoints.query()
                        + (endpoints.query().contains("?") ? "&" : "?")
                        + "query="
                        + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      // Fuseki numbers every request it answers; it names itself in Server only when asked to.
      return response.headers().firstValue("Fuseki-Request-Id").isPresent()
          || response.headers().firstValue("Server").orElse("").contains("Fuseki");
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Fails if the server keeps a stored quad out of its default graph: every query Newsgraph and its
   * users send reads the default graph as the union of the articles.
   */
  private void checkUnionDefaultGraph() {
    List<QuerySolution> sample = select("SELECT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } LIMIT 1");
    if (sample.isEmpty()) {
      return;
    }
    QuerySolution quad = sample.get(0);
    String pattern =
        "ASK { %s %s %s }"
            .formatted(
                term(quad.get("s").asNode()),
                term(quad.get("p").asNode()),
                term(quad.get("o").asNode()));
    if (!ask(pattern)) {
      throw new GraphException(
          "the SPARQL server at "
              + endpoints.query()
              + " keeps its named graphs out of its default graph; Newsgraph needs the default"
              + " graph to be their union (Fuseki: tdb2:unionDefaultGraph true)");
    }
  }

  private static String term(Node node) {
    return org.apache.jena.riot.out.NodeFmtLib.strNT(node);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.http.HttpTimeoutException || status(cause) == 503) {
        return true;
      }
    }
    return false;
  }

  /** The HTTP status the server answered with, or 0 if it did not answer. */
  private static int status(Throwable e) {
    int status =
        e instanceof HttpException http
            ? http.getStatusCode()
            : e instanceof QueryExceptionHTTP query ? query.getStatusCode() : 0;
    return Math.max(0, status);
  }

  private GraphException unreachable(String what, RuntimeException e) {
    int status = status(e);
    String answer =
        e instanceof QueryExceptionHTTP query && query.getResponse() != null
            ? query.getResponse()
            : e instanceof HttpException http && http.getResponse() != null
                ? http.getResponse()
                : "";
    answer = answer.strip().replaceAll("\\s+", " ");
    return new GraphException(
        "cannot "
            + what
            + ": the SPARQL server at "
            + endpoints.query()
            + (status > 0
                ? " answered " + status + " " + e.getMessage()
                : " could not be reached: " + e.getMessage())
            + (answer.isEmpty()
                ? ""
                : ": " + (answer.length() > 300 ? answer.substring(0, 300) + "..." : answer)),
        e);
  }
}
