package org.newsgraph.extract.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void keepsCalendarDatesOfEveryPrecision() {
    assertThat(Dates.fromSuTime("2025-01-21")).contains("2025-01-21");
    assertThat(Dates.fromSuTime("1944-04")).contains("1944-04");
    assertThat(Dates.fromSuTime("2016")).contains("2016");
    assertThat(Dates.fromSuTime("2025-01-21T10:00")).contains("2025-01-21");
  }

  @Test
  void dropsWhatIsNotACalendarDate() {
    assertThat(Dates.fromSuTime("XXXX-04-10")).isEmpty();
    assertThat(Dates.fromSuTime("P3Y")).isEmpty();
    assertThat(Dates.fromSuTime("2025-W04")).isEmpty();
    assertThat(Dates.fromSuTime("2025-02-30")).isEmpty();
    assertThat(Dates.fromSuTime(null)).isEmpty();
  }
}
