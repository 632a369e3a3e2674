package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far the confidence of facts can be believed: the facts binned by confidence ([0.5, 0.6),
 * [0.6, 0.7), ... [0.9, 1.0]), and for each bin the fraction of its facts that the scorer holds
 * right, beside the bin's mean confidence. The expected calibration error weighs each bin's gap
 * between the two by its share of the judged facts.
 *
 * <p>Each bin's facts are judged as a set of their own by a {@link FactJudge} (the project's scorer
 * run on them alone), so right and wrong mean what the scorer's precision means, matching included,
 * and no matching is written twice.
 *
 * @param bins the bins that hold facts, lowest first
 */
record Reliability(List<Bin> bins) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One bin of confidence.
   *
   * @param lower the least confidence in it
   * @param upper where it ends (exclusive, but the last bin holds 1)
   * @param facts how many fact records fall in it
   * @param meanConfidence their mean confidence
   * @param judgement how many of them the scorer holds right and wrong
   */
  record Bin(
      double lower, double upper, int facts, double meanConfidence, FactJudge.Judgement judgement) {

    /** Returns the fraction of the judged facts that are right, or 0 if none was judged. */
    double fractionRight() {
      return judgement.judged() == 0 ? 0 : (double) judgement.right() / judgement.judged();
    }
  }

  Reliability {
    bins = List.copyOf(bins);
  }

  /**
   * Bins the fact records among some records by confidence and has each bin judged alone.
   *
   * @param records JSON lines of {@code FORMAT.md}; those that are not facts are left out
   * @param count how many bins of equal width divide 0..1
   */
  static Reliability measure(List<String> records, FactJudge judge, int count) {
    requireNonNull(judge, "judge");
    if (count < 1) {
      throw new IllegalArgumentException("reliability needs at least one bin, got " + count);
    }
    List<List<String>> members = new ArrayList<>();
    double[] sums = new double[count];
    for (int i = 0; i < count; i++) {
      members.add(new ArrayList<>());
    }
    for (String line : records) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = JSON.readTree(line);
      if (!isFact(record)) {
        continue;
      }
      double confidence = confidence(record, line);
      int bin = bin(confidence, count);
      members.get(bin).add(line);
      sums[bin] += confidence;
    }
    List<Bin> bins = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> facts = members.get(i);
      if (!facts.isEmpty()) {
        bins.add(
            new Bin(
                (double) i / count,
                (double) (i + 1) / count,
                facts.size(),
                sums[i] / facts.size(),
                judge.judge(facts)));
      }
    }
    return new Reliability(bins);
  }

  /**
   * Returns the bin of a confidence among {@code count} of equal width; a hair is added so that a
   * confidence written as a bin's lower end (0.85 of twentieths) falls in that bin, not below it.
   */
  static int bin(double confidence, int count) {
    return Math.min(count - 1, (int) Math.floor(confidence * count + 1e-9));
  }

  /**
   * Returns whether a record is a fact: of kind {@code fact}, or of no kind (as KnowledgeNet's).
   */
  static boolean isFact(JsonNode record) {
    return !record.has("kind") || record.get("kind").asString().equals("fact");
  }

  /** Returns the confidence of a fact record, which must lie within 0..1. */
  static double confidence(JsonNode record, String line) {
    JsonNode value = record.get("confidence");
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("fact record without a numeric confidence: " + line);
    }
    double confidence = value.asDouble();
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("fact record's confidence is outside 0..1: " + line);
    }
    return confidence;
  }

  /** Returns the facts judged in all bins. */
  FactJudge.Judgement total() {
    return bins.stream()
        .map(Bin::judgement)
        .reduce(new FactJudge.Judgement(0, 0), FactJudge.Judgement::plus);
  }

  /**
   * Returns the expected calibration error: the mean over judged facts of the gap between their
   * bin's mean confidence and its fraction right.
   */
  double expectedCalibrationError() {
    int judged = total().judged();
    if (judged == 0) {
      return 0;
    }
    double sum = 0;
    for (Bin bin : bins) {
      sum += bin.judgement().judged() * Math.abs(bin.fractionRight() - bin.meanConfidence());
    }
    return sum / judged;
  }

  /** Prints the table under a title. */
  void print(PrintWriter out, String title) {
    out.println();
    out.println(title);
    out.printf(
        "%-12s %7s %7s %7s %10s %10s%n",
        "confidence", "facts", "judged", "right", "mean conf", "right frac");
    for (Bin bin : bins) {
      out.printf(
          "[%.2f,%.2f%s %7d %7d %7d %10.3f %10.3f%n",
          bin.lower(),
          bin.upper(),
          bin.upper() >= 1 ? "]" : ")",
          bin.facts(),
          bin.judgement().judged(),
          bin.judgement().right(),
          bin.meanConfidence(),
          bin.fractionRight());
    }
    FactJudge.Judgement total = total();
    out.printf(
        "%-12s %7d %7d %7d %10s %10.3f%n",
        "all",
        bins.stream().mapToInt(Bin::facts).sum(),
        total.judged(),
        total.right(),
        "",
        total.judged() == 0 ? 0 : (double) total.right() / total.judged());
    out.printf(
        "expected calibration error %.3f (facts: records in the bin; judged: those the scorer"
            + " counts, right or wrong)%n",
        expectedCalibrationError());
  }
}
