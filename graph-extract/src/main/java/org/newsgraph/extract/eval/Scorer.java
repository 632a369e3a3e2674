package org.newsgraph.extract.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.extract.ExtractionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the project's Python scorers ({@code score_kn.py}, {@code score_news.py}) on a
 * predictions file against the gold file.
 */
record Scorer(Path script, Path gold, Set<Integer> folds, Path output) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Returns the scorer script for a kind of gold in the scorers' folder.
   *
   * @throws ExtractionException if the folder does not hold it
   */
  static Path script(Path scorers, boolean knowledgeNet) {
    Path script = scorers.resolve(knowledgeNet ? "score_kn.py" : "score_news.py");
    if (!Files.isRegularFile(script)) {
      throw new ExtractionException(
          "the scorer "
              + script
              + " is missing; give the folder that holds score_kn.py and score_news.py"
              + " (../shared/eval in the project's workspace)");
    }
    return script;
  }

  /**
   * Scores a predictions file, keeping the scorer's report and figures in the output folder.
   *
   * @param match for KnowledgeNet, "overlap" or "exact" spans; {@code null} for news
   * @param out where to print the scorer's report under the title, or {@code null} for nowhere
   * @return the figures the scorer wrote as JSON
   */
  JsonNode score(Path predictions, String match, PrintWriter out, String title)
      throws IOException, InterruptedException {
    String name =
        predictions.getFileName().toString().replace(".jsonl", "")
            + (match == null ? "" : "-" + match);
    Path json = output.resolve(name + ".score.json");
    List<String> command =
        new ArrayList<>(
            List.of("python3", script.toString(), gold.toString(), predictions.toString()));
    if (match != null) {
      command.addAll(List.of("--match", match));
      if (!folds.isEmpty()) {
        command.addAll(
            List.of(
                "--folds",
                String.join(",", folds.stream().sorted().map(String::valueOf).toList())));
      }
    }
    command.addAll(List.of("--json", json.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ExtractionException(
          "cannot run python3, which the scorers need: " + e.getMessage(), e);
    }
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new ExtractionException("the scorer " + script + " failed:\n" + report);
    }
    Files.writeString(output.resolve(name + ".score.txt"), report);
    if (out != null) {
      out.println();
      out.println("== " + title + " ==");
      out.print(report);
    }
    return JSON.readTree(json.toFile());
  }

  /**
   * Returns a judge of facts by this scorer: each set is written to a file of its own in the output
   * folder and scored alone (with overlapping spans for KnowledgeNet), and its true and false
   * positives are the facts right and wrong. Both scorers count a false positive for each fact that
   * matches no gold fact, and a true positive for each gold fact that some fact of the set matches,
   * so a set's precision is the fraction of its facts that are right, counting facts that state the
   * same gold fact once.
   *
   * @param prefix what the files' names begin with
   * @param knowledgeNet whether this scores KnowledgeNet (else news)
   */
  FactJudge judge(String prefix, boolean knowledgeNet) {
    AtomicInteger sets = new AtomicInteger();
    return facts -> {
      Path subset = output.resolve(prefix + "-" + sets.incrementAndGet() + ".jsonl");
      try {
        Files.write(subset, facts, StandardCharsets.UTF_8);
        JsonNode result = score(subset, knowledgeNet ? "overlap" : null, null, null);
        JsonNode counts = knowledgeNet ? result.get("micro") : result.get("facts");
        return new FactJudge.Judgement(counts.get("TP").asInt(), counts.get("FP").asInt());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot score " + subset, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExtractionException("interrupted while scoring " + subset, e);
      }
    };
  }
}
