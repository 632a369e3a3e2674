package org.newsgraph.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to the errors that reach the servlet container's error page rather than a controller:
 * a path the server does not serve, a form too large, an exception outside any controller. Always a
 * problem detail, with the status that fits and a message, never a stack trace; a client's mistake
 * is logged in one line, a server's failure with its trace.
 */
@RestController
class ErrorProblems implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

  @RequestMapping(path = "/error", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, failure));
    problem.setTitle(status.getReasonPhrase());
    if (status.is5xxServerError()) {
      log.error("{} {}: {}", status.value(), path, problem.getDetail(), failure);
    } else {
      log.warn("{} {}: {}", status.value(), path, problem.getDetail());
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(Object code) {
    if (code instanceof Integer value) {
      HttpStatus status = HttpStatus.resolve(value);
      if (status != null) {
        return status;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static String detail(HttpStatus status, Throwable failure) {
    return switch (status) {
      case NOT_FOUND -> "nothing is served at this path";
      case CONTENT_TOO_LARGE -> "the request is larger than this server takes";
      case BAD_REQUEST -> "the request is malformed";
      case METHOD_NOT_ALLOWED -> "this path does not take this method";
      default ->
          status.is5xxServerError()
              ? "the server failed to answer; the failure is in its log"
              : failure != null && failure.getMessage() != null
                  ? failure.getMessage()
                  : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
