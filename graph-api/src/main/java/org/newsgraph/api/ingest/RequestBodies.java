package org.newsgraph.api.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.newsgraph.api.rest.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Reads request bodies within a size limit, as UTF-8 that must be valid: a body over the limit is
 * refused with 413 before it is read whole, and bytes that are not UTF-8 with 400.
 */
public final class RequestBodies {

  private RequestBodies() {}

  /** Returns the body as text. */
  public static String read(HttpServletRequest request, DataSize limit) {
    long max = limit.toBytes();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(limit);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
        if (bytes.size() > max) {
          throw tooLarge(limit);
        }
      }
    } catch (IOException e) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST, "Unreadable body", "the request body could not be read");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST,
          "Not UTF-8",
          "the request body is not valid UTF-8 text; send articles as UTF-8");
    }
  }

  private static RuntimeException tooLarge(DataSize limit) {
    return Problems.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Too large",
        "the request body is larger than "
            + limit.toKilobytes()
            + " KB, the most this server takes");
  }
}
