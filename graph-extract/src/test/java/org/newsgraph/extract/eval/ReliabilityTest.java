package org.newsgraph.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

  /** A synthetic fact: its confidence and whether the judge below holds it right. */
  private record Synthetic(double confidence, boolean right) {
    String line() {
      return String.format(
          java.util.Locale.ROOT,
          "{\"kind\":\"fact\",\"documentId\":\"d\",\"relation\":\"heads\",\"subjectText\":\"%s\","
              + "\"confidence\":%s}",
          right ? "right" : "wrong",
          confidence);
    }
  }

  /** Holds a fact right when its subject says so, and records the sets it was given. */
  private static final class MarkJudge implements FactJudge {
    final List<List<String>> sets = new ArrayList<>();

    @Override
    public Judgement judge(List<String> facts) {
      sets.add(facts);
      int right = (int) facts.stream().filter(f -> f.contains("\"subjectText\":\"right\"")).count();
      return new Judgement(right, facts.size() - right);
    }
  }

  private static List<Synthetic> sample() {
    Random random = new Random(17);
    List<Synthetic> facts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double confidence = 0.5 + 0.5 * random.nextDouble();
      facts.add(new Synthetic(confidence, random.nextDouble() < confidence - 0.2));
    }
    // Bin edges and the top of the range, where rounding decides the bin.
    facts.add(new Synthetic(0.7, true));
    facts.add(new Synthetic(0.85, false));
    facts.add(new Synthetic(1.0, true));
    return facts;
  }

  @Test
  void eachBinHoldsTheFactsOfItsRangeAndTheirFractionRight() {
    List<Synthetic> facts = sample();
    List<String> lines = new ArrayList<>(facts.stream().map(Synthetic::line).toList());
    lines.add("{\"kind\":\"event\",\"documentId\":\"d\",\"confidence\":0.95}");
    MarkJudge judge = new MarkJudge();

    Reliability reliability = Reliability.measure(lines, judge, 10);

    int expectedBins = 0;
    double weightedGap = 0;
    for (int i = 0; i < 10; i++) {
      double lower = i / 10.0;
      double upper = (i + 1) / 10.0;
      List<Synthetic> inside =
          facts.stream()
              .filter(f -> f.confidence() >= lower && (f.confidence() < upper || upper == 1.0))
              .toList();
      if (inside.isEmpty()) {
        continue;
      }
      Reliability.Bin bin = reliability.bins().get(expectedBins++);
      long right = inside.stream().filter(Synthetic::right).count();
      double mean = inside.stream().mapToDouble(Synthetic::confidence).average().orElseThrow();
      assertThat(bin.lower()).isEqualTo(lower);
      assertThat(bin.facts()).isEqualTo(inside.size());
      assertThat(bin.judgement().right()).isEqualTo(right);
      assertThat(bin.judgement().wrong()).isEqualTo(inside.size() - right);
      assertThat(bin.meanConfidence()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
      weightedGap += inside.size() * Math.abs((double) right / inside.size() - mean);
    }
    assertThat(reliability.bins()).hasSize(expectedBins);
    assertThat(reliability.expectedCalibrationError())
        .isCloseTo(weightedGap / facts.size(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(judge.sets).hasSize(expectedBins);
    assertThat(judge.sets).allSatisfy(set -> assertThat(set).noneMatch(l -> l.contains("event")));
  }

  @Test
  void factsOnABinsLowerEdgeBelongToThatBin() {
    assertThat(Reliability.bin(0.85, 20)).isEqualTo(17);
    assertThat(Reliability.bin(0.7, 10)).isEqualTo(7);
    assertThat(Reliability.bin(1.0, 10)).isEqualTo(9);
    assertThat(Reliability.bin(0.0, 10)).isEqualTo(0);
  }

  @Test
  void theTablePrintsEveryBinAndTheError() {
    Reliability reliability =
        Reliability.measure(sample().stream().map(Synthetic::line).toList(), new MarkJudge(), 10);
    StringWriter text = new StringWriter();
    reliability.print(new PrintWriter(text, true), "Reliability");

    assertThat(text.toString())
        .contains("[0.90,1.00]")
        .contains(String.format("%.3f", reliability.expectedCalibrationError()));
    assertThat(text.toString().lines().filter(l -> l.startsWith("[")))
        .hasSize(reliability.bins().size());
  }

  @Test
  void aFactWithoutConfidenceIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Reliability.measure(
                    List.of("{\"kind\":\"fact\",\"relation\":\"heads\"}"), new MarkJudge(), 10));
    assertThat(e.getMessage()).startsWith("fact record without a numeric confidence");
  }
}
