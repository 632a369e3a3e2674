package org.newsgraph.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's own error answer, for the requests it refuses before any part of the
 * application sees them (a URL with {@code %00} or an encoded slash, a header too large): a problem
 * detail, as every other error of the server, instead of Tomcat's HTML page. Logged in one line.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

  @Override
  protected void report(Request request, Response response, Throwable failure) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    String title = status == null ? "Error" : status.getReasonPhrase();
    String detail =
        switch (code) {
          case 400 -> "the request is malformed: its URL or headers are not ones this server takes";
          case 404 -> "nothing is served at this path";
          case 413, 414, 431 -> "the request's URL or headers are larger than this server takes";
          default -> code >= 500 ? "the server failed to answer" : title.toLowerCase();
        };
    log.warn("{} {}: {}", code, request.getDecodedRequestURI(), detail);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\"about:blank\",\"title\":"
                + JsonMapper.shared().writeValueAsString(title)
                + ",\"status\":"
                + code
                + ",\"detail\":"
                + JsonMapper.shared().writeValueAsString(detail)
                + "}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the answer began already: nothing more can be said.
    }
  }
}
