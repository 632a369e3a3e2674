package org.newsgraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {

  private static final String SENTENCE = "Nordvik Robotics bought Alder Health.";

  @Test
  void theWrittenFormOfSeveralExtractorsReadsBackAsTheSameSet() {
    Evidence evidence =
        new Evidence(SENTENCE, 0, SENTENCE.length(), "rules:acquires.rules:3+classifier", 0.9);

    assertThat(evidence.extractors())
        .containsExactly(
            ExtractorId.of("classifier"), new ExtractorId("rules", "acquires.rules:3"));
    assertThat(evidence.extractor()).isEqualTo("classifier+rules:acquires.rules:3");
    assertThat(new Evidence(SENTENCE, 0, 37, evidence.extractor(), 0.9)).isEqualTo(evidence);
  }

  @Test
  void whichExtractorsFoundItIsAskedByName() {
    Evidence both = new Evidence(SENTENCE, 0, 37, "rules:heads.rules:1+classifier", 0.9);
    Evidence classifier = new Evidence(SENTENCE, 0, 37, ExtractorId.of("classifier"), 0.6);

    assertThat(both.foundBy("rules")).isTrue();
    assertThat(both.foundOnlyBy("classifier")).isFalse();
    assertThat(classifier.foundOnlyBy("classifier")).isTrue();
    assertThat(classifier.foundBy("rules")).isFalse();
  }

  @Test
  void anEventDrawnFromAFactKeepsEachOfTheFactsExtractors() {
    Evidence fact = new Evidence(SENTENCE, 0, 37, "rules:acquires.rules:3+classifier", 0.9);

    Evidence event =
        fact.with(fact.extractors().stream().map(id -> id.through("events")).toList(), 0.9);

    assertThat(event.extractors())
        .extracting(ExtractorId::toString)
        .containsExactly("events:classifier", "events:rules:acquires.rules:3");
    assertThat(event.foundOnlyBy("events")).isTrue();
    assertThat(new Evidence(SENTENCE, 0, 37, event.extractor(), 0.9)).isEqualTo(event);
  }

  @Test
  void evidenceWithoutAnExtractorOrWithABadNameIsRefused() {
    assertThatThrownBy(() -> new Evidence(SENTENCE, 0, 37, " ", 0.5))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("names no extractor");
    assertThatThrownBy(() -> new Evidence(SENTENCE, 0, 37, "my rules:x", 0.5))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("'my rules'");
    assertThatThrownBy(() -> new ExtractorId("events", "a+b"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("'+'");
    assertThat(List.of(ExtractorId.parse("quotes"))).containsExactly(ExtractorId.of("quotes"));
  }
}
