package org.newsgraph.spark;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Spark job's entry point, for {@code spark-submit --class org.newsgraph.spark.NewsgraphJob}:
 * {@code extract} articles into graphs and records, then {@code resolve} the entities across the
 * corpus. Spark's settings (master, executor memory) come from spark-submit.
 */
@Command(
    name = "newsgraph-job",
    mixinStandardHelpOptions = true,
    subcommands = {NewsgraphJob.Extract.class, NewsgraphJob.Resolve.class},
    description = "Newsgraph on Apache Spark: extraction, then corpus-wide entity resolution.")
public final class NewsgraphJob implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new NewsgraphJob()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a step: extract or resolve");
  }

  /** The {@code --master} option, for runs without spark-submit, which sets the master itself. */
  static final class Master {

    @Option(
        names = "--master",
        paramLabel = "URL",
        description = "Spark's master when not run by spark-submit, such as local[2].")
    String url;

    SparkSession session(String name) {
      SparkSession.Builder builder = SparkSession.builder().appName(name);
      if (url != null) {
        builder.master(url).config("spark.ui.enabled", "false");
      }
      return builder.getOrCreate();
    }
  }

  /** {@code extract}: articles in, graphs, records and errors out. */
  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description = "Extracts every article with one NLP pipeline per executor.")
  static final class Extract implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "Articles.")
    String input;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "JSONL",
        description = "How the articles are stored: ${COMPLETION-CANDIDATES} (default: JSONL).")
    ExtractJob.Format format;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "PATH",
        description = "A folder that does not exist yet.")
    String output;

    @Option(
        names = "--partitions",
        defaultValue = "0",
        paramLabel = "N",
        description = "Split the articles into N parts (default: as read).")
    int partitions;

    @Option(
        names = "--threshold",
        defaultValue = "" + ArticleExtractor.DEFAULT_THRESHOLD,
        paramLabel = "P",
        description = "The least confidence a fact needs (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
        names = "--ingested",
        paramLabel = "INSTANT",
        description = "The time stamped on every graph (default: now), as 2026-01-31T12:00:00Z.")
    Instant ingested;

    @Mixin Master master;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      SparkSession spark = master.session("newsgraph-extract");
      long start = System.nanoTime();
      long[] counts =
          ExtractJob.run(
              spark,
              input,
              format,
              output,
              ingested == null ? Instant.now() : ingested,
              threshold,
              partitions);
      double minutes = (System.nanoTime() - start) / 60e9;
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Extracted %,d articles (%,d refused, see %s/errors) in %.1f min: %,.0f articles/min"
              + " with %d cores%n",
          counts[0],
          counts[1],
          output,
          minutes,
          counts[0] / Math.max(minutes, 1e-6),
          spark.sparkContext().defaultParallelism());
      out.flush();
      return 0;
    }
  }

  /** {@code resolve}: the extraction's output in, merged graphs and the merges out. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "Merges the same entity across all articles, recording each merge.")
  static final class Resolve implements Callable<Integer> {

    @Option(
        names = "--input",
        required = true,
        paramLabel = "PATH",
        description = "The output folder of extract.")
    String input;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "PATH",
        description = "A folder that does not exist yet.")
    String output;

    @Mixin Master master;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      SparkSession spark = master.session("newsgraph-resolve");
      long merges = ResolveJob.run(spark, input, output);
      spec.commandLine()
          .getOut()
          .printf("%,d merges (see %s/merges); graphs in %s/graphs%n", merges, output, output);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
