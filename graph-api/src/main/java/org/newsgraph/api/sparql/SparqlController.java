package org.newsgraph.api.sparql;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.ingest.RequestBodies;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The read-only SPARQL 1.1 query endpoint at {@code /sparql}, as the W3C Protocol has it: queries
 * by GET, by POST of a form and by POST of {@code application/sparql-query}; the dataset from
 * {@code default-graph-uri} and {@code named-graph-uri} (else the union of the article graphs, or
 * the query's FROM); the answer in the format the Accept header asks for. The ontology's prefixes
 * are declared beforehand. A GET without a query returns the service description. Updates are
 * refused.
 */
@RestController
@Tag(name = "SPARQL", description = "The SPARQL 1.1 query endpoint")
class SparqlController {

  private final GraphStore store;
  private final QueryLimits limits;
  private final DataSize maxQuerySize;

  SparqlController(GraphStore store, QueryLimits limits, NewsgraphProperties properties) {
    this.store = store;
    this.limits = limits;
    this.maxQuerySize = properties.sparql().maxQuerySize();
  }

  @GetMapping("/sparql")
  @Operation(summary = "Run a SPARQL query; without one, the service description")
  ResponseEntity<byte[]> get(
      @RequestParam(name = "query", required = false) String query,
      @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
      @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (query == null) {
      return serviceDescription(accept);
    }
    return answer(System.nanoTime(), query, defaultGraphs, namedGraphs, accept);
  }

  @PostMapping(path = "/sparql", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Run a SPARQL query sent as a form")
  ResponseEntity<byte[]> postForm(
      @RequestParam(name = "query", required = false) String query,
      @RequestParam(name = "update", required = false) String update,
      @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
      @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (update != null) {
      throw readOnly();
    }
    return answer(System.nanoTime(), query, defaultGraphs, namedGraphs, accept);
  }

  @PostMapping(path = "/sparql", consumes = "application/sparql-query")
  @Operation(summary = "Run a SPARQL query sent as the body")
  ResponseEntity<byte[]> postQuery(
      HttpServletRequest request,
      @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
      @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    long start = System.nanoTime();
    String query = RequestBodies.read(request, maxQuerySize);
    return answer(start, query, defaultGraphs, namedGraphs, accept);
  }

  @PostMapping(path = "/sparql", consumes = "application/sparql-update")
  ResponseEntity<byte[]> postUpdate() {
    throw readOnly();
  }

  /**
   * Answers a query within the limits, counted from {@code start}, when the request began: reading
   * and parsing the text spend the same time as running it.
   */
  private ResponseEntity<byte[]> answer(
      long start,
      String sparql,
      List<String> defaultGraphs,
      List<String> namedGraphs,
      String accept) {
    if (sparql == null || sparql.isBlank()) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST,
          "No query",
          "the request has no SPARQL query; send it as the query parameter");
    }
    SparqlQueries.requireSize(sparql, maxQuerySize);
    Query query = SparqlQueries.parse(sparql);
    if (query.isUnknownType()) {
      throw readOnly();
    }
    SparqlQueries.setDataset(query, defaultGraphs, namedGraphs);
    List<SparqlFormat> offered =
        query.isSelectType() || query.isAskType() ? SparqlFormat.RESULTS : SparqlFormat.GRAPHS;
    SparqlFormat format = negotiate(accept, offered);
    SparqlAnswer result =
        SparqlQueries.nestingChecked(
            () -> store.query(query, SparqlQueries.remaining(limits, start)));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (result instanceof SparqlAnswer.Rows rows) {
      ResultSetRewindable table = rows.rows();
      table.reset();
      ResultSetMgr.write(body, table, format.lang());
    } else if (result instanceof SparqlAnswer.Bool bool) {
      ResultsWriter.create().lang(format.lang()).build().write(body, bool.value());
    } else if (result instanceof SparqlAnswer.Graph graph) {
      RDFDataMgr.write(body, graph.model(), format.lang());
    }
    return ok(format, body.toByteArray());
  }

  private ResponseEntity<byte[]> serviceDescription(String accept) {
    SparqlFormat format = negotiate(accept, SparqlFormat.GRAPHS);
    String endpoint = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUriString();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    RDFDataMgr.write(body, ServiceDescription.of(endpoint), format.lang());
    return ok(format, body.toByteArray());
  }

  static SparqlFormat negotiate(String accept, List<SparqlFormat> offered) {
    return SparqlFormat.negotiate(accept, offered)
        .orElseThrow(
            () ->
                Problems.problem(
                    HttpStatus.NOT_ACCEPTABLE,
                    "Not acceptable",
                    "cannot answer as "
                        + accept
                        + "; acceptable: "
                        + offered.stream().map(f -> f.mediaType().toString()).distinct().toList()));
  }

  static ResponseEntity<byte[]> ok(SparqlFormat format, byte[] body) {
    MediaType type = format.mediaType();
    if (type.getCharset() == null && !type.equals(MediaType.APPLICATION_XML)) {
      type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(body);
  }

  private static ErrorResponseException readOnly() {
    return Problems.problem(
        HttpStatus.FORBIDDEN,
        "Read-only endpoint",
        "SPARQL updates are not accepted at /sparql: the endpoint is read-only");
  }
}
