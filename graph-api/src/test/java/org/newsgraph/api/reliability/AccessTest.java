package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsgraph.api.ServerTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Who may do what: writes need credentials, secrets never show, the server stays on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class AccessTest extends ServerTest {

  @Test
  void everyWriteEndpointRefusesRequestsWithoutValidCredentials() throws Exception {
    List<HttpRequest.Builder> writes =
        List.of(
            post(
                "/api/articles",
                "application/json",
                "{\"id\": \"a\", \"text\": \"Ines runs Lumo.\"}"),
            post("/api/articles?id=a", "text/plain", "Ines runs Lumo."),
            post("/api/articles?id=a", "text/html", "<p>Ines runs Lumo.</p>"),
            post("/api/articles", "application/x-ndjson", "{\"id\": \"a\", \"text\": \"x\"}"),
            post("/update", "application/sparql-update", "CLEAR ALL"),
            HttpRequest.newBuilder(URI.create(base() + "/api/articles/kestrel-funding")).DELETE());
    long before = count("GRAPH ?g { ?s ?p ?o }");

    for (HttpRequest.Builder write : writes) {
      for (String credentials :
          new String[] {
            null, "X-API-Key: not-a-key", "Authorization: Basic " + basic("editor:wrong")
          }) {
        HttpRequest.Builder attempt = write.copy();
        if (credentials != null) {
          String[] header = credentials.split(": ", 2);
          attempt.header(header[0], header[1]);
        }
        HttpResponse<String> answer = send(attempt);
        assertThat(answer.statusCode()).as(attempt.build() + " with " + credentials).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("Exception", "at org.");
      }
    }
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(before);
  }

  @Test
  void noSecretAppearsInTheLogsOrAnswers(CapturedOutput output) throws Exception {
    HttpResponse<String> withKey =
        send(
            post("/api/articles?id=secret-check", "text/plain", "Ines Duarte runs Lumo Foods.")
                .header("X-API-Key", API_KEY));
    HttpResponse<String> wrongKey =
        send(post("/api/articles?id=x", "text/plain", "x").header("X-API-Key", "guessed-key-4711"));
    HttpResponse<String> basicUser =
        send(
            post("/api/articles?id=secret-check-2", "text/plain", "Ines Duarte runs Lumo Foods.")
                .header("Authorization", "Basic " + basic("editor:s3cret")));

    assertThat(withKey.statusCode()).isEqualTo(201);
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    assertThat(basicUser.statusCode()).isEqualTo(201);
    for (String secret :
        new String[] {API_KEY, "guessed-key-4711", "s3cret", basic("editor:s3cret")}) {
      assertThat(output.getAll()).doesNotContain(secret);
      assertThat(withKey.body() + wrongKey.body() + basicUser.body()).doesNotContain(secret);
    }
  }

  @Test
  void theServerListensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> outside =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .findFirst();
    Assumptions.assumeTrue(outside.isPresent(), "this machine has no address beyond loopback");

    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      assertThat(loopback.isConnected()).isTrue();
    }
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), port), 2_000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  private HttpRequest.Builder post(String path, String type, String body) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String basic(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
