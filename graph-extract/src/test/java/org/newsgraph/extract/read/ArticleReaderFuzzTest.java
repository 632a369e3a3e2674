package org.newsgraph.extract.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.newsgraph.core.Article;
import org.newsgraph.core.GraphException;
import org.newsgraph.extract.ExtractionException;

/**
 * Coverage-guided fuzzing (Jazzer) of what reads articles from outside: JSON, JSON lines and HTML,
 * the formats of the API and of {@code ingest}. Whatever the bytes, a parser either returns valid
 * articles or throws the exception that names the problem; never anything else. The build fuzzes
 * for the time set here; inputs that once failed are kept beside this class and replayed.
 */
class ArticleReaderFuzzTest {

  private final ArticleReader reader = new ArticleReader();

  @FuzzTest(maxDuration = "30s")
  void anyInputGivesArticlesOrAnErrorThatNamesTheProblem(FuzzedDataProvider data) {
    int format = data.consumeInt(0, 2);
    String input = data.consumeRemainingAsString();
    List<Article> articles;
    try {
      articles =
          switch (format) {
            case 0 -> reader.parseJsonLines("fuzz.jsonl", input);
            case 1 -> reader.parseJson("fuzz.json", input);
            default -> List.of(reader.parseHtml("fuzz", input));
          };
    } catch (ExtractionException | GraphException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(articles)
        .isNotEmpty()
        .allSatisfy(
            article -> {
              assertThat(article.id()).isNotBlank();
              assertThat(article.text()).isNotBlank();
            });
  }
}
