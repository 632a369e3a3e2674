package org.newsgraph.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.graph.FactTime.Stated;

class FactTimeTest {

  @Test
  void aFactIsFormerWhenItsMostRecentSourceStatesItSoAndKeepsEveryStartAndEnd() {
    FactTime time =
        timeOf(
            new Stated("2023-04-01", new FactTime(false, "2019", null)),
            new Stated("2025-02-10", new FactTime(true, null, "2024")));

    assertThat(time).isEqualTo(new FactTime(true, "2019", "2024"));
  }

  @Test
  void aLaterSourceStatingTheFactAsCurrentOutranksAnEarlierFormerAndItsEnd() {
    FactTime time =
        timeOf(
            new Stated("2021-01-05", new FactTime(true, "2015", "2020")),
            new Stated("2024-09-30", FactTime.NONE));

    assertThat(time).isEqualTo(new FactTime(false, "2015", null));
  }

  @Test
  void sourcesOfTheSameLatestDayMakeTheFactFormerIfAnyOfThemSaysSo() {
    FactTime time =
        timeOf(
            new Stated("2024-09-30", FactTime.NONE),
            new Stated("2024-09-30", new FactTime(true, null, "2024-09")),
            new Stated(null, new FactTime(false, "2010-03-01", null)));

    assertThat(time).isEqualTo(new FactTime(true, "2010-03-01", "2024-09"));
  }

  @Test
  void anUndatedArticleCountsAsOlderThanADatedOne() {
    FactTime time =
        timeOf(
            new Stated(null, new FactTime(true, null, "2022")),
            new Stated("2020-01-01", FactTime.NONE));

    assertThat(time.former()).isFalse();
    assertThat(time.end()).isNull();
  }

  @Test
  void startsAndEndsOfDifferentPrecisionCompareByTheDaysTheyCover() {
    FactTime time =
        timeOf(
            new Stated("2025-01-01", new FactTime(true, "2019-06", "2024")),
            new Stated("2025-01-01", new FactTime(true, "2019", "2024-05-31")));

    // 2019 starts before June 2019; the year 2024 ends after 31 May 2024.
    assertThat(time).isEqualTo(new FactTime(true, "2019", "2024"));
  }

  /** The time of a fact with these sources. */
  private static FactTime timeOf(Stated... sources) {
    return FactTime.of(List.of(sources));
  }

  @Test
  void noSourcesAndCurrentUndatedSourcesGiveNoTime() {
    assertThat(FactTime.of(List.of())).isEqualTo(FactTime.NONE);
    assertThat(FactTime.of(List.of(new Stated("2024-01-01", FactTime.NONE))))
        .isEqualTo(FactTime.NONE);
  }
}
