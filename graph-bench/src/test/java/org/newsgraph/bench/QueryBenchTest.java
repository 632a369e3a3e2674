package org.newsgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of a measurement: latencies pooled over its rounds, in any order. */
class QueryBenchTest {

  @Test
  void medianPercentileAndThroughputOfPooledLatencies() {
    List<Long> latencies = new ArrayList<>();
    for (long ms = 1; ms <= 100; ms++) {
      latencies.add(ms * 1_000_000);
    }
    Collections.shuffle(latencies, new java.util.Random(1));

    QueryBench.Figures figures = QueryBench.figures(latencies, Duration.ofSeconds(4));

    assertThat(figures.requests()).isEqualTo(100);
    assertThat(figures.medianMs()).isEqualTo(51.0);
    assertThat(figures.p95Ms()).isEqualTo(95.0);
    assertThat(figures.perSecond()).isEqualTo(25.0);
  }
}
