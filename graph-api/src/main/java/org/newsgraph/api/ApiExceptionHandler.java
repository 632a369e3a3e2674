package org.newsgraph.api;

import org.apache.jena.query.QueryParseException;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.store.QueryLimitException;
import org.newsgraph.extract.ExtractionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the modules' exceptions into RFC 9457 problem details with the right status. Messages name
 * the problem; no stack trace ever reaches a response.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  @ExceptionHandler(QueryParseException.class)
  ProblemDetail malformedQuery(QueryParseException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Malformed SPARQL query");
    if (e.getLine() > 0) {
      problem.setProperty("line", e.getLine());
      problem.setProperty("column", e.getColumn());
    }
    return problem;
  }

  @ExceptionHandler(QueryLimitException.class)
  ProblemDetail queryLimit(QueryLimitException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Query stopped");
    return problem;
  }

  @ExceptionHandler({ExtractionException.class, GraphException.class})
  ProblemDetail badInput(RuntimeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Article refused");
    return problem;
  }
}
