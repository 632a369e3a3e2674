package org.newsgraph.api.article;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.newsgraph.api.ingest.IngestResult;
import org.newsgraph.api.ingest.IngestService;
import org.newsgraph.core.Article;
import org.newsgraph.core.GraphException;
import org.newsgraph.extract.read.ArticleReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingests articles over HTTP: {@code POST /api/articles} with a JSON article ({@code id}, {@code
 * text}, optional {@code title}, {@code url}, {@code published}) or with plain text and the
 * metadata as query parameters. The article is extracted and stored before the response. {@code
 * DELETE /api/articles/{id}} removes an article's graph.
 */
@RestController
class ArticleController {

  private final IngestService ingest;
  private final ArticleReader reader = new ArticleReader();

  ArticleController(IngestService ingest) {
    this.ingest = ingest;
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IngestResult> postJson(@RequestBody(required = false) String body) {
    if (body == null || body.isBlank()) {
      throw problem(HttpStatus.BAD_REQUEST, "the request body is empty; expected a JSON article");
    }
    var articles = reader.parseJson("the request body", body);
    if (articles.size() != 1) {
      throw problem(HttpStatus.BAD_REQUEST, "expected one JSON article, got " + articles.size());
    }
    return created(articles.get(0));
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<IngestResult> postText(
      @RequestBody(required = false) String text,
      @RequestParam String id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String url,
      @RequestParam(required = false) String published) {
    Article article;
    try {
      article =
          new Article(
              id,
              text == null ? "" : text,
              title,
              url,
              published == null ? null : LocalDate.parse(published));
    } catch (DateTimeParseException e) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "published date \"" + published + "\" is not a date (expected YYYY-MM-DD)");
    } catch (GraphException e) {
      throw problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    return created(article);
  }

  @DeleteMapping("/api/articles/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!ingest.store().deleteArticle(id)) {
      throw problem(
          HttpStatus.NOT_FOUND, "Not found", "no article with id \"" + id + "\" is stored");
    }
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<IngestResult> created(Article article) {
    IngestService.PipelineState state = ingest.pipelineState();
    if (state != IngestService.PipelineState.READY) {
      String why =
          state == IngestService.PipelineState.FAILED
              ? "the NLP pipeline failed to load: " + ingest.pipelineFailure()
              : "the NLP pipeline is still loading; try again in a minute";
      ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, why);
      detail.setTitle("Not ready to ingest");
      ErrorResponseException unavailable =
          new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, detail, null);
      unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
      throw unavailable;
    }
    IngestResult result = ingest.ingest(article);
    return ResponseEntity.created(URI.create("/api/articles/" + encode(article.id()))).body(result);
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return problem(status, "Article refused", detail);
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
