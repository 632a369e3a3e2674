package org.newsgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Markdown report of a bench run: a heading that gives the command line and the machine, then
 * one section for each part measured, in the order the parts ran. The bench hands each section the
 * figures it measured; this class words and tabulates them, and computes only the ratios.
 */
final class BenchReport {

  private final StringBuilder report = new StringBuilder();

  /**
   * @param arguments the arguments the bench was started with, as typed
   * @throws IOException if the machine's description cannot be read
   */
  BenchReport(List<String> arguments) throws IOException {
    report
        .append("# Newsgraph benchmarks\n\n")
        .append("Produced by `./newsgraph bench")
        .append(
            arguments.stream()
                .map(argument -> " " + argument)
                .collect(java.util.stream.Collectors.joining()))
        .append("` on ")
        .append(LocalDate.now())
        .append(".\n\n")
        .append(machine())
        .append('\n');
  }

  /**
   * The extraction section: Newsgraph against stock CoreNLP.
   *
   * @param ours Newsgraph's extraction figures, as its worker reported them
   * @param stock stock CoreNLP's, as its worker reported them
   * @param threads the extraction threads of both
   */
  void extraction(JsonNode ours, JsonNode stock, int threads) {
    // Both read the same articles with the same tokenizer: rates count Newsgraph's tokens, as
    // stock CoreNLP reports none for an article its quote annotator fails on.
    double tokens = ours.get("tokens").asDouble();
    double stockSeconds = stock.get("seconds").asDouble();
    Map<String, Object> stockFigures = new LinkedHashMap<>();
    stock.properties().forEach(p -> stockFigures.put(p.getKey(), p.getValue()));
    stockFigures.put("tokensPerSecond", tokens / stockSeconds);
    JsonNode theirs = JsonMapper.shared().valueToTree(stockFigures);
    report
        .append("## Extraction\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d generated news articles (%,d tokens), %d threads, each pipeline warmed up by"
                    + " passes over all of them until a pass took within 5%% of the one before"
                    + " (Newsgraph %s s, stock CoreNLP %s s), then timed over %d passes of which"
                    + " the median is shown (Newsgraph %s s, stock CoreNLP %s s), each in a JVM of"
                    + " its own (peak resident memory is the process's VmHWM).%n%n",
                ours.get("articles").asInt(),
                ours.get("tokens").asLong(),
                threads,
                passes(ours, "warmUpSeconds"),
                passes(theirs, "warmUpSeconds"),
                ExtractionBench.TIMED_PASSES,
                passes(ours, "passSeconds"),
                passes(theirs, "passSeconds")))
        .append("| | Newsgraph | stock CoreNLP (tokenize..coref, kbp, quote) | ratio |\n")
        .append("|---|---:|---:|---:|\n")
        .append(row("tokens per second", ours, theirs, "tokensPerSecond", "%,.0f", true))
        .append(row("articles per minute", ours, theirs, "articlesPerMinute", "%,.1f", true))
        .append(row("peak resident memory, MB", ours, theirs, "peakRssMb", "%,.0f", false))
        .append(row("pipeline load, s", ours, theirs, "loadSeconds", "%.1f", false))
        .append(
            String.format(
                Locale.ROOT,
                "%nStock CoreNLP failed on %d of the articles in one pass or more (its quote"
                    + " annotator throws on some texts, not always the same ones from pass to"
                    + " pass); the time spent on them counts.%n%n",
                theirs.get("failed").asInt()));
  }

  /**
   * The ingest section: Newsgraph an article a transaction, in batches, and Jena's bulk loader.
   *
   * @param ingest the figures Newsgraph's worker reported
   * @param articles the generated articles, each of which was stored several times
   */
  void ingest(JsonNode ingest, int articles) {
    report
        .append("## Ingest\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "The extracted articles, each stored %d times under new ids: %,d articles, %,d facts,"
                    + " %,d quads with provenance, mentions and the name index. Jena's parallel bulk"
                    + " loader loads the same quads (exported from Newsgraph's store) into an empty"
                    + " TDB2 database.%n%n",
                ingest.get("articles").asInt() / Math.max(1, articles),
                ingest.get("articles").asInt(),
                ingest.get("facts").asLong(),
                ingest.get("quads").asLong()))
        .append(
            "| | seconds | facts per second | quads per second | time against the bulk loader |\n")
        .append("|---|---:|---:|---:|---:|\n")
        .append(ingestRow("Newsgraph, an article a transaction", ingest, "single"))
        .append(
            ingestRow(
                "Newsgraph, " + IngestBench.BATCH + " articles a transaction", ingest, "batched"))
        .append(ingestRow("Jena's bulk loader (parallel)", ingest, "bulk"))
        .append('\n');
  }

  /**
   * The section on ingest as the graph grows: each stretch's rate, then the whole run against
   * Jena's bulk loader over the same quads.
   */
  void growth(GrowthBench.Figures figures) {
    report
        .append("## Ingest as the graph grows\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Generated extractions (made up in bulk: NLP is measured above) stored through the"
                    + " ingest pipeline every way in uses, resolution included, %d articles a"
                    + " transaction, into one TDB2 store, after a warm-up on a scratch store; each"
                    + " stretch is timed apart, and the store compacted every %,d articles (TDB2"
                    + " keeps the blocks each write replaced until then), which the rates leave"
                    + " out. Jena's parallel bulk loader then loads the same"
                    + " %,d quads (%,.0f an article, exported from Newsgraph's store: provenance,"
                    + " mentions, the name index and the resolution graph included) into an empty"
                    + " database.%n%n",
                IngestBench.BATCH,
                GrowthBench.COMPACT_EVERY,
                figures.quads(),
                (double) figures.quads() / figures.articles()))
        .append(
            "| articles in the store | articles per second | facts per second"
                + " | seconds per 1,000 articles | compacting, seconds | on disk at the end, GB |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (GrowthBench.Stretch stretch : figures.stretches()) {
      report.append(
          String.format(
              Locale.ROOT,
              "| %,d to %,d | %,.0f | %,.0f | %.1f | %.1f | %.1f |%n",
              stretch.from() + 1,
              stretch.to(),
              stretch.articlesPerSecond(),
              stretch.factsPerSecond(),
              1000 / stretch.articlesPerSecond(),
              stretch.compactSeconds(),
              stretch.bytes() / 1e9));
    }
    report
        .append("\n| | seconds | quads per second | time against the bulk loader |\n")
        .append("|---|---:|---:|---:|\n")
        .append(
            String.format(
                Locale.ROOT,
                "| Newsgraph, %,d articles | %.1f | %,.0f | %.2fx |%n",
                figures.articles(),
                figures.seconds(),
                figures.quads() / figures.seconds(),
                figures.seconds() / figures.bulkSeconds()))
        .append(
            String.format(
                Locale.ROOT,
                "| Jena's bulk loader (parallel) | %.1f | %,.0f | 1.00x |%n%n",
                figures.bulkSeconds(),
                figures.quads() / figures.bulkSeconds()));
  }

  /**
   * Opens the queries section: what was served, by whom and how it was measured, and the table's
   * head.
   *
   * @param graphArticles the articles of the generated graph
   * @param triples the quads both servers hold
   * @param fusekiVersion the version of Fuseki measured
   * @param serverHeap the heap of each server
   * @param seconds how long each question ran at each number of clients
   */
  void queries(
      int graphArticles, long triples, String fusekiVersion, String serverHeap, int seconds) {
    report
        .append("## Queries\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "A generated graph of %,d articles and %,d quads (entities shared across articles,"
                    + " facts with provenance, events, quotes, mentions), served by Newsgraph"
                    + " (`./newsgraph serve`, its NLP pipeline not loaded) and by Fuseki"
                    + " (jena-fuseki-main %s, its `fuseki-main` command with a TDB2 dataset of"
                    + " `tdb2:unionDefaultGraph true`) over a copy of the same TDB2 data, each in"
                    + " a JVM of its own with -Xmx%s, neither logging requests. Both are first"
                    + " warmed up on every question"
                    + " for 2 s; then each client sends its next request when the last is"
                    + " answered, for %d s a measurement and side, taken in %d rounds of equal"
                    + " time that alternate between the sides (Newsgraph first in odd rounds,"
                    + " Fuseki first in even ones), so that both meet the same state of the"
                    + " machine. Latencies in milliseconds over all rounds; ratio = Fuseki's time"
                    + " over Newsgraph's (above 1: Newsgraph faster) and Newsgraph's throughput"
                    + " over Fuseki's.%n%n",
                graphArticles,
                triples,
                fusekiVersion,
                serverHeap,
                seconds,
                QueryBench.ROUNDS))
        .append(
            "| question | clients | Newsgraph median / p95 | Fuseki median / p95 |"
                + " Newsgraph / Fuseki per s | ratio median | ratio p95 | ratio throughput |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  }

  /**
   * Adds a row to the queries table: one question at one number of clients, both sides.
   *
   * @return the row, for the progress log
   */
  String queryRow(
      QueryBench.Question question, int clients, QueryBench.Figures a, QueryBench.Figures b) {
    String line =
        String.format(
            Locale.ROOT,
            "| %s | %d | %.1f / %.1f | %.1f / %.1f | %.0f / %.0f | %.2f | %.2f | %.2f |%n",
            question.name(),
            clients,
            a.medianMs(),
            a.p95Ms(),
            b.medianMs(),
            b.p95Ms(),
            a.perSecond(),
            b.perSecond(),
            b.medianMs() / a.medianMs(),
            b.p95Ms() / a.p95Ms(),
            a.perSecond() / b.perSecond());
    report.append(line);
    return line;
  }

  /** Closes the queries section. */
  void endQueries() {
    report.append('\n');
  }

  /**
   * The start-up section: until the server answers SPARQL, its steps as it logged them, and until
   * its NLP pipeline is loaded.
   *
   * <p>The CPU time and the machine's load beside the clock's figures tell a slower start from a
   * busier machine: other work on the cores stretches the seconds, much less the CPU time.
   *
   * @param graphArticles the articles of the store the server opened
   * @param load the machine's load average over the last minute when the server was launched
   * @param sparql the seconds until {@code /sparql} answered
   * @param cpu the CPU seconds the server had used by then
   * @param steps the steps the server logged
   * @param nlp the seconds until the NLP pipeline was loaded
   */
  void startup(
      int graphArticles, double load, double sparql, double cpu, StartupLog steps, double nlp) {
    report
        .append("## Start-up\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "`./newsgraph serve` launched on the %,d-article store (a new JVM, timed from the"
                    + " launch; the steps as the server logged them in `startup.log`), with the"
                    + " machine's load average at %.2f over the minute before:%n%n"
                    + "| until | seconds |%n|---|---:|%n| `/sparql` answers | %.1f |%n"
                    + "| of which the JVM, until Spring's context was ready (Spring's \"process"
                    + " running for\") | %s |%n"
                    + "| of which the Spring context (Spring's \"started in\") | %s |%n"
                    + "| of which, in the context, opening the store | %s |%n"
                    + "| of which, in opening the store, checking the name index | %s |%n"
                    + "| the NLP pipeline is loaded (ingest ready) | %.1f |%n"
                    + "| CPU time the server had used when `/sparql` answered (all its threads) |"
                    + " %.1f |%n%n",
                graphArticles,
                load,
                sparql,
                steps.process(),
                steps.context(),
                steps.store(),
                steps.nameIndex(),
                nlp,
                cpu));
  }

  /** Writes the report, creating the folder it goes in. */
  void write(Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
  }

  private static String row(
      String name,
      JsonNode ours,
      JsonNode theirs,
      String field,
      String format,
      boolean higherIsBetter) {
    double a = ours.get(field).asDouble();
    double b = theirs.get(field).asDouble();
    return String.format(
        Locale.ROOT,
        "| %s | " + format + " | " + format + " | %.2fx |%n",
        name,
        a,
        b,
        higherIsBetter ? a / b : b / a);
  }

  /** The seconds of each extraction pass of a kind, as "15.1 / 14.8 / 15.3". */
  private static String passes(JsonNode figures, String field) {
    List<String> seconds = new ArrayList<>();
    figures
        .get(field)
        .forEach(pass -> seconds.add(String.format(Locale.ROOT, "%.1f", pass.asDouble())));
    return String.join(" / ", seconds);
  }

  private static String ingestRow(String name, JsonNode ingest, String prefix) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %,.0f | %,.0f | %.2fx |%n",
        name,
        ingest.get(prefix + "Seconds").asDouble(),
        ingest.get(prefix + "FactsPerSecond").asDouble(),
        ingest.get(prefix + "QuadsPerSecond").asDouble(),
        ingest.get(prefix + "Seconds").asDouble() / ingest.get("bulkSeconds").asDouble());
  }

  private static String machine() throws IOException {
    Runtime runtime = Runtime.getRuntime();
    String cpu = "unknown";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      cpu =
          Files.readAllLines(cpuinfo).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
    }
    long memory =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return String.format(
        Locale.ROOT,
        "Machine: %d processors (%s), %.0f GB of memory, %s %s, Java %s (%s).%n",
        runtime.availableProcessors(),
        cpu,
        memory / 1e9,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }
}
