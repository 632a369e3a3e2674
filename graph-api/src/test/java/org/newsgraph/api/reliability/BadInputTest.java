package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.ServerTest;

/**
 * Input that cannot be an article is refused with a problem that names what is wrong, and the store
 * stays exactly as it was; input that is odd but fine (HTML with scripts, ids in other scripts) is
 * taken, and nothing in it runs.
 */
class BadInputTest extends ServerTest {

  @Test
  void everyKindOfBadArticleIsRefusedWithItsReasonAndChangesNothing() throws Exception {
    Map<String, HttpRequest.Builder> bad = new LinkedHashMap<>();
    bad.put("text is empty", json("{\"id\": \"blank\", \"text\": \" \\n\\t \"}"));
    bad.put("text is empty ", text("blank", "   \n  "));
    bad.put("not valid UTF-8", bytes("text/plain", new byte[] {'a', (byte) 0xC3, '(', 'b'}));
    bad.put("control characters", bytes("text/plain", new byte[] {'P', 'K', 3, 4, 0, 0, 9, 'x'}));
    bad.put("malformed JSON", json("{\"id\": \"x\", \"text\": \"unterminated}"));
    bad.put(
        "does not look like English",
        text(
            "deutsch",
            "Die Firma hat am Montag eine neue Chefin ernannt. Sie soll das Unternehmen durch eine"
                + " schwierige Zeit führen, sagte der Aufsichtsrat, und gilt als erfahrene"
                + " Managerin mit vielen Jahren in der Branche."));
    for (String id : new String[] {"a/b", "..", "with space", "x>y"}) {
      bad.put(
          "may hold only letters, digits" + " ".repeat(bad.size()),
          json(
              "{\"id\": \""
                  + id.replace("\"", "\\\"")
                  + "\", \"text\": \"Ines Duarte runs Lumo.\"}"));
    }
    long before = count("GRAPH ?g { ?s ?p ?o }");

    for (Map.Entry<String, HttpRequest.Builder> attempt : bad.entrySet()) {
      HttpResponse<String> answer = send(attempt.getValue().header("X-API-Key", API_KEY));
      String reason = attempt.getKey().strip();
      assertThat(answer.statusCode()).as(reason + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json(answer).get("detail").asString()).as(reason).contains(reason);
    }
    assertThat(count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(before);
  }

  @Test
  void anHtmlPageIsReadForItsTextAndItsScriptsAndStylesAreDropped() throws Exception {
    String page =
        "<html><head><title>Ignored title</title><style>p { color: red }</style>"
            + "<script>window.stolen = document.cookie</script></head><body>"
            + "<h1>Pell Instruments opens a plant</h1><nav>Home | News</nav>"
            + "<p>Pell Instruments, a Dundee-based maker of lab scales, opened a plant in Perth.</p>"
            + "<p onclick=\"alert(1)\">Its chief executive, Moira Pell, said it would hire 80 people.</p>"
            + "<script>alert('second')</script></body></html>";

    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/articles?id=pell-plant"))
                .header("Content-Type", "text/html")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(page)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    var article = json(get("/api/articles/pell-plant", null));
    assertThat(article.get("article").get("title").asString())
        .isEqualTo("Pell Instruments opens a plant");
    assertThat(article.get("text").asString())
        .contains("Pell Instruments, a Dundee-based maker", "Moira Pell")
        .doesNotContain("cookie", "alert", "color", "Home | News", "<");
  }

  @Test
  void anIdInAnotherScriptIsTakenAndServedBack() throws Exception {
    HttpResponse<String> answer =
        send(
            json("{\"id\": \"café-nouvelles-1\", \"text\": \"Ines Duarte runs Lumo Foods.\"}")
                .header("X-API-Key", API_KEY));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    assertThat(answer.headers().firstValue("Location"))
        .hasValue("/api/articles/caf%C3%A9-nouvelles-1");
    assertThat(get("/api/articles/caf%C3%A9-nouvelles-1", null).statusCode()).isEqualTo(200);
  }

  private HttpRequest.Builder json(String body) {
    return HttpRequest.newBuilder(URI.create(base() + "/api/articles"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder text(String id, String body) {
    return HttpRequest.newBuilder(URI.create(base() + "/api/articles?id=" + id))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder bytes(String type, byte[] body) {
    return HttpRequest.newBuilder(URI.create(base() + "/api/articles?id=binary"))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }
}
