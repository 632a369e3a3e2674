package org.newsgraph.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsgraph.extract.ExtractionException;

class WordListsTest {

  @Test
  void aTableSkipsCommentsAndBlankLinesAndNamesTheLineOfEachRow() {
    var rows =
        TableFile.parse(
            "rules/kinds.tsv", "# a comment\n\nbank\tCOMPANY\n  university \t SCHOOL\n", 2, "x");

    assertThat(rows)
        .extracting(TableFile.Row::source)
        .containsExactly("kinds.tsv:3", "kinds.tsv:4");
    assertThat(rows.get(1).cells()).containsExactly("university", "SCHOOL");
  }

  @Test
  void aMalformedRowIsRefusedNamingItsFileLineAndWhatWasExpected() {
    assertThatThrownBy(
            () -> TableFile.parse("rules/kinds.tsv", "bank\tCOMPANY\nschool SCHOOL\n", 2, "a word"))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("kinds.tsv:2: expected a word, got \"school SCHOOL\"");
    assertThatThrownBy(() -> TableFile.parse("kinds.tsv", "bank\t\tCOMPANY\n", 2, "a word"))
        .hasMessageStartingWith("kinds.tsv:1: expected a word");
  }

  @Test
  void listsAreReadByNameLowerCasedAndAWordTwiceOrAMissingListIsAnError() {
    WordLists lists = WordLists.parse("words.tsv", "speaking\tSay,tell\n");

    assertThat(lists.get("speaking")).containsExactlyInAnyOrder("say", "tell");
    assertThatThrownBy(() -> lists.get("hosting"))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("no list named \"hosting\"");
    assertThatThrownBy(() -> WordLists.parse("words.tsv", "# x\nspeaking\tsay,tell,say\n"))
        .hasMessageStartingWith("words.tsv:2: expected")
        .hasMessageContaining("each word once");
    assertThatThrownBy(() -> WordLists.parse("words.tsv", "a\tx\na\ty\n"))
        .hasMessage("words.tsv:2: list a again");
  }

  @Test
  void theExtractorsSharedListsAreOnTheClassPath() {
    for (String name :
        new String[] {
          "speaking", "hosting", "organization-nouns", "organization-verbs", "function-words"
        }) {
      assertThat(WordLists.words(name)).as(name).isNotEmpty();
    }
    assertThat(WordLists.words("speaking")).contains("say", "concede").doesNotContain("hold");
  }
}
