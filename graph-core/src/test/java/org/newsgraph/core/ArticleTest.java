package org.newsgraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleTest {

  @ParameterizedTest
  @ValueSource(strings = {"seed", "2025-01-21.openai", "café-news", "新闻-7", "a_b~c"})
  void idsOfLettersDigitsAndSafePunctuationAreTaken(String id) {
    assertThat(Article.of(id, "Some text.").id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a/b", "../etc/passwd", "..", ".", "with space", "x>y", "q?x=1", "tab\tid"})
  void idsThatAPathOrAnIriWouldReadOtherwiseAreRefused(String id) {
    assertThatThrownBy(() -> Article.of(id, "Some text."))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("may hold only letters, digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"My article.txt", "../../x", "   ", "über/straße"})
  void anyTextBecomesAnAcceptedId(String text) {
    String id = Article.idFrom(text);

    assertThat(Article.of(id, "Some text.").id()).isEqualTo(id).doesNotContain("/", " ");
  }
}
