package org.newsgraph.extract.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.extract.ExtractionException;

class WikiDictTest {

  @TempDir Path folder;

  private static InputStream lines(String... lines) {
    return new ByteArrayInputStream(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAnchorLinksToItsTitleWithItsShare() {
    Path index = folder.resolve("wikidict");
    List<String> told = new ArrayList<>();
    WikiDict.build(
        index,
        lines(
            "IMF\tInternational_Monetary_Fund\t0.943745",
            "Labour Party\tLabour_Party_(UK)\t0.557271",
            "New Zealand Labour Party\tNew_Zealand_Labour_Party\t0.98",
            "London\tLondon\t0.942393",
            "London, Ontario\tLondon,_Ontario\t1.0",
            "London Ontario\tLondon,_Ontario\t1.0",
            "lowercase anchor\tSomething\t1.0",
            "Wikipedia: IMF\tInternational_Monetary_Fund\t1.0",
            "Rarely\tRare_link\t0.01",
            "not a line"),
        told::add);

    try (WikiDict dict = WikiDict.open(index, told::add)) {
      assertThat(dict.lookup("IMF"))
          .hasValue(new WikiDict.Link("International_Monetary_Fund", 0.943745));
      assertThat(dict.lookup("Labour Party").orElseThrow().name()).isEqualTo("Labour Party (UK)");
      assertThat(dict.lookup("imf")).isEmpty();
      assertThat(dict.lookup("lowercase anchor")).isEmpty();
      assertThat(dict.lookup("Wikipedia: IMF")).isEmpty();
      assertThat(dict.lookup("Rarely")).isEmpty();
      assertThat(dict.hasTitle("London,_Ontario")).isTrue();
      assertThat(dict.hasTitle("London,_Kentucky")).isFalse();
      assertThat(dict.titlesStartingWith("London,_", 5)).containsExactly("London,_Ontario");
    }
    assertThat(told).last().asString().contains("6 of 10 lines indexed");
  }

  @Test
  void aBuildThatFailsHalfwayLeavesNoIndexThatLooksWhole() {
    Path index = folder.resolve("wikidict");
    InputStream breaking =
        new InputStream() {
          private final InputStream first = lines("IMF\tInternational_Monetary_Fund\t0.9");

          @Override
          public int read() throws IOException {
            int next = first.read();
            if (next < 0) {
              throw new IOException("disk gone");
            }
            return next;
          }
        };

    assertThatThrownBy(() -> WikiDict.build(index, breaking, message -> {}))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("cannot build the index of Wikipedia anchors")
        .hasMessageContaining("disk gone");
    assertThat(index).doesNotExist();
    assertThat(folder.toFile().list()).isEmpty();
  }
}
