package org.newsgraph.extract.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NlpPipelineTest {

  @Test
  void newsgraphsPipelineLeavesOutWhatItDoesItself() {
    assertThat(NlpPipeline.Config.NEWSGRAPH.annotators())
        .containsExactly("tokenize", "ssplit", "pos", "lemma", "ner", "depparse");
    assertThat(NlpPipeline.Config.NEWSGRAPH.runs("coref")).isFalse();
  }

  @Test
  void theStockPipelineRunsCoreferenceKbpAndQuotes() {
    assertThat(NlpPipeline.Config.STOCK.annotators()).contains("coref", "kbp", "quote");
  }
}
