package org.newsgraph.api.article;

import static org.newsgraph.api.rest.Problems.within;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.graph.JsonLd;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.ingest.IngestJobs;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.api.ingest.RequestBodies;
import org.newsgraph.api.rest.Page;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.Article;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.ingest.IngestResult;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.read.ArticleReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles: list and read them with what was extracted; ingest one (JSON, or plain text with the
 * metadata as parameters), stored before the answer; ingest a batch (JSON lines, or a JSON array)
 * as a background job; delete one. A batch is checked whole first: one malformed line refuses the
 * batch, naming the line, and nothing is stored.
 */
@RestController
@Tag(name = "Articles", description = "Articles and what was extracted from them")
class ArticleController {

  private static final String JSON_LINES = "application/x-ndjson";
  private static final String JSONL = "application/jsonl";

  private final IngestPipeline pipeline;
  private final NlpPipelineLoader nlp;
  private final IngestJobs jobs;
  private final StoredArticleReader reader;
  private final NewsgraphProperties.Ingest limits;
  private final ArticleReader articles = new ArticleReader();

  ArticleController(
      IngestPipeline pipeline,
      NlpPipelineLoader nlp,
      IngestJobs jobs,
      StoredArticleReader reader,
      NewsgraphProperties properties) {
    this.pipeline = pipeline;
    this.nlp = nlp;
    this.jobs = jobs;
    this.reader = reader;
    this.limits = properties.ingest();
  }

  @GetMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The stored articles, newest first")
  Page<Views.ArticleRef> list(
      @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
    within("limit", limit, 1, 500);
    within("offset", offset, 0, 1_000_000);
    return Page.of(reader.articles(limit, offset), limit, offset);
  }

  @GetMapping(
      path = "/api/articles/{id}",
      produces = {MediaType.APPLICATION_JSON_VALUE, JsonLd.MEDIA_TYPE_VALUE})
  @Operation(
      summary = "An article: its text, metadata, entities, facts, events and quotes",
      description = "As JSON-LD (Accept: application/ld+json): the article's graph.")
  ResponseEntity<?> get(
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return JsonLd.negotiate(
        accept,
        () -> reader.articleGraph(id).orElseThrow(() -> unknown(id)),
        () -> reader.article(id).orElseThrow(() -> unknown(id)));
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Ingest one article (a JSON object), or a batch (a JSON array) as a job",
      description = "An object is stored before the answer (201). An array answers 202 with a job.")
  ResponseEntity<?> postJson(HttpServletRequest request) {
    String body = RequestBodies.read(request, limits.maxBatchSize());
    if (body.isBlank()) {
      throw refused("the request body is empty; expected a JSON article");
    }
    List<Article> parsed = articles.parseJson("the request body", body);
    if (body.stripLeading().startsWith("[")) {
      return batch(parsed);
    }
    checkSize(body);
    return created(parsed.get(0));
  }

  @PostMapping(
      path = "/api/articles",
      consumes = {JSON_LINES, JSONL})
  @Operation(summary = "Ingest a batch of articles, one JSON object a line, as a job (202)")
  ResponseEntity<IngestJobs.Job> postJsonLines(HttpServletRequest request) {
    String body = RequestBodies.read(request, limits.maxBatchSize());
    if (body.isBlank()) {
      throw refused("the request body is empty; expected JSON lines, one article a line");
    }
    return batch(articles.parseJsonLines("the request body", body));
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.TEXT_PLAIN_VALUE)
  @Operation(summary = "Ingest one article given as plain text, its metadata as parameters")
  ResponseEntity<IngestResult> postText(
      HttpServletRequest request,
      @RequestParam String id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String url,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String published) {
    return postText(
        id, RequestBodies.read(request, limits.maxArticleSize()), title, url, published);
  }

  private ResponseEntity<IngestResult> postText(
      String id, String text, String title, String url, String published) {
    Article article;
    try {
      article =
          new Article(id, text, title, url, published == null ? null : LocalDate.parse(published));
    } catch (DateTimeParseException e) {
      throw refused("published date \"" + published + "\" is not a date (expected YYYY-MM-DD)");
    } catch (GraphException e) {
      throw refused(e.getMessage());
    }
    return created(article);
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "Ingest one article given as an HTML page",
      description =
          "Its text is taken from the page's paragraphs and headings (scripts, styles and"
              + " navigation dropped; nothing in it is run); title, URL and published date from the"
              + " page unless given as parameters.")
  ResponseEntity<IngestResult> postHtml(
      HttpServletRequest request,
      @RequestParam String id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String url,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String published) {
    String html = RequestBodies.read(request, limits.maxArticleSize());
    Article page;
    try {
      page = articles.parseHtml(id, html);
    } catch (ExtractionException | GraphException e) {
      throw refused(e.getMessage());
    }
    return postText(
        id,
        page.text(),
        title != null ? title : page.title(),
        url != null ? url : page.url(),
        published != null
            ? published
            : page.published() == null ? null : page.published().toString());
  }

  @DeleteMapping("/api/articles/{id}")
  @Operation(summary = "Remove an article, and the entities that only it mentioned")
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!pipeline.store().deleteArticle(id)) {
      throw unknown(id);
    }
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<IngestJobs.Job> batch(List<Article> batch) {
    if (batch.isEmpty()) {
      throw refused("the batch holds no article");
    }
    for (int i = 0; i < batch.size(); i++) {
      Article article = batch.get(i);
      if (article.text().getBytes(StandardCharsets.UTF_8).length
          > limits.maxArticleSize().toBytes()) {
        throw Problems.problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "Too large",
            "article "
                + (i + 1)
                + " of the batch (\""
                + article.id()
                + "\") is larger than "
                + limits.maxArticleSize().toKilobytes()
                + " KB, the most this server takes for one article; nothing was stored");
      }
    }
    ready();
    IngestJobs.Job job = jobs.submit(batch);
    return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
  }

  private ResponseEntity<IngestResult> created(Article article) {
    ready();
    IngestResult result = pipeline.ingest(article);
    return ResponseEntity.created(URI.create("/api/articles/" + encode(article.id()))).body(result);
  }

  /** Refuses with 503 and Retry-After while the NLP pipeline loads. */
  private void ready() {
    NlpPipelineLoader.State state = nlp.state();
    if (state == NlpPipelineLoader.State.READY) {
      return;
    }
    String why =
        state == NlpPipelineLoader.State.FAILED
            ? "the NLP pipeline failed to load: " + nlp.failure()
            : "the NLP pipeline is still loading; try again in a minute";
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, why);
    detail.setTitle("Not ready to ingest");
    ErrorResponseException unavailable =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, detail, null);
    unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
    throw unavailable;
  }

  private void checkSize(String body) {
    if (body.getBytes(StandardCharsets.UTF_8).length > limits.maxArticleSize().toBytes()) {
      throw Problems.problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "Too large",
          "the article is larger than "
              + limits.maxArticleSize().toKilobytes()
              + " KB, the most this server takes");
    }
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ErrorResponseException refused(String detail) {
    return Problems.problem(HttpStatus.BAD_REQUEST, "Article refused", detail);
  }

  private static ErrorResponseException unknown(String id) {
    return Problems.notFound("no article with id \"" + id + "\" is stored");
  }
}
