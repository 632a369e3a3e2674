package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the calibration of facts' confidence to development sets and reports how it does: the
 * reliability of each set before, the calibration written for the pipeline, and, on data the
 * calibration never saw (KnowledgeNet folds by cross-validation, held-out sets), reliability and
 * facts' precision, recall and F1 at several thresholds before and after.
 *
 * <p>It works on predictions that {@code eval} wrote with uncalibrated confidences, so no article
 * is annotated again: a fact's calibrated confidence depends only on its own stated confidence and
 * source, exactly as in the pipeline, which calibrates each merged fact before the threshold.
 */
public final class CalibrationFitting {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A gold file and predictions made for it with uncalibrated confidences.
   *
   * @param gold KnowledgeNet JSON lines or a JSON array of news articles
   * @param predictions JSON lines of {@code FORMAT.md}, such as {@code eval}'s {@code
   *     newsgraph.jsonl} from a run with {@code --raw-confidence}
   */
  public record Predictions(Path gold, Path predictions) {

    public Predictions {
      requireNonNull(gold, "gold");
      requireNonNull(predictions, "predictions");
    }
  }

  /**
   * What to fit and what to report.
   *
   * @param fit the development sets the calibration is fitted to
   * @param test sets the calibration is only applied to, which it never sees
   * @param crossValidate whether to report each KnowledgeNet fit set by cross-validation: each fold
   *     calibrated by a fit to the set's other folds alone
   * @param scorers the folder holding {@code score_kn.py} and {@code score_news.py}
   * @param work where subsets and their scores are written
   * @param output where the calibration goes, or {@code null} to write none
   * @param thresholds the thresholds at which precision, recall and F1 are reported
   */
  public record Options(
      List<Predictions> fit,
      List<Predictions> test,
      boolean crossValidate,
      Path scorers,
      Path work,
      Path output,
      List<Double> thresholds) {

    public Options {
      fit = List.copyOf(fit);
      test = List.copyOf(test);
      requireNonNull(scorers, "scorers");
      requireNonNull(work, "work");
      thresholds = List.copyOf(thresholds);
      if (fit.isEmpty()) {
        throw new ExtractionException("calibration needs at least one development set to fit");
      }
    }
  }

  private final Options options;
  private final PrintWriter out;

  public CalibrationFitting(Options options, PrintWriter out) {
    this.options = requireNonNull(options, "options");
    this.out = requireNonNull(out, "out");
  }

  /** Fits, writes the calibration and prints the reports; returns the calibration. */
  public ConfidenceCalibration run() throws IOException {
    Files.createDirectories(options.work());
    List<ConfidenceCalibrator.Sample> samples = new ArrayList<>();
    for (Predictions set : options.fit()) {
      Scored scored = scored(set, Set.of());
      Reliability.measure(
              scored.records(), scored.judge("before"), EvaluationReport.RELIABILITY_BINS)
          .print(out, "Reliability on " + set.gold().getFileName() + " before calibration");
      samples.add(new ConfidenceCalibrator.Sample(scored.records(), scored.judge("fit")));
    }
    ConfidenceCalibration calibration = ConfidenceCalibrator.fit(samples);
    out.println();
    out.println("Calibration fitted to " + names(options.fit()));
    out.printf("%-12s %6s %6s %10s %6s%n", "source", "from", "to", "calibrated", "facts");
    for (ConfidenceCalibration.Step step : calibration.steps()) {
      out.printf(
          "%-12s %6.2f %6.2f %10.3f %6d%n",
          step.source().label(), step.lower(), step.upper(), step.calibrated(), step.facts());
    }
    if (options.output() != null) {
      calibration.write(
          options.output(),
          List.of(
              "What facts' confidence means: each source's stated confidence, in ranges, mapped to",
              "the fraction of the facts in the range that the scorers held right. Fitted by",
              "'./newsgraph calibrate' to " + names(options.fit()) + "."));
      out.println("Wrote " + options.output().toAbsolutePath().normalize());
    }
    if (options.crossValidate()) {
      for (Predictions set : options.fit()) {
        if (isKnowledgeNet(set.gold())) {
          crossValidate(set);
        }
      }
    }
    for (Predictions set : options.test()) {
      Scored scored = scored(set, Set.of());
      compare(
          set.gold().getFileName() + " (held out)",
          scored,
          scored.records(),
          ConfidenceCalibrator.apply(scored.records(), calibration, 0));
    }
    out.flush();
    return calibration;
  }

  /** Calibrates each fold of a KnowledgeNet set by a fit to its other folds, and reports. */
  private void crossValidate(Predictions set) throws IOException {
    KnowledgeNet gold = KnowledgeNet.read(set.gold());
    Scored all = scored(set, Set.of());
    List<String> calibrated = new ArrayList<>();
    for (int fold : gold.folds()) {
      Set<Integer> others = new TreeSet<>(gold.folds());
      others.remove(fold);
      if (others.isEmpty()) {
        throw new ExtractionException(
            set.gold() + " has one fold only; cross-validation needs two or more");
      }
      Scored training = scored(set, others);
      ConfidenceCalibration calibration =
          ConfidenceCalibrator.fit(
              List.of(
                  new ConfidenceCalibrator.Sample(
                      training.records(), training.judge("fold" + fold + "-fit"))));
      List<String> own = new ArrayList<>();
      for (String line : all.records()) {
        JsonNode record = JSON.readTree(line);
        KnowledgeNet.Document document = gold.document(record.path("documentId").asString());
        if (document != null && document.fold() == fold) {
          own.add(line);
        }
      }
      calibrated.addAll(ConfidenceCalibrator.apply(own, calibration, 0));
    }
    compare(
        set.gold().getFileName() + " (cross-validated: each fold calibrated on the others)",
        all,
        all.records(),
        calibrated);
  }

  /** Prints reliability before and after, and the facts' scores at each threshold. */
  private void compare(String name, Scored scored, List<String> before, List<String> after)
      throws IOException {
    Reliability.measure(before, scored.judge("before"), EvaluationReport.RELIABILITY_BINS)
        .print(out, "Reliability on " + name + " before calibration");
    Reliability.measure(after, scored.judge("after"), EvaluationReport.RELIABILITY_BINS)
        .print(out, "Reliability on " + name + " after calibration");
    out.println();
    out.println("Facts on " + name + " by threshold (before | after calibration)");
    out.printf(
        "%-9s %6s %6s %6s %6s | %6s %6s %6s %6s%n",
        "threshold", "facts", "P", "R", "F1", "facts", "P", "R", "F1");
    for (double threshold : options.thresholds()) {
      List<String> rawKept =
          ConfidenceCalibrator.apply(before, ConfidenceCalibration.identity(), threshold);
      List<String> kept =
          ConfidenceCalibrator.apply(after, ConfidenceCalibration.identity(), threshold);
      JsonNode raw = scored.facts(rawKept, "raw-" + threshold);
      JsonNode calibrated = scored.facts(kept, "calibrated-" + threshold);
      out.printf(
          "%-9.2f %6d %6.3f %6.3f %6.3f | %6d %6.3f %6.3f %6.3f%n",
          threshold,
          countFacts(rawKept),
          raw.get("precision").asDouble(),
          raw.get("recall").asDouble(),
          raw.get("f1").asDouble(),
          countFacts(kept),
          calibrated.get("precision").asDouble(),
          calibrated.get("recall").asDouble(),
          calibrated.get("f1").asDouble());
    }
  }

  /** A set's records and the scorer of its gold, restricted to some folds. */
  private record Scored(List<String> records, Scorer scorer, boolean knowledgeNet, String name) {

    FactJudge judge(String purpose) {
      return scorer.judge(name + "-" + purpose, knowledgeNet);
    }

    /** Returns the scorer's figures for the facts of some records. */
    JsonNode facts(List<String> records, String purpose) {
      Path file = scorer.output().resolve(name + "-" + purpose + ".jsonl");
      try {
        Files.write(file, records, StandardCharsets.UTF_8);
        JsonNode result = scorer.score(file, knowledgeNet ? "overlap" : null, null, null);
        return knowledgeNet ? result.get("micro") : result.get("facts");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot score " + file, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExtractionException("interrupted while scoring " + file, e);
      }
    }
  }

  private Scored scored(Predictions set, Set<Integer> folds) throws IOException {
    boolean knowledgeNet = isKnowledgeNet(set.gold());
    Path script = Scorer.script(options.scorers(), knowledgeNet);
    List<String> records =
        Files.readAllLines(set.predictions(), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .toList();
    String name =
        set.gold().getFileName().toString().replaceAll("\\.[^.]*$", "")
            + (folds.isEmpty()
                ? ""
                : "-folds" + String.join("", folds.stream().map(String::valueOf).toList()));
    return new Scored(
        records, new Scorer(script, set.gold(), folds, options.work()), knowledgeNet, name);
  }

  private static boolean isKnowledgeNet(Path gold) throws IOException {
    try (var reader = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      int c;
      do {
        c = reader.read();
      } while (c != -1 && Character.isWhitespace(c));
      return c != '[';
    }
  }

  private static int countFacts(List<String> records) {
    int facts = 0;
    for (String line : records) {
      if (Reliability.isFact(JSON.readTree(line))) {
        facts++;
      }
    }
    return facts;
  }

  private static String names(List<Predictions> sets) {
    Set<String> names = new HashSet<>();
    List<String> ordered = new ArrayList<>();
    for (Predictions set : sets) {
      String name = set.gold().getFileName().toString();
      if (names.add(name)) {
        ordered.add(name);
      }
    }
    return String.join(", ", ordered);
  }
}
