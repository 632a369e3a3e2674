package org.newsgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.store.Tdb2GraphStore;

/**
 * The growth run stores every generated article through the ingest pipeline, times a stretch per
 * mark it passes, and gives the bulk loader the quads the store holds.
 */
class GrowthBenchTest {

  @TempDir Path work;

  @Test
  void aRunEndsAStretchAtEachMarkItPassesAndAtItsEnd() {
    List<Integer> marks = GrowthBench.MARKS;
    assertThat(GrowthBench.ends(1_000, marks)).containsExactly(1_000);
    assertThat(GrowthBench.ends(2_500, marks)).containsExactly(1_000, 2_500);
    assertThat(GrowthBench.ends(100_000, marks)).containsExactly(1_000, 10_000, 100_000);
    assertThat(GrowthBench.ends(250_000, marks)).containsExactly(1_000, 10_000, 100_000, 250_000);
    assertThatThrownBy(() -> GrowthBench.ends(0, marks)).hasMessageContaining("at least 1 article");
  }

  @Test
  void everyArticleIsStoredAndTheBulkLoaderGetsTheSameQuads() throws Exception {
    List<String> progress = new ArrayList<>();

    GrowthBench.Figures figures = GrowthBench.run(120, List.of(80), 10, work, progress::add);

    assertThat(figures.stretches())
        .extracting(GrowthBench.Stretch::from, GrowthBench.Stretch::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 80),
            org.assertj.core.groups.Tuple.tuple(80, 120));
    assertThat(figures.stretches()).allSatisfy(s -> assertThat(s.facts()).isPositive());
    assertThat(figures.stretches()).allSatisfy(s -> assertThat(s.bytes()).isPositive());
    assertThat(figures.bulkSeconds()).isPositive();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(work.resolve("growth-store"))) {
      assertThat(store.articleIds()).hasSize(120);
    }
    // A synthetic article is about 260 quads.
    assertThat(figures.quads()).isBetween(120L * 150, 120L * 400);
    assertThat(progress).last().asString().contains("bulk loader");
    assertThat(Files.exists(work.resolve("growth.nq"))).isFalse();
    assertThat(Files.exists(work.resolve("growth-warm-up"))).isFalse();
  }
}
