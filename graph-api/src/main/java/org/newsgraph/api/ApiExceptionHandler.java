package org.newsgraph.api;

import org.apache.jena.query.QueryParseException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.newsgraph.api.sparql.SparqlQueries;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.store.QueryLimitException;
import org.newsgraph.core.store.QueryRefusedException;
import org.newsgraph.core.store.StoreClosedException;
import org.newsgraph.extract.ExtractionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a controller raises into an RFC 9457 problem detail with the right status:
 * Spring MVC's own (as its {@link ResponseEntityExceptionHandler} does), the modules', and any
 * other as a 500. Messages name the problem; no stack trace ever reaches a response, and only a
 * server's failure leaves one in the log.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(QueryParseException.class)
  ProblemDetail malformedQuery(QueryParseException e) {
    if (e.getCause() instanceof StackOverflowError) {
      return SparqlQueries.tooDeep().getBody();
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            e.getMessage() != null ? e.getMessage() : "the SPARQL text does not parse");
    problem.setTitle("Malformed SPARQL query");
    if (e.getLine() > 0) {
      problem.setProperty("line", e.getLine());
      problem.setProperty("column", e.getColumn());
    }
    return problem;
  }

  @ExceptionHandler(QueryLimitException.class)
  ProblemDetail queryLimit(QueryLimitException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Query stopped", e.getMessage());
  }

  @ExceptionHandler(StoreClosedException.class)
  ProblemDetail closing(StoreClosedException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Shutting down", e.getMessage());
  }

  @ExceptionHandler(QueryRefusedException.class)
  ProblemDetail queryRefused(QueryRefusedException e) {
    return problem(HttpStatus.BAD_REQUEST, "Query refused", e.getMessage());
  }

  /** A form larger than the servlet container takes. */
  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail formTooLarge(InvalidParameterException e) {
    log.warn("413: {}", e.getMessage());
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Too large",
        "the form is larger than this server takes; send a large query as"
            + " application/sparql-query");
  }

  /** Anything else is the server's failure: logged with its trace, answered without it. */
  @ExceptionHandler(Exception.class)
  ProblemDetail failure(Exception e) {
    log.error("the server failed to answer", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal Server Error",
        "the server failed to answer; the failure is in its log");
  }

  @ExceptionHandler({ExtractionException.class, GraphException.class})
  ProblemDetail badInput(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "Article refused", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
