package org.newsgraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.cmds.FusekiMainCmd;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.extract.link.WikiDict;
import org.newsgraph.extract.read.ArticleReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code newsgraph bench}: Newsgraph side by side with what users would run instead (stock CoreNLP,
 * Jena's bulk loader, Fuseki), on this machine, in one run; the figures go to a Markdown file.
 *
 * <p>This class is the command line and the course of a run: which parts run, what each worker and
 * server is asked to do, and which figures go to the report. The processes it starts are {@link
 * BenchProcesses}', the questions asked of the servers {@link QueryMix}'s, and the wording of the
 * report {@link BenchReport}'s.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures extraction (against stock CoreNLP with coref, KBP and quotes), ingest (against"
          + " Jena's bulk loader), ingest as the graph grows to 100,000 articles (against the bulk"
          + " loader), queries over HTTP at 1, 4 and 16 clients (against Fuseki over a copy of the"
          + " same TDB2 data) and start-up, and writes the figures to bench/RESULTS.md.",
      "Takes about an hour with the defaults (the growth run half of it). Each extraction side runs in a process of its"
          + " own, so that its peak memory is its own; so do the two servers, Newsgraph started as"
          + " ./newsgraph serve and Fuseki as its own command starts it."
    })
public final class BenchCommand implements Callable<Integer> {

  private static final int[] CLIENTS = {1, 4, 16};

  /** Fuseki's configuration, and the servers' logs, in the work folder. */
  private static final String FUSEKI_CONFIG = "fuseki.ttl";

  private static final String FUSEKI_LOG = "fuseki.log";
  private static final String NEWSGRAPH_LOG = "newsgraph-serve.log";
  private static final String STARTUP_LOG = "startup.log";

  /** The query string of a SPARQL query that any server answers at once. */
  private static final String ASK_ANYTHING =
      "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);

  @Option(
      names = "--articles",
      description = "Generated articles to extract (default: ${DEFAULT-VALUE}).",
      defaultValue = "300")
  int articles;

  @Option(
      names = "--graph-articles",
      description =
          "Articles in the generated query graph, about 260 triples each (default:"
              + " ${DEFAULT-VALUE}, a million triples).",
      defaultValue = "4000")
  int graphArticles;

  @Option(
      names = "--growth-articles",
      description =
          "Generated articles stored in the growth run, which reports the rate at 1,000, 10,000"
              + " and 100,000 (default: ${DEFAULT-VALUE}).",
      defaultValue = "100000")
  int growthArticles;

  @Option(
      names = "--seconds",
      description =
          "How long each query runs at each number of clients (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int seconds;

  @Option(
      names = "--threads",
      description = "Extraction threads (default: the processors, ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int threads;

  @Option(
      names = "--encoder",
      description =
          "Newsgraph's extraction with the relation classifier that weighs the transformer"
              + " encoder's vectors (models/relations-encoder.ser.gz), as 'extract --encoder'.")
  boolean encoder;

  @Option(
      names = "--only",
      split = ",",
      description = "Some of: extraction, ingest, growth, query, startup (default: all).")
  Set<String> only;

  @Option(
      names = "--work",
      description = "Where the stores and files go (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/bench")
  Path work;

  @Option(
      names = "--keep-work",
      description = "Keep the stores and files made in --work (some GB) instead of deleting them.")
  boolean keepWork;

  @Option(
      names = "--out",
      description = "The report (default: ${DEFAULT-VALUE}).",
      defaultValue = "bench/RESULTS.md")
  Path out;

  @Option(names = "--worker", hidden = true)
  String worker;

  @Option(names = "--corpus", hidden = true)
  Path corpus;

  @Option(names = "--port", hidden = true)
  int port;

  @Spec CommandSpec spec;

  private BenchReport report;

  private BenchProcesses processes;

  @Override
  public Integer call() throws Exception {
    if (worker != null) {
      return work();
    }
    deleteRecursively(work);
    Files.createDirectories(work);
    processes = new BenchProcesses(work);
    report = new BenchReport(spec.commandLine().getParseResult().originalArgs());
    if (wanted("extraction") || wanted("ingest")) {
      extractionAndIngest();
    }
    if (wanted("growth")) {
      report.growth(
          GrowthBench.run(
              growthArticles,
              GrowthBench.MARKS,
              GrowthBench.WARM_UP,
              work,
              BenchCommand::progress));
    }
    if (wanted("query") || wanted("startup")) {
      Path store = work.resolve("query-store");
      SyntheticGraph.store(store, graphArticles, BenchCommand::progress);
      if (wanted("query")) {
        queries(store);
      }
      if (wanted("startup")) {
        startup(store);
      }
    }
    report.write(out);
    progress("report written to " + out.toAbsolutePath().normalize());
    if (!keepWork) {
      deleteRecursively(work);
    }
    return 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Extraction and ingest, each side in a process of its own

  private void extractionAndIngest() throws Exception {
    Path corpusFile = work.resolve("corpus.jsonl");
    Files.writeString(corpusFile, ArticleReader.jsonLines(new NewsCorpus(42).articles(articles)));
    progress(
        "extraction: Newsgraph on " + articles + " generated articles, " + threads + " threads");
    Map<String, JsonNode> newsgraph = runWorker("newsgraph", "6g", corpusFile);
    progress("extraction: stock CoreNLP (coref, KBP, quote) on the same articles");
    Map<String, JsonNode> stock =
        wanted("extraction") ? runWorker("stock", "14g", corpusFile) : null;

    if (wanted("extraction") && stock != null) {
      report.extraction(newsgraph.get("extraction"), stock.get("extraction"), threads);
    }
    if (wanted("ingest")) {
      report.ingest(newsgraph.get("ingest"), articles);
    }
  }

  private Map<String, JsonNode> runWorker(String side, String heap, Path articlesFile)
      throws Exception {
    List<String> command = new ArrayList<>(BenchProcesses.javaCommand("-Xmx" + heap));
    command.addAll(
        List.of(
            "--worker",
            side,
            "--work",
            work.toString(),
            "--threads",
            String.valueOf(threads),
            "--corpus",
            articlesFile.toString()));
    if (encoder) {
      command.add("--encoder");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, JsonNode> results = new LinkedHashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("RESULT ")) {
          String[] parts = line.split(" ", 3);
          results.put(parts[1], JsonMapper.shared().readTree(parts[2]));
        } else if (line.startsWith("  ")) {
          progress(side + line);
        }
      }
    }
    if (process.waitFor() != 0 || results.isEmpty()) {
      throw new IllegalStateException("the " + side + " extraction process failed");
    }
    progress(side + ": " + results.get("extraction"));
    return results;
  }

  /** Runs the benchmarks (or, with the hidden {@code --worker}, one side of one) and exits. */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BenchCommand()).setCommandName("newsgraph bench");
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          command
              .getErr()
              .println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return 1;
        });
    System.exit(cli.execute(args));
  }

  /**
   * The worker side: extraction (and for Newsgraph, ingest) in this process, or Fuseki serving the
   * configuration in the work folder until it is stopped.
   */
  private int work() throws Exception {
    if (worker.equals("fuseki")) {
      // Fuseki's command would set up Log4j 2, which this program does not carry: its logs go
      // where the bench's do, warnings only, so that neither server logs each request.
      FusekiLogging.markInitialized(true);
      FusekiMainCmd.main(
          "--config=" + work.resolve(FUSEKI_CONFIG), "--port=" + port, "--localhost");
      return 0;
    }
    List<Article> corpusArticles = new ArticleReader().readFile(corpus);
    PrintWriter stdout = spec.commandLine().getOut();
    if (worker.equals("stock")) {
      stdout.println(
          "RESULT extraction "
              + JsonMapper.shared()
                  .writeValueAsString(ExtractionBench.stock(corpusArticles, threads)));
    } else {
      Map.Entry<Map<String, Object>, List<Extraction>> ours =
          ExtractionBench.newsgraph(corpusArticles, threads, encoder);
      stdout.println("RESULT extraction " + JsonMapper.shared().writeValueAsString(ours.getKey()));
      stdout.flush();
      System.err.println("  ingest: storing the extractions three ways");
      stdout.println(
          "RESULT ingest "
              + JsonMapper.shared().writeValueAsString(IngestBench.run(ours.getValue(), 10, work)));
    }
    stdout.flush();
    return 0;
  }

  // ---------------------------------------------------------------------------------------------
  // The query graph, the queries, start-up

  private void queries(Path store) throws Exception {
    Path copy = work.resolve("fuseki-store");
    QueryBench.copyStore(store, copy);
    Files.writeString(work.resolve(FUSEKI_CONFIG), BenchProcesses.fusekiConfig(copy));
    int ourPort = BenchProcesses.freePort();
    int theirPort = BenchProcesses.freePort();
    // Each server in a process of its own, as its users run it, with the same heap; Newsgraph
    // does not load its NLP pipeline, so neither process loads anything while it is measured.
    Process newsgraph =
        processes.start(
            BenchProcesses.serveCommand(
                store,
                ourPort,
                "--newsgraph.extraction.preload=false",
                "--newsgraph.sparql.max-rows=1000000"),
            NEWSGRAPH_LOG);
    Process fuseki = null;
    try {
      List<String> fusekiCommand =
          new ArrayList<>(BenchProcesses.javaCommand("-Xmx" + BenchProcesses.SERVER_HEAP));
      fusekiCommand.addAll(
          List.of(
              "--worker",
              "fuseki",
              "--work",
              work.toString(),
              "--port",
              String.valueOf(theirPort)));
      fuseki = processes.start(fusekiCommand, FUSEKI_LOG);
      String ours = "http://127.0.0.1:" + ourPort;
      String theirs = "http://127.0.0.1:" + theirPort + "/ds/query";
      HttpClient http = HttpClient.newHttpClient();
      long now = System.nanoTime();
      processes.waitFor(http, ours + "/sparql" + ASK_ANYTHING, now, newsgraph, NEWSGRAPH_LOG);
      processes.waitFor(http, theirs + ASK_ANYTHING, now, fuseki, FUSEKI_LOG);
      QueryMix.Samples samples = QueryMix.Samples.of(ours + "/sparql");
      long triples =
          samples.count(ours + "/sparql", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      long theirTriples =
          samples.count(theirs, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      if (triples != theirTriples) {
        throw new IllegalStateException(
            "Fuseki sees " + theirTriples + " quads, Newsgraph " + triples);
      }
      report.queries(
          graphArticles,
          triples,
          FusekiServer.class.getPackage().getImplementationVersion(),
          BenchProcesses.SERVER_HEAP,
          seconds);
      List<QueryBench.Question> questions = QueryMix.questions(ours, theirs, samples);
      progress("query: warming both servers up on every question");
      for (QueryBench.Question question : questions) {
        QueryBench.interleaved(question, 4, Duration.ofSeconds(2));
      }
      for (QueryBench.Question question : questions) {
        for (int clients : CLIENTS) {
          QueryBench.interleaved(question, clients, Duration.ofSeconds(1));
          QueryBench.Figures[] both =
              QueryBench.interleaved(question, clients, Duration.ofSeconds(seconds));
          String line = report.queryRow(question, clients, both[0], both[1]);
          progress("query: " + line.strip());
        }
      }
      report.endQueries();
    } finally {
      BenchProcesses.stop(newsgraph);
      if (fuseki != null) {
        BenchProcesses.stop(fuseki);
      }
    }
  }

  private void startup(Path store) throws Exception {
    // Linking's index of Wikipedia's anchors is built once per machine, on the first load of the
    // pipeline (minutes): built here first, so that what is timed is a start like any later one.
    progress("startup: making sure the Wikipedia anchor index is built (once per machine)");
    WikiDict.open(WikiDict.DEFAULT_FOLDER, line -> progress("startup: " + line)).close();
    int serverPort = BenchProcesses.freePort();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long start = System.nanoTime();
    Process process = processes.start(BenchProcesses.serveCommand(store, serverPort), STARTUP_LOG);
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + serverPort;
    double sparql;
    double cpu;
    double nlp;
    try {
      sparql =
          processes.waitFor(http, base + "/sparql" + ASK_ANYTHING, start, process, STARTUP_LOG);
      // The launcher execs the JVM, so the process is the server's from its start.
      cpu = process.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
      nlp =
          processes.waitFor(
              http, base + "/actuator/health/readiness/nlpPipeline", start, process, STARTUP_LOG);
    } finally {
      BenchProcesses.stop(process);
    }
    StartupLog steps = StartupLog.read(work.resolve(STARTUP_LOG));
    report.startup(graphArticles, load, sparql, cpu, steps, nlp);
    progress(
        String.format(
            Locale.ROOT,
            "startup: SPARQL after %.1f s (%.1f s of CPU, load average %.2f at launch), NLP after"
                + " %.1f s; %s",
            sparql,
            cpu,
            load,
            nlp,
            steps));
  }

  private boolean wanted(String part) {
    return only == null || only.contains(part);
  }

  private static void progress(String line) {
    System.err.println("bench: " + line);
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
