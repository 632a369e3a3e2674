package org.newsgraph.api.article;

import static org.newsgraph.api.rest.Problems.within;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.api.graph.ArticleRefs;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.api.rest.Page;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.store.ArticleHit;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.IriMinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over the articles' text ({@code GET /api/articles?q=}), beside the search of
 * entity names: it finds the words that no entity carries, each article with the passage of its
 * first match. The text index is a TDB2 store's; a remote store answers 501.
 */
@RestController
@Tag(name = "Articles", description = "Articles and what was extracted from them")
class ArticleSearchController {

  /** The longest search text, as for entity names: longer ones overwhelm the index. */
  static final int MAX_SEARCH_LENGTH = 200;

  private final GraphStore store;
  private final ArticleRefs refs;

  ArticleSearchController(GraphStore store, ArticleRefs refs) {
    this.store = store;
    this.refs = refs;
  }

  /**
   * An article that a text search found.
   *
   * @param article the article
   * @param score how well it matched, comparable within one search only
   * @param passage the stretch of its text around the first match, as it is in the text
   * @param start where the passage begins in the article's text
   * @param matchStart where the match begins in the text
   * @param matchEnd the character after the match; equal to {@code matchStart} when the words could
   *     not be placed in the passage, which then is the text's beginning
   */
  record Passage(
      ArticleRef article, double score, String passage, int start, int matchStart, int matchEnd) {}

  @GetMapping(path = "/api/articles", params = "q", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Find articles by the words of their text, best match first, with the passage",
      description =
          "Every word must occur in the text, the last possibly as the start of a word. Finds"
              + " names that were not made into entities. 501 on a remote store, which has no"
              + " text index.")
  Page<Passage> search(
      @Parameter(description = "words of the text; the last may be the start of a word")
          @RequestParam
          String q,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    within("limit", limit, 1, 100);
    within("offset", offset, 0, 10_000);
    if (q.length() > MAX_SEARCH_LENGTH) {
      throw Problems.badParameter(
          "q", "q may be " + MAX_SEARCH_LENGTH + " characters long at most, not " + q.length());
    }
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw Problems.badParameter("q", "q must hold a word to find, not \"" + q + "\"");
    }
    if (!store.indexesArticleText()) {
      throw Problems.problem(
          HttpStatus.NOT_IMPLEMENTED,
          "Text search needs a TDB2 store",
          "this server keeps its graph in a remote SPARQL store, which has no text index;"
              + " search entity names with /api/entities?q=, or run the server on a TDB2 store");
    }
    List<ArticleHit> hits = store.searchArticles(q, limit, offset);
    Map<String, ArticleRef> articles =
        refs.of(hits.stream().map(hit -> iri(hit.articleId())).toList());
    List<Passage> passages = new ArrayList<>();
    for (ArticleHit hit : hits) {
      ArticleRef article = articles.get(iri(hit.articleId()).getURI());
      if (article != null) {
        passages.add(
            new Passage(
                article,
                hit.score(),
                hit.passage(),
                hit.start(),
                hit.matchStart(),
                hit.matchEnd()));
      }
    }
    return Page.of(passages, limit, offset);
  }

  private static Node iri(String articleId) {
    return NodeFactory.createURI(IriMinter.article(articleId).getURI());
  }
}
