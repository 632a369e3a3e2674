package org.newsgraph.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import org.newsgraph.extract.pipeline.ConfidenceCalibration.Source;

class ConfidenceCalibratorTest {

  private static String fact(String extractor, double confidence, boolean right) {
    return String.format(
        Locale.ROOT,
        "{\"kind\":\"fact\",\"relation\":\"heads\",\"subjectText\":\"%s\",\"extractor\":\"%s\","
            + "\"confidence\":%s}",
        right ? "right" : "wrong",
        extractor,
        confidence);
  }

  private static final FactJudge BY_MARK =
      facts -> {
        int right = (int) facts.stream().filter(f -> f.contains("\"right\"")).count();
        return new FactJudge.Judgement(right, facts.size() - right);
      };

  @Test
  void poolingAdjacentViolatorsMakesTheFractionsRiseAndKeepsTheTotal() {
    Random random = new Random(3);
    FactJudge.Judgement[] counts = new FactJudge.Judgement[ConfidenceCalibrator.BINS];
    int right = 0;
    int all = 0;
    for (int i = 10; i < ConfidenceCalibrator.BINS; i++) {
      int judged = 5 + random.nextInt(40);
      int good = random.nextInt(judged + 1);
      counts[i] = new FactJudge.Judgement(good, judged - good);
      right += good;
      all += judged;
    }

    List<ConfidenceCalibration.Step> steps = ConfidenceCalibrator.isotonic(Source.RULES, counts);

    double overall = (double) right / all;
    double weighted = 0;
    double weights = 0;
    int facts = 0;
    for (int s = 0; s < steps.size(); s++) {
      ConfidenceCalibration.Step step = steps.get(s);
      if (s > 0) {
        assertThat(step.calibrated()).isGreaterThanOrEqualTo(steps.get(s - 1).calibrated());
        assertThat(step.lower()).isEqualTo(steps.get(s - 1).upper());
      }
      int bins = (int) Math.round((step.upper() - step.lower()) * ConfidenceCalibrator.BINS);
      weighted += step.calibrated() * (step.facts() + bins * ConfidenceCalibrator.PRIOR_FACTS);
      weights += step.facts() + bins * ConfidenceCalibrator.PRIOR_FACTS;
      facts += step.facts();
    }
    // Pooling moves fractions between bins but keeps their weighted mean: the smoothed total.
    assertThat(weighted / weights).isCloseTo(overall, Offset.offset(1e-9));
    assertThat(facts).isEqualTo(all);
    assertThat(steps.get(0).lower()).isEqualTo(0.5);
    assertThat(steps.get(steps.size() - 1).upper()).isEqualTo(1.0);
  }

  @Test
  void risingFractionsAreKeptBinByBinAndDrawnTowardTheSourcesMean() {
    FactJudge.Judgement[] counts = new FactJudge.Judgement[ConfidenceCalibrator.BINS];
    counts[12] = new FactJudge.Judgement(20, 80);
    counts[16] = new FactJudge.Judgement(60, 40);

    List<ConfidenceCalibration.Step> steps =
        ConfidenceCalibrator.isotonic(Source.CLASSIFIER, counts);

    double overall = 80.0 / 200;
    double prior = ConfidenceCalibrator.PRIOR_FACTS;
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).calibrated()).isEqualTo((20 + prior * overall) / (100 + prior));
    assertThat(steps.get(1).calibrated()).isEqualTo((60 + prior * overall) / (100 + prior));
    assertThat(steps.get(0).lower()).isEqualTo(12.0 / ConfidenceCalibrator.BINS);
    assertThat(steps.get(1).upper()).isEqualTo(17.0 / ConfidenceCalibrator.BINS);
  }

  @Test
  void eachSourceIsFittedToItsOwnFacts() {
    List<String> records = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      double confidence = 0.5 + 0.5 * random.nextDouble();
      // The classifier is right half as often as it says; the rules always.
      records.add(fact("classifier", confidence, random.nextDouble() < confidence / 2));
      records.add(fact("rules:a", confidence, true));
    }
    records.add("{\"kind\":\"quote\",\"confidence\":0.9}");

    ConfidenceCalibration calibration =
        ConfidenceCalibrator.fit(List.of(new ConfidenceCalibrator.Sample(records, BY_MARK)));

    assertThat(calibration.calibrate(Source.RULES, 0.6)).isEqualTo(1.0);
    assertThat(calibration.calibrate(Source.CLASSIFIER, 0.95)).isLessThan(0.7);
    assertThat(calibration.calibrate(Source.BOTH, 0.95)).isEqualTo(0.95);
  }

  @Test
  void applyingCalibratesFactsAndDropsThoseBelowTheThreshold() {
    ConfidenceCalibration calibration =
        ConfidenceCalibration.of(
            List.of(new ConfidenceCalibration.Step(Source.CLASSIFIER, 0.5, 1.0, 0.4, 10)));
    List<String> records =
        List.of(
            fact("classifier", 0.9, true),
            fact("rules:a", 0.9, true),
            "{\"kind\":\"event\",\"confidence\":0.3}");

    List<String> kept = ConfidenceCalibrator.apply(records, calibration, 0.5);

    assertThat(kept).containsExactly(records.get(1), records.get(2));
    assertThat(ConfidenceCalibrator.apply(records, calibration, 0.3).get(0))
        .contains("\"confidence\":0.4");
  }
}
