package org.newsgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report words the figures it is given and computes the ratios between the two sides. */
class BenchReportTest {

  @TempDir Path folder;

  @Test
  void aQueryRowGivesFusekisTimeOverNewsgraphsAndNewsgraphsThroughputOverFusekis()
      throws IOException {
    BenchReport report = new BenchReport(List.of("--only", "query"));
    QueryBench.Question question = new QueryBench.Question("entity lookup", r -> null, r -> null);

    String row =
        report.queryRow(
            question,
            4,
            new QueryBench.Figures(100, 10.0, 20.0, 50.0),
            new QueryBench.Figures(80, 30.0, 40.0, 25.0));

    assertThat(row.strip())
        .isEqualTo(
            "| entity lookup | 4 | 10.0 / 20.0 | 30.0 / 40.0 | 50 / 25 | 3.00 | 2.00 | 2.00 |");
  }

  @Test
  void theGrowthSectionGivesEachStretchsRateAndTheWholeRunAgainstTheBulkLoader()
      throws IOException {
    BenchReport report = new BenchReport(List.of("--only", "growth"));
    report.growth(
        new GrowthBench.Figures(
            List.of(
                new GrowthBench.Stretch(0, 1_000, 8_000, 4.0, 0, 400_000_000),
                new GrowthBench.Stretch(1_000, 10_000, 72_000, 45.0, 12.5, 2_600_000_000L)),
            2_600_000,
            24.5));
    Path out = folder.resolve("growth.md");

    report.write(out);

    String text = Files.readString(out);
    assertThat(text).contains("## Ingest as the graph grows", "2,600,000 quads (260 an article");
    // 1,000 articles in 4 s; 9,000 in 45 s; 49 s in all against the bulk loader's 24.5.
    assertThat(text)
        .contains("| 1 to 1,000 | 250 | 2,000 | 4.0 | 0.0 | 0.4 |")
        .contains("| 1,001 to 10,000 | 200 | 1,600 | 5.0 | 12.5 | 2.6 |")
        .contains("| Newsgraph, 10,000 articles | 49.0 | 53,061 | 2.00x |")
        .contains("| Jena's bulk loader (parallel) | 24.5 | 106,122 | 1.00x |");
  }

  @Test
  void theWrittenReportNamesTheCommandAndHoldsItsSectionsInOrder() throws IOException {
    BenchReport report = new BenchReport(List.of("--only", "query,startup", "--seconds", "1"));
    report.queries(10, 2600, "5.6.0", "6g", 1);
    report.queryRow(
        new QueryBench.Question("facts by relation", r -> null, r -> null),
        1,
        new QueryBench.Figures(10, 1.0, 2.0, 100.0),
        new QueryBench.Figures(10, 2.0, 2.0, 50.0));
    report.endQueries();
    report.startup(10, 0.25, 1.5, 2.75, new StartupLog("1.20", "0.90", "0.30", "0.05"), 20.0);
    Path out = folder.resolve("bench").resolve("RESULTS.md");

    report.write(out);

    String text = Files.readString(out);
    assertThat(text)
        .startsWith("# Newsgraph benchmarks\n\nProduced by `./newsgraph bench --only query,startup")
        .contains("Machine: ");
    assertThat(text.indexOf("## Queries")).isLessThan(text.indexOf("| facts by relation | 1 |"));
    assertThat(text.indexOf("| facts by relation | 1 |")).isLessThan(text.indexOf("## Start-up"));
    assertThat(text)
        .contains("| `/sparql` answers | 1.5 |")
        .contains(
            "| CPU time the server had used when `/sparql` answered (all its threads) | 2.8 |")
        .contains("load average at 0.25");
  }
}
