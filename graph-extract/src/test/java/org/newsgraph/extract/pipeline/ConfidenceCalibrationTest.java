package org.newsgraph.extract.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Evidence;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.pipeline.ConfidenceCalibration.Source;
import org.newsgraph.extract.pipeline.ConfidenceCalibration.Step;

class ConfidenceCalibrationTest {

  private static final List<Step> STEPS =
      List.of(
          new Step(Source.CLASSIFIER, 0.5, 0.6, 0.4, 10),
          new Step(Source.CLASSIFIER, 0.7, 1.0, 0.8, 20),
          new Step(Source.RULES, 0.75, 1.0, 0.7, 5));

  @Test
  void aConfidenceTakesTheValueOfTheRangeAtOrBelowIt() {
    ConfidenceCalibration calibration = ConfidenceCalibration.of(STEPS);

    for (Step step : STEPS) {
      assertThat(calibration.calibrate(step.source(), step.lower())).isEqualTo(step.calibrated());
    }
    // In the gap between the classifier's two ranges, the lower one's value.
    assertThat(calibration.calibrate(Source.CLASSIFIER, 0.65)).isEqualTo(STEPS.get(0).calibrated());
    // Below the first range, the first range's value; at 1, the last one's.
    assertThat(calibration.calibrate(Source.CLASSIFIER, 0.2)).isEqualTo(STEPS.get(0).calibrated());
    assertThat(calibration.calibrate(Source.CLASSIFIER, 1.0)).isEqualTo(STEPS.get(1).calibrated());
    // A source without ranges keeps its confidence.
    assertThat(calibration.calibrate(Source.BOTH, 0.93)).isEqualTo(0.93);
  }

  @Test
  void theSourceComesFromTheExtractorsThatFoundTheFact() {
    ConfidenceCalibration calibration = ConfidenceCalibration.of(STEPS);

    assertThat(calibration.calibrate(new Evidence("s", 0, 1, "rules:heads-appos", 0.9)))
        .isEqualTo(calibration.calibrate(Source.RULES, 0.9));
    assertThat(calibration.calibrate(new Evidence("s", 0, 1, "classifier", 0.55)))
        .isEqualTo(calibration.calibrate(Source.CLASSIFIER, 0.55));
    assertThat(calibration.calibrate(new Evidence("s", 0, 1, "classifier+rules:x", 0.97)))
        .isEqualTo(0.97);
    assertThat(calibration.calibrate(new Evidence("s", 0, 1, "quotes", 0.9))).isEqualTo(0.9);
  }

  @Test
  void whatIsWrittenReadsBackTheSame(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("calibration.tsv");
    ConfidenceCalibration.of(STEPS).write(file, List.of("a test"));

    ConfidenceCalibration read =
        ConfidenceCalibration.read(Files.newBufferedReader(file), file.toString());

    assertThat(read.steps()).containsExactlyInAnyOrderElementsOf(STEPS);
  }

  @Test
  void aCalibrationThatFallsIsAnError() {
    ExtractionException e =
        assertThrows(
            ExtractionException.class,
            () ->
                ConfidenceCalibration.of(
                    List.of(
                        new Step(Source.RULES, 0.5, 0.7, 0.8, 3),
                        new Step(Source.RULES, 0.7, 1.0, 0.6, 3))));
    assertThat(e.getMessage())
        .isEqualTo(
            "calibration of rules falls from 0.8 to 0.6 at 0.7;"
                + " it must rise with the stated confidence");
  }

  @Test
  void aMalformedLineNamesItsNumber() {
    ExtractionException e =
        assertThrows(
            ExtractionException.class,
            () ->
                ConfidenceCalibration.read(
                    new BufferedReader(new StringReader("# comment\nrules\t0.5\t0.7\n")), "f.tsv"));
    assertThat(e.getMessage()).startsWith("f.tsv line 2: expected source, lower, upper");
  }

  @Test
  void theProjectsCalibrationRisesForEverySource() {
    ConfidenceCalibration calibration = ConfidenceCalibration.fromClassPath();

    assertThat(calibration.isIdentity()).isFalse();
    for (Source source : Source.values()) {
      double before = 0;
      for (int i = 0; i <= 100; i++) {
        double calibrated = calibration.calibrate(source, i / 100.0);
        assertThat(calibrated).isBetween(before, 1.0);
        before = calibrated;
      }
    }
  }
}
