package org.newsgraph.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.newsgraph.extract.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph eval}: extraction scored against a gold file, beside stock CoreNLP. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Runs extraction over a gold file and prints the scorers' reports: KnowledgeNet JSON lines are"
          + " scored by score_kn.py (overlapping and exact spans), a JSON array of news articles by"
          + " score_news.py. Stock CoreNLP KBP is scored in the same run as the reference row, and"
          + " the throughput of both is printed. Needs python3 and the scorers' folder."
    })
public final class EvalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "GOLD", description = "The gold file.")
  Path gold;

  @Mixin ScorersOption scorers;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where predictions and scores go (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/eval")
  Path output;

  @Option(
      names = "--folds",
      split = ",",
      paramLabel = "N",
      description = "KnowledgeNet folds to evaluate (default: all in the file).")
  List<Integer> folds = List.of();

  @Option(names = "--limit", paramLabel = "N", description = "Evaluate the first N documents only.")
  int limit;

  @Option(names = "--no-reference", description = "Do not run stock CoreNLP.")
  boolean noReference;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Keep CoreNLP's annotations here between runs (throughput is then not measured).")
  Path cache;

  @Option(
      names = "--cross-validate",
      description =
          "For KnowledgeNet: score each fold with a relation model trained on the other"
              + " folds, not with the model kept in the project (which learnt from all of them).")
  boolean crossValidate;

  @Mixin ExtractionOptions extraction;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    new Evaluation(
            new Evaluation.Options(
                gold,
                scorers.folder(),
                output,
                Set.copyOf(folds),
                limit,
                !noReference,
                extraction.threads(),
                cache,
                extraction.extractor(),
                crossValidate),
            spec.commandLine().getOut(),
            spec.commandLine().getErr())
        .run();
    return 0;
  }
}
