package org.newsgraph.extract.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NlpPipelineTest {

  @Test
  void theClosureAddsWhatEachAnnotatorNeedsInPipelineOrder() {
    assertThat(NlpPipeline.closure(List.of("kbp")))
        .containsExactly("tokenize", "ssplit", "pos", "lemma", "ner", "depparse", "coref", "kbp");
    assertThat(NlpPipeline.closure(List.of("depparse", "ssplit")))
        .containsExactly("tokenize", "ssplit", "pos", "depparse");
  }

  @Test
  void anUnknownAnnotatorIsNamed() {
    assertThatThrownBy(() -> NlpPipeline.closure(List.of("sentiment")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown annotator \"sentiment\"");
  }
}
