package org.newsgraph.extract.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsgraph.extract.relation.ClassifierRelationExtractor;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an evaluation prints once both systems have run: each scorer's own report, then a summary of
 * F1 side by side (by relation for KnowledgeNet; facts, events and quotes for news), and the facts
 * of each fact extractor scored alone, so that each one's share shows, and the reliability of the
 * facts' confidence.
 */
final class EvaluationReport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How many bins of confidence the reliability table has. */
  static final int RELIABILITY_BINS = 10;

  private final Scorer scorer;
  private final PrintWriter out;

  /**
   * @param scorer the scorer of the gold file, which says the folds and the output folder
   * @param out where the reports go
   */
  EvaluationReport(Scorer scorer, PrintWriter out) {
    this.scorer = scorer;
    this.out = out;
  }

  /**
   * Scores both systems' predictions with overlapping and with exact spans, and prints F1 by
   * relation side by side.
   *
   * @param stock the reference's predictions, or {@code null} if it did not run
   */
  void knowledgeNet(Path ours, Path stock) throws IOException, InterruptedException {
    Map<String, JsonNode> results = new TreeMap<>();
    for (String match : List.of("overlap", "exact")) {
      results.put(
          "newsgraph-" + match, scorer.score(ours, match, out, "Newsgraph, " + match + " spans"));
      if (stock != null) {
        results.put(
            "stock-" + match,
            scorer.score(stock, match, out, "stock CoreNLP KBP, " + match + " spans"));
      }
    }
    out.println();
    out.println(
        "Summary (F1; KnowledgeNet"
            + (scorer.folds().isEmpty() ? "" : " folds " + scorer.folds())
            + ")");
    out.printf(
        "%-24s %6s %12s %12s %12s %12s%n",
        "relation", "gold", "stock", "newsgraph", "stock", "newsgraph");
    out.printf("%-24s %6s %12s %12s %12s %12s%n", "", "", "overlap", "overlap", "exact", "exact");
    JsonNode mine = results.get("newsgraph-overlap");
    for (JsonNode row : mine.get("per_relation")) {
      String relation = row.get("relation").asString();
      out.printf(
          "%-24s %6d %12s %12.3f %12s %12.3f%n",
          relation,
          row.get("gold").asInt(),
          f1(results.get("stock-overlap"), relation),
          row.get("f1").asDouble(),
          f1(results.get("stock-exact"), relation),
          relationF1(results.get("newsgraph-exact"), relation));
    }
    out.printf(
        "%-24s %6d %12s %12.3f %12s %12.3f%n",
        "MICRO",
        mine.get("micro").get("TP").asInt() + mine.get("micro").get("FN").asInt(),
        micro(results.get("stock-overlap")),
        mine.get("micro").get("f1").asDouble(),
        micro(results.get("stock-exact")),
        results.get("newsgraph-exact").get("micro").get("f1").asDouble());
  }

  /**
   * Scores both systems' predictions and prints F1 of facts, events and quotes side by side.
   *
   * @param stock the reference's predictions, or {@code null} if it did not run
   */
  void news(Path ours, Path stock) throws IOException, InterruptedException {
    JsonNode mine = scorer.score(ours, null, out, "Newsgraph");
    JsonNode theirs = stock == null ? null : scorer.score(stock, null, out, "stock CoreNLP KBP");
    out.println();
    out.println("Summary (F1)");
    out.printf("%-8s %12s %12s%n", "", "stock", "newsgraph");
    for (String kind : List.of("facts", "events", "quotes")) {
      out.printf(
          "%-8s %12s %12.3f%n",
          kind,
          theirs == null ? "-" : String.format("%.3f", theirs.get(kind).get("f1").asDouble()),
          mine.get(kind).get("f1").asDouble());
    }
  }

  /**
   * Scores the facts of each fact extractor alone (a fact that both found counts for both), beside
   * all of them together, so that each one's share shows.
   */
  void contributions(Path ours, boolean knowledgeNet) throws IOException, InterruptedException {
    out.println();
    out.println("Facts by extractor (" + (knowledgeNet ? "overlapping spans" : "news") + ")");
    out.printf("%-12s %9s %9s %9s%n", "extractor", "precision", "recall", "F1");
    List<String> records = Files.readAllLines(ours, StandardCharsets.UTF_8);
    for (String name :
        List.of(PatternRelationExtractor.NAME, ClassifierRelationExtractor.NAME, "all")) {
      Path subset = scorer.output().resolve("newsgraph-by-" + name + ".jsonl");
      Files.write(
          subset,
          records.stream()
              .filter(
                  line -> {
                    JsonNode record = JSON.readTree(line);
                    return name.equals("all")
                        || !record.path("kind").asString().equals("fact")
                        || record.path("extractor").asString().contains(name);
                  })
              .toList(),
          StandardCharsets.UTF_8);
      JsonNode result = scorer.score(subset, knowledgeNet ? "overlap" : null, null, null);
      JsonNode facts = knowledgeNet ? result.get("micro") : result.get("facts");
      out.printf(
          "%-12s %9.3f %9.3f %9.3f%n",
          name,
          facts.get("precision").asDouble(),
          facts.get("recall").asDouble(),
          facts.get("f1").asDouble());
    }
  }

  /**
   * Prints the reliability of the facts' confidence: the facts binned by confidence, each bin
   * scored alone, beside its mean confidence.
   */
  void reliability(Path ours, boolean knowledgeNet) throws IOException {
    Reliability.measure(
            Files.readAllLines(ours, StandardCharsets.UTF_8),
            scorer.judge("newsgraph-reliability", knowledgeNet),
            RELIABILITY_BINS)
        .print(
            out,
            "Reliability of facts' confidence ("
                + (knowledgeNet ? "overlapping spans" : "news")
                + "; each bin scored alone)");
  }

  private static String f1(JsonNode result, String relation) {
    if (result == null) {
      return "-";
    }
    return String.format("%.3f", relationF1(result, relation));
  }

  private static double relationF1(JsonNode result, String relation) {
    for (JsonNode row : result.get("per_relation")) {
      if (row.get("relation").asString().equals(relation)) {
        return row.get("f1").asDouble();
      }
    }
    return 0;
  }

  private static String micro(JsonNode result) {
    return result == null ? "-" : String.format("%.3f", result.get("micro").get("f1").asDouble());
  }
}
