package org.newsgraph.api.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.IriMinter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The endpoint as the SPARQL 1.1 Protocol has it, tried with real clients: Jena's remote query
 * execution and RDF4J's SPARQLRepository; every format is parsed back, not compared as text.
 */
class SparqlProtocolTest extends ServerTest {

  private static final String HEADS =
      "SELECT ?person ?company WHERE { ?person ng:heads ?company } ORDER BY ?person ?company";

  @Autowired GraphStore store;

  @Test
  void selectAnswersParseAlikeInEveryResultFormat() throws Exception {
    Set<String> expected = null;
    for (Lang lang :
        List.of(
            ResultSetLang.RS_JSON,
            ResultSetLang.RS_XML,
            ResultSetLang.RS_CSV,
            ResultSetLang.RS_TSV)) {
      HttpResponse<String> response = get("/sparql?query=" + encode(HEADS), lang.getHeaderString());
      assertThat(response.statusCode()).as(lang.getName()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith(lang.getHeaderString());
      ResultSet rows =
          ResultSetMgr.read(
              new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), lang);
      Set<String> pairs = new TreeSet<>();
      rows.forEachRemaining(
          row -> pairs.add(row.get("person").toString() + " heads " + row.get("company")));
      assertThat(pairs).as(lang.getName()).isNotEmpty();
      if (expected == null) {
        expected = pairs;
      }
      assertThat(pairs).as(lang.getName()).isEqualTo(expected);
    }
  }

  @Test
  void constructAnswersParseToTheSameGraphInEveryFormat() throws Exception {
    String construct =
        "CONSTRUCT { ?p ng:heads ?c . ?p rdfs:label ?name } WHERE { ?p ng:heads ?c ; rdfs:label"
            + " ?name }";
    Model first = null;
    for (Lang lang : List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML)) {
      HttpResponse<String> response =
          get("/sparql?query=" + encode(construct), lang.getHeaderString());
      assertThat(response.statusCode()).as(lang.getName()).isEqualTo(200);
      Model model = ModelFactory.createDefaultModel();
      RDFParser.fromString(response.body(), lang).parse(model);
      assertThat(model.size()).as(lang.getName()).isGreaterThan(0);
      if (first == null) {
        first = model;
      }
      assertThat(model.isIsomorphicWith(first)).as(lang.getName()).isTrue();
    }
  }

  @Test
  void jenasRemoteQueryExecutionGetsRowsAndGraphsAndBooleans() {
    try (QueryExecutionHTTP select =
        QueryExecutionHTTP.service(base() + "/sparql").query(PREFIXES + HEADS).build()) {
      List<QuerySolution> rows = new ArrayList<>();
      select.execSelect().forEachRemaining(rows::add);
      assertThat(rows).isNotEmpty();
    }
    try (QueryExecutionHTTP ask =
        QueryExecutionHTTP.service(base() + "/sparql")
            .query(PREFIXES + "ASK { ?p ng:heads ?c }")
            .build()) {
      assertThat(ask.execAsk()).isTrue();
    }
    try (QueryExecutionHTTP describe =
        QueryExecutionHTTP.service(base() + "/sparql")
            .query(PREFIXES + "DESCRIBE ?c WHERE { ?p ng:heads ?c } LIMIT 1")
            .build()) {
      assertThat(describe.execDescribe().size()).isGreaterThan(0);
    }
  }

  @Test
  void rdf4jsSparqlRepositoryQueriesTheEndpoint() {
    SPARQLRepository repository = new SPARQLRepository(base() + "/sparql");
    try (RepositoryConnection connection = repository.getConnection()) {
      List<String> people = new ArrayList<>();
      try (TupleQueryResult result =
          connection.prepareTupleQuery(QueryLanguage.SPARQL, PREFIXES + HEADS).evaluate()) {
        for (BindingSet row : result) {
          people.add(row.getValue("person").stringValue());
        }
      }
      assertThat(people)
          .isNotEmpty()
          .allMatch(p -> p.startsWith("https://newsgraph.org/id/entity/person/"));
      boolean any =
          connection
              .prepareBooleanQuery(QueryLanguage.SPARQL, PREFIXES + "ASK { ?a a ng:Article }")
              .evaluate();
      assertThat(any).isTrue();
      List<Statement> statements = new ArrayList<>();
      connection
          .prepareGraphQuery(
              QueryLanguage.SPARQL,
              PREFIXES + "CONSTRUCT { ?a ng:title ?t } WHERE { ?a ng:title ?t }")
          .evaluate()
          .forEach(statements::add);
      assertThat((long) statements.size()).isEqualTo(count("?a ng:title ?t"));
    } finally {
      repository.shutDown();
    }
  }

  @Test
  void theProtocolsGraphParametersChooseTheDataset() throws Exception {
    String article = "https://newsgraph.org/id/article/kestrel-funding";
    long inArticle = store.articleGraph("kestrel-funding").orElseThrow().size();

    HttpResponse<String> onlyOne =
        get(
            "/sparql?query="
                + encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
                + "&default-graph-uri="
                + encode(article),
            "application/sparql-results+json");
    HttpResponse<String> named =
        get(
            "/sparql?query="
                + encode("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
                + "&named-graph-uri="
                + encode(article),
            "application/sparql-results+json");

    assertThat(json(onlyOne).at("/results/bindings/0/n/value").asString())
        .isEqualTo(Long.toString(inArticle));
    assertThat(json(named).at("/results/bindings").size()).isEqualTo(1);
    assertThat(json(named).at("/results/bindings/0/g/value").asString()).isEqualTo(article);
  }

  @Test
  void aMalformedQueryIsABadRequestWithTheParsersLineAndColumn() throws Exception {
    HttpResponse<String> response =
        get("/sparql?query=" + encode("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}"), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(response).get("line").asInt()).isEqualTo(3);
    assertThat(json(response).get("column").asInt()).isPositive();
    assertThat(json(response).get("detail").asString()).isNotBlank();
  }

  @Test
  void updatesAreRefusedAtTheQueryEndpoint() throws Exception {
    long before = count("?s ?p ?o");

    HttpResponse<String> asForm =
        post(
            "/sparql",
            "application/x-www-form-urlencoded",
            "update=" + encode("DROP ALL"),
            Map.of("X-API-Key", API_KEY));
    HttpResponse<String> asBody =
        post("/sparql", "application/sparql-update", "DROP ALL", Map.of("X-API-Key", API_KEY));

    assertThat(asForm.statusCode()).isEqualTo(403);
    assertThat(asBody.statusCode()).isEqualTo(403);
    assertThat(json(asBody).get("detail").asString()).contains("read-only");
    assertThat(count("?s ?p ?o")).isEqualTo(before);
  }

  @Test
  void theUpdateEndpointTakesWritersOnly() throws Exception {
    String insert =
        PREFIXES + "INSERT DATA { GRAPH <urn:test:notes> { <urn:test:a> rdfs:label \"note\" } }";
    String delete = PREFIXES + "DROP GRAPH <urn:test:notes>";

    HttpResponse<String> anonymous = post("/update", "application/sparql-update", insert, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(count("<urn:test:a> ?p ?o")).isZero();

    HttpResponse<String> writer = write("/update", "application/sparql-update", insert);
    assertThat(writer.statusCode()).isEqualTo(204);
    assertThat(count("<urn:test:a> ?p ?o")).isEqualTo(1);

    assertThat(write("/update", "application/sparql-update", delete).statusCode()).isEqualTo(204);
    assertThat(count("<urn:test:a> ?p ?o")).isZero();
  }

  @Test
  void aQueryThatRunsTooLongIsStoppedWithAClearError() throws Exception {
    String crossProduct =
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";

    HttpResponse<String> response = get("/sparql?query=" + encode(crossProduct), null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("detail").asString())
        .isEqualTo("the query ran longer than 5 s and was stopped");
  }

  @Test
  void browserToolsOnAnAllowedOriginMayQuery() throws Exception {
    HttpResponse<String> allowed = preflight(ALLOWED_ORIGIN);
    HttpResponse<String> other = preflight("https://elsewhere.example.com");

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(ALLOWED_ORIGIN);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theServiceDescriptionNamesTheEndpointAndItsFormats() throws Exception {
    HttpResponse<String> response = get("/sparql", "text/turtle");

    Model description = ModelFactory.createDefaultModel();
    RDFParser.fromString(response.body(), Lang.TURTLE).parse(description);
    String sd = "http://www.w3.org/ns/sparql-service-description#";
    assertThat(
            description.listObjectsOfProperty(description.createProperty(sd + "endpoint")).toList())
        .extracting(Object::toString)
        .containsExactly(base() + "/sparql");
    assertThat(
            description
                .listObjectsOfProperty(description.createProperty(sd + "resultFormat"))
                .toList())
        .hasSize(8);
  }

  @Test
  void anArticleGraphAndTheWholeStoreAreReadThroughTheGraphStoreProtocol() throws Exception {
    String article = "https://newsgraph.org/id/article/kestrel-funding";

    HttpResponse<String> one = get("/data?graph=" + encode(article), "text/turtle");
    HttpResponse<String> all = get("/data", "application/n-quads");
    HttpResponse<String> missing =
        get("/data?graph=" + encode("https://newsgraph.org/id/article/nope"), "text/turtle");

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    Model graph = ModelFactory.createDefaultModel();
    RDFParser.fromString(one.body(), Lang.TURTLE).parse(graph);
    assertThat(graph.isIsomorphicWith(store.articleGraph("kestrel-funding").orElseThrow()))
        .isTrue();
    DatasetGraph everything = DatasetGraphFactory.create();
    RDFParser.fromString(all.body(), RDFLanguages.NQUADS).parse(everything);
    List<String> graphs = new ArrayList<>();
    everything.listGraphNodes().forEachRemaining(node -> graphs.add(node.getURI()));
    // Every article graph, and beside them only the graphs of who is who across articles.
    assertThat(graphs.stream().filter(g -> g.startsWith(IriMinter.ARTICLE_BASE)))
        .hasSize(store.articleIds().size());
    assertThat(graphs.stream().filter(g -> !g.startsWith(IriMinter.ARTICLE_BASE)))
        .isSubsetOf(IriMinter.RESOLUTION_GRAPH, IriMinter.DECISIONS_GRAPH);
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void aFormatTheEndpointCannotWriteIsNotAcceptable() throws Exception {
    HttpResponse<String> response = get("/sparql?query=" + encode(HEADS), "image/png");

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(json(response).get("detail").asString()).contains("application/sparql-results+json");
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base() + "/sparql"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
