package org.newsgraph.api.sparql;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only SPARQL 1.1 query endpoint at {@code /sparql}: queries by GET, by POST of a form and
 * by POST of {@code application/sparql-query}; answers in the format the Accept header asks for.
 * The ontology's prefixes are declared beforehand. Updates are refused.
 */
@RestController
class SparqlController {

  private final GraphStore store;
  private final QueryLimits limits;

  SparqlController(GraphStore store, QueryLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @GetMapping("/sparql")
  ResponseEntity<byte[]> get(
      @RequestParam(name = "query", required = false) String query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(query, accept);
  }

  @PostMapping(path = "/sparql", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<byte[]> postForm(
      @RequestParam(name = "query", required = false) String query,
      @RequestParam(name = "update", required = false) String update,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (update != null) {
      throw readOnly();
    }
    return answer(query, accept);
  }

  @PostMapping(path = "/sparql", consumes = "application/sparql-query")
  ResponseEntity<byte[]> postQuery(
      @RequestBody String query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(query, accept);
  }

  @PostMapping(path = "/sparql", consumes = "application/sparql-update")
  ResponseEntity<byte[]> postUpdate() {
    throw readOnly();
  }

  private ResponseEntity<byte[]> answer(String sparql, String accept) {
    if (sparql == null || sparql.isBlank()) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "No query",
          "the request has no SPARQL query; send it as the query parameter");
    }
    Query query = SparqlQueries.parse(sparql);
    List<SparqlFormat> offered =
        query.isSelectType() || query.isAskType() ? SparqlFormat.RESULTS : SparqlFormat.GRAPHS;
    SparqlFormat format =
        SparqlFormat.negotiate(accept, offered)
            .orElseThrow(
                () ->
                    problem(
                        HttpStatus.NOT_ACCEPTABLE,
                        "Not acceptable",
                        "cannot answer this query as "
                            + accept
                            + "; acceptable: "
                            + offered.stream()
                                .map(f -> f.mediaType().toString())
                                .distinct()
                                .toList()));
    SparqlAnswer result = store.query(query, limits);
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
    MediaType type = format.mediaType();
    if (type.getCharset() == null && !type.equals(MediaType.APPLICATION_XML)) {
      type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(body.toByteArray());
  }

  private static ErrorResponseException readOnly() {
    return problem(
        HttpStatus.FORBIDDEN,
        "Read-only endpoint",
        "SPARQL updates are not accepted at /sparql: the endpoint is read-only");
  }

  static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
