package org.newsgraph.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.EventType;

class EventStorylinesTest {

  private static final String HALVARD = "https://newsgraph.org/id/entity/organization/halvard";
  private static final String BRISK = "https://newsgraph.org/id/entity/organization/brisk";

  private static Map<String, String> parties(String... iriThenRole) {
    Map<String, String> parties = new LinkedHashMap<>();
    for (int i = 0; i < iriThenRole.length; i += 2) {
      parties.put(iriThenRole[i], iriThenRole[i + 1]);
    }
    return parties;
  }

  @Test
  void oneDealReportedOnDifferentDaysInAnyOrderOfItsPartiesIsOneStoryline() {
    var announced =
        EventStorylines.iri(
            EventType.ACQUISITION, "2026-01-12", parties(HALVARD, "acquirer", BRISK, "target"));
    var blocked =
        EventStorylines.iri(
            EventType.ACQUISITION, "2026-06-17", parties(BRISK, "target", HALVARD, "acquirer"));

    assertThat(announced).isPresent().isEqualTo(blocked);
  }

  @Test
  void whoBoughtWhomTellsTwoDealsApart() {
    var one =
        EventStorylines.key(
            EventType.ACQUISITION, null, parties(HALVARD, "acquirer", BRISK, "target"));
    var reverse =
        EventStorylines.key(
            EventType.ACQUISITION, null, parties(BRISK, "acquirer", HALVARD, "target"));
    var lawsuit =
        EventStorylines.key(
            EventType.LAWSUIT, null, parties(HALVARD, "plaintiff", BRISK, "defendant"));

    assertThat(one).isNotEqualTo(reverse);
    assertThat(one).isNotEqualTo(lawsuit);
  }

  @Test
  void recurringEventsAreTheSameOnlyWithinAMonthAndNeverUndated() {
    Map<String, String> speaker = parties(HALVARD, "speaker");

    assertThat(EventStorylines.key(EventType.PRESS_CONFERENCE, "2026-03-02", speaker))
        .isEqualTo(EventStorylines.key(EventType.PRESS_CONFERENCE, "2026-03-20", speaker))
        .isNotEqualTo(EventStorylines.key(EventType.PRESS_CONFERENCE, "2026-04-02", speaker));
    assertThat(EventStorylines.key(EventType.PRESS_CONFERENCE, null, speaker)).isEmpty();
    assertThat(EventStorylines.key(EventType.FUNDING_ROUND, "2026", speaker)).isEmpty();
  }

  @Test
  void anEventWithoutParticipantsStandsAlone() {
    assertThat(EventStorylines.key(EventType.ACQUISITION, "2026-01-12", Map.of())).isEmpty();
  }

  @Test
  void anEventThatNamesOneSideOnlyStandsAlone() {
    assertThat(EventStorylines.key(EventType.LAWSUIT, "1992", parties(HALVARD, "plaintiff")))
        .isEmpty();
    assertThat(EventStorylines.key(EventType.ACQUISITION, null, parties(BRISK, "target")))
        .isEmpty();
  }

  @Test
  void aRoleTheGraphDoesNotKeepCountsAsAPlainParticipant() {
    assertThat(
            EventStorylines.key(
                EventType.APPOINTMENT, null, parties(HALVARD, "organization", BRISK, "person")))
        .isPresent()
        .isEqualTo(
            EventStorylines.key(EventType.APPOINTMENT, null, parties(HALVARD, null, BRISK, null)));
  }
}
