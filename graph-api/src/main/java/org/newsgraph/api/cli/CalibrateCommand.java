package org.newsgraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.extract.eval.CalibrationFitting;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph calibrate}: what facts' confidence means, fitted to development sets. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fits the calibration of facts' confidence (for the rules alone, the classifier alone and"
          + " both, each stated confidence becomes the fraction of such facts the scorers held"
          + " right) to predictions that 'eval --raw-confidence' wrote, and writes it for the"
          + " pipeline. Prints the reliability of each set before, and with --cross-validate and"
          + " --test, reliability and facts' P/R/F1 by threshold before and after on data the"
          + " calibration never saw. The calibration kept in the project was made with:",
      "  ./newsgraph eval ../shared/eval/knowledgenet/dev.folds1-3.jsonl --cross-validate"
          + " --raw-confidence --no-reference --no-link --out target/eval-kn",
      "  ./newsgraph eval graph-extract/src/test/resources/eval/news-dev.json --raw-confidence"
          + " --no-reference --no-link --out target/eval-news-dev",
      "  ./newsgraph calibrate --fit ../shared/eval/knowledgenet/dev.folds1-3.jsonl"
          + " target/eval-kn/newsgraph.jsonl --fit graph-extract/src/test/resources/eval/news-dev.json"
          + " target/eval-news-dev/newsgraph.jsonl --cross-validate"
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Option(
      names = "--fit",
      arity = "2",
      paramLabel = "GOLD PREDICTIONS",
      hideParamSyntax = true,
      required = true,
      description =
          "A development set to fit to: its gold file and predictions with raw confidences"
              + " (repeatable).")
  List<Path> fit = new ArrayList<>();

  @Option(
      names = "--test",
      arity = "2",
      paramLabel = "GOLD PREDICTIONS",
      hideParamSyntax = true,
      description =
          "A held-out set the calibration is only applied to, for the report (repeatable).")
  List<Path> test = new ArrayList<>();

  @Option(
      names = "--cross-validate",
      description =
          "Also report each KnowledgeNet fit set by cross-validation: every fold calibrated by a"
              + " fit to the set's other folds.")
  boolean crossValidate;

  @Mixin ScorersOption scorers;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Where subsets and their scores go (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/calibrate")
  Path work;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where the calibration goes (default: ${DEFAULT-VALUE}).",
      defaultValue = "graph-extract/src/main/resources/" + ConfidenceCalibration.RESOURCE)
  Path output;

  @Option(names = "--no-write", description = "Report only; write no calibration.")
  boolean noWrite;

  @Option(
      names = "--thresholds",
      split = ",",
      paramLabel = "P",
      description = "Thresholds at which to report facts' P/R/F1 (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.3,0.5,0.6,0.7,0.8,0.9")
  List<Double> thresholds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (double threshold : thresholds) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException(
            "--thresholds must lie between 0 and 1, got " + threshold);
      }
    }
    new CalibrationFitting(
            new CalibrationFitting.Options(
                sets(fit),
                sets(test),
                crossValidate,
                scorers.folder(),
                work,
                noWrite ? null : output,
                thresholds),
            spec.commandLine().getOut())
        .run();
    return 0;
  }

  private static List<CalibrationFitting.Predictions> sets(List<Path> paths) {
    List<CalibrationFitting.Predictions> sets = new ArrayList<>();
    for (int i = 0; i + 1 < paths.size(); i += 2) {
      for (Path path : List.of(paths.get(i), paths.get(i + 1))) {
        if (!Files.isRegularFile(path)) {
          throw new IllegalArgumentException("no file at " + path.toAbsolutePath().normalize());
        }
      }
      sets.add(new CalibrationFitting.Predictions(paths.get(i), paths.get(i + 1)));
    }
    return sets;
  }
}
