package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {

  private static final String LONG =
      "word ".repeat(40) + "Then OpenAI's model arrived, and " + "more ".repeat(60) + "end.";

  @Test
  void thePassageIsCutAtSpacesAroundTheFirstMatch() {
    ArticleHit hit = Passages.of("a", 1.0, LONG, List.of("openai"));

    assertThat(LONG.substring(hit.matchStart(), hit.matchEnd())).isEqualTo("OpenAI");
    assertThat(hit.passage())
        .isEqualTo(LONG.substring(hit.start(), hit.start() + hit.passage().length()));
    assertThat(hit.passage()).startsWith("word").endsWith("more").contains("Then OpenAI's model");
    assertThat(hit.matchStart() - hit.start()).isLessThanOrEqualTo(Passages.BEFORE);
    assertThat(hit.start() + hit.passage().length() - hit.matchEnd())
        .isLessThanOrEqualTo(Passages.AFTER);
  }

  @Test
  void theLastWordMayStartAWordAndTheOthersAreWhole() {
    String text = "Openness matters. The open model was released.";

    ArticleHit last = Passages.of("a", 1.0, text, List.of("mod", "open"));
    assertThat(text.substring(last.matchStart(), last.matchEnd())).isEqualTo("Openness");

    ArticleHit whole = Passages.of("a", 1.0, text, List.of("open", "rel"));
    assertThat(text.substring(whole.matchStart(), whole.matchEnd())).isEqualTo("open");
  }

  @Test
  void aTextWhereNoWordCanBePlacedGivesItsBeginningUnmarked() {
    ArticleHit hit = Passages.of("a", 1.0, LONG, List.of("absent"));

    assertThat(hit.start()).isZero();
    assertThat(hit.matchStart()).isEqualTo(hit.matchEnd());
    assertThat(hit.passage()).startsWith("word word");
  }
}
