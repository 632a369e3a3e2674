package org.newsgraph.api.rest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem details for the errors that controllers raise themselves. */
public final class Problems {

  private Problems() {}

  /** Returns an exception that answers with this status, title and detail. */
  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }

  /** Returns a 400 answer for a request parameter that is out of its range or malformed. */
  public static ErrorResponseException badParameter(String name, String detail) {
    return problem(HttpStatus.BAD_REQUEST, "Bad parameter: " + name, detail);
  }

  /** Returns a 404 answer. */
  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  /**
   * Checks that a numeric parameter lies within bounds.
   *
   * @return the value
   */
  public static int within(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw badParameter(name, name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }
}
