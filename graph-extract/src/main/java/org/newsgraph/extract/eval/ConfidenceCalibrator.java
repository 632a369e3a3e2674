package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.core.Evidence;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import org.newsgraph.extract.pipeline.ConfidenceCalibration.Source;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fits a {@link ConfidenceCalibration} to facts whose rightness a scorer judged: the facts of each
 * source (rules, classifier, both) binned by their stated confidence in twentieths, each bin judged
 * alone, and the fractions right made to rise with confidence by pooling adjacent violators
 * (isotonic regression over the bins, weighted by the facts judged in each).
 *
 * <p>A bin of few facts says little, so each bin's fraction is drawn toward its source's overall
 * fraction right as if {@link #PRIOR_FACTS} more facts at that fraction were in it; a bin of
 * hundreds of facts hardly moves.
 */
final class ConfidenceCalibrator {

  /** How many bins of equal width divide 0..1 for fitting. */
  static final int BINS = 20;

  /** How many facts at its source's fraction right each bin is taken to hold besides its own. */
  static final double PRIOR_FACTS = 4;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Predictions with uncalibrated confidences and a judge of their facts.
   *
   * @param records JSON lines of {@code FORMAT.md}
   * @param judge what holds a set of them right or wrong
   */
  record Sample(List<String> records, FactJudge judge) {

    Sample {
      records = List.copyOf(records);
      requireNonNull(judge, "judge");
    }
  }

  private ConfidenceCalibrator() {}

  /** Returns the calibration that fits the facts of all samples, pooled. */
  static ConfidenceCalibration fit(List<Sample> samples) {
    Map<Source, FactJudge.Judgement[]> judged = new EnumMap<>(Source.class);
    for (Sample sample : samples) {
      Map<Source, List<List<String>>> bins = new EnumMap<>(Source.class);
      for (String line : sample.records()) {
        Optional<Fact> fact = fact(line);
        if (fact.isEmpty() || fact.get().source().isEmpty()) {
          continue;
        }
        List<List<String>> sourceBins =
            bins.computeIfAbsent(fact.get().source().get(), s -> emptyBins());
        sourceBins.get(Reliability.bin(fact.get().confidence(), BINS)).add(line);
      }
      bins.forEach(
          (source, sourceBins) -> {
            FactJudge.Judgement[] counts =
                judged.computeIfAbsent(source, s -> new FactJudge.Judgement[BINS]);
            for (int i = 0; i < BINS; i++) {
              if (sourceBins.get(i).isEmpty()) {
                continue;
              }
              FactJudge.Judgement judgement = sample.judge().judge(sourceBins.get(i));
              counts[i] = counts[i] == null ? judgement : counts[i].plus(judgement);
            }
          });
    }
    List<ConfidenceCalibration.Step> steps = new ArrayList<>();
    judged.forEach((source, counts) -> steps.addAll(isotonic(source, counts)));
    return ConfidenceCalibration.of(steps);
  }

  /**
   * Pools adjacent violators over a source's bins: each bin starts as a block holding its
   * (smoothed) fraction right, and a block whose fraction is below the block before it merges with
   * it into their weighted mean, until the fractions rise.
   */
  static List<ConfidenceCalibration.Step> isotonic(Source source, FactJudge.Judgement[] counts) {
    int right = 0;
    int all = 0;
    for (FactJudge.Judgement judgement : counts) {
      if (judgement != null) {
        right += judgement.right();
        all += judgement.judged();
      }
    }
    if (all == 0) {
      return List.of();
    }
    double overall = (double) right / all;
    // A block: first and last bin, weight (judged facts plus the prior's), weighted fraction right.
    List<double[]> blocks = new ArrayList<>();
    List<Integer> facts = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == null || counts[i].judged() == 0) {
        continue;
      }
      double weight = counts[i].judged() + PRIOR_FACTS;
      double value = (counts[i].right() + PRIOR_FACTS * overall) / weight;
      blocks.add(new double[] {i, i, weight, value});
      facts.add(counts[i].judged());
      while (blocks.size() > 1
          && blocks.get(blocks.size() - 1)[3] < blocks.get(blocks.size() - 2)[3]) {
        double[] last = blocks.remove(blocks.size() - 1);
        double[] before = blocks.get(blocks.size() - 1);
        int lastFacts = facts.remove(facts.size() - 1);
        double weight2 = before[2] + last[2];
        before[3] = (before[3] * before[2] + last[3] * last[2]) / weight2;
        before[2] = weight2;
        before[1] = last[1];
        facts.set(facts.size() - 1, facts.get(facts.size() - 1) + lastFacts);
      }
    }
    List<ConfidenceCalibration.Step> steps = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      double[] block = blocks.get(b);
      steps.add(
          new ConfidenceCalibration.Step(
              source,
              block[0] / counts.length,
              (block[1] + 1) / counts.length,
              block[3],
              facts.get(b)));
    }
    return steps;
  }

  /**
   * Returns the records with each fact's confidence calibrated and the facts below a threshold left
   * out; events and quotes stay as they are.
   */
  static List<String> apply(
      List<String> records, ConfidenceCalibration calibration, double threshold) {
    List<String> kept = new ArrayList<>();
    for (String line : records) {
      Optional<Fact> fact = fact(line);
      if (fact.isEmpty()) {
        kept.add(line);
        continue;
      }
      double confidence =
          fact.get()
              .source()
              .map(source -> calibration.calibrate(source, fact.get().confidence()))
              .orElse(fact.get().confidence());
      if (confidence < threshold) {
        continue;
      }
      if (confidence == fact.get().confidence()) {
        kept.add(line);
      } else {
        ObjectNode record = (ObjectNode) JSON.readTree(line);
        record.put("confidence", confidence);
        kept.add(record.toString());
      }
    }
    return kept;
  }

  /** A fact record's stated confidence and who found it. */
  private record Fact(double confidence, Optional<Source> source) {}

  /** Returns the fact a record states, or empty if it is another kind of record. */
  private static Optional<Fact> fact(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    JsonNode record = JSON.readTree(line);
    if (!Reliability.isFact(record)) {
      return Optional.empty();
    }
    double confidence = Reliability.confidence(record, line);
    String extractor = record.path("extractor").asString();
    Optional<Source> source =
        extractor.isBlank()
            ? Optional.empty()
            : Source.of(new Evidence("", 0, 0, extractor, confidence));
    return Optional.of(new Fact(confidence, source));
  }

  private static List<List<String>> emptyBins() {
    List<List<String>> bins = new ArrayList<>();
    for (int i = 0; i < BINS; i++) {
      bins.add(new ArrayList<>());
    }
    return bins;
  }
}
