package org.newsgraph.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.cmds.FusekiMainCmd;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.Tdb2GraphStore;
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
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures extraction (against stock CoreNLP with coref, KBP and quotes), ingest (against"
          + " Jena's bulk loader), queries over HTTP at 1, 4 and 16 clients (against Fuseki over a"
          + " copy of the same TDB2 data) and start-up, and writes the figures to bench/RESULTS.md.",
      "Takes about half an hour with the defaults. Each extraction side runs in a process of its"
          + " own, so that its peak memory is its own; so do the two servers, Newsgraph started as"
          + " ./newsgraph serve and Fuseki as its own command starts it."
    })
public final class BenchCommand implements Callable<Integer> {

  private static final int[] CLIENTS = {1, 4, 16};

  /** The heap of each server, Newsgraph's and Fuseki's. */
  private static final String SERVER_HEAP = "6g";

  /** Fuseki's configuration, and the servers' logs, in the work folder. */
  private static final String FUSEKI_CONFIG = "fuseki.ttl";

  private static final String FUSEKI_LOG = "fuseki.log";
  private static final String NEWSGRAPH_LOG = "newsgraph-serve.log";
  private static final String STARTUP_LOG = "startup.log";

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
      names = "--only",
      split = ",",
      description = "Some of: extraction, ingest, query, startup (default: all).")
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

  private final StringBuilder report = new StringBuilder();

  @Override
  public Integer call() throws Exception {
    if (worker != null) {
      return work();
    }
    deleteRecursively(work);
    Files.createDirectories(work);
    report
        .append("# Newsgraph benchmarks\n\n")
        .append("Produced by `./newsgraph bench")
        .append(
            spec.commandLine().getParseResult().originalArgs().stream()
                .map(argument -> " " + argument)
                .collect(java.util.stream.Collectors.joining()))
        .append("` on ")
        .append(LocalDate.now())
        .append(".\n\n")
        .append(machine())
        .append('\n');
    if (wanted("extraction") || wanted("ingest")) {
      extractionAndIngest();
    }
    if (wanted("query") || wanted("startup")) {
      Path store = work.resolve("query-store");
      buildGraph(store);
      if (wanted("query")) {
        queries(store);
      }
      if (wanted("startup")) {
        startup(store);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
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
      JsonNode ours = newsgraph.get("extraction");
      // Both read the same articles with the same tokenizer: rates count Newsgraph's tokens, as
      // stock CoreNLP reports none for an article its quote annotator fails on.
      double tokens = ours.get("tokens").asDouble();
      double stockSeconds = stock.get("extraction").get("seconds").asDouble();
      Map<String, Object> stockFigures = new LinkedHashMap<>();
      stock.get("extraction").properties().forEach(p -> stockFigures.put(p.getKey(), p.getValue()));
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
    if (wanted("ingest")) {
      JsonNode ingest = newsgraph.get("ingest");
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
  }

  private Map<String, JsonNode> runWorker(String side, String heap, Path articlesFile)
      throws Exception {
    List<String> command = new ArrayList<>(javaCommand("-Xmx" + heap));
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
          ExtractionBench.newsgraph(corpusArticles, threads);
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
  // The query graph, the query mix, start-up

  private void buildGraph(Path store) {
    SyntheticGraph graph = new SyntheticGraph(7, graphArticles);
    long start = System.nanoTime();
    try (Tdb2GraphStore target = Tdb2GraphStore.open(store)) {
      List<Extraction> batch = new ArrayList<>();
      for (int i = 0; i < graphArticles; i++) {
        batch.add(graph.article(i));
        if (batch.size() == 200 || i == graphArticles - 1) {
          target.replaceArticles(batch);
          batch.clear();
          double elapsed = (System.nanoTime() - start) / 1e9;
          progress(
              String.format(
                  Locale.ROOT,
                  "query graph: %d/%d articles, %.0f articles/s, %.0f s left",
                  i + 1,
                  graphArticles,
                  (i + 1) / elapsed,
                  (graphArticles - i - 1) / ((i + 1) / elapsed)));
        }
      }
    }
  }

  private void queries(Path store) throws Exception {
    Path copy = work.resolve("fuseki-store");
    QueryBench.copyStore(store, copy);
    Files.writeString(work.resolve(FUSEKI_CONFIG), fusekiConfig(copy));
    int ourPort = freePort();
    int theirPort = freePort();
    // Each server in a process of its own, as its users run it, with the same heap; Newsgraph
    // does not load its NLP pipeline, so neither process loads anything while it is measured.
    Process newsgraph =
        start(
            serveCommand(
                store,
                ourPort,
                "--newsgraph.extraction.preload=false",
                "--newsgraph.sparql.max-rows=1000000"),
            NEWSGRAPH_LOG);
    Process fuseki = null;
    try {
      List<String> fusekiCommand = new ArrayList<>(javaCommand("-Xmx" + SERVER_HEAP));
      fusekiCommand.addAll(
          List.of(
              "--worker",
              "fuseki",
              "--work",
              work.toString(),
              "--port",
              String.valueOf(theirPort)));
      fuseki = start(fusekiCommand, FUSEKI_LOG);
      String ours = "http://127.0.0.1:" + ourPort;
      String theirs = "http://127.0.0.1:" + theirPort + "/ds/query";
      HttpClient http = HttpClient.newHttpClient();
      long now = System.nanoTime();
      waitFor(http, ours + "/sparql?query=" + enc("ASK {}"), now, newsgraph, NEWSGRAPH_LOG);
      waitFor(http, theirs + "?query=" + enc("ASK {}"), now, fuseki, FUSEKI_LOG);
      Samples samples = Samples.of(ours + "/sparql");
      long triples =
          samples.count(ours + "/sparql", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      long theirTriples =
          samples.count(theirs, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      if (triples != theirTriples) {
        throw new IllegalStateException(
            "Fuseki sees " + theirTriples + " quads, Newsgraph " + triples);
      }
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
                  FusekiServer.class.getPackage().getImplementationVersion(),
                  SERVER_HEAP,
                  seconds,
                  QueryBench.ROUNDS))
          .append(
              "| question | clients | Newsgraph median / p95 | Fuseki median / p95 |"
                  + " Newsgraph / Fuseki per s | ratio median | ratio p95 | ratio throughput |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      List<QueryBench.Question> questions = questions(ours, theirs, samples);
      progress("query: warming both servers up on every question");
      for (QueryBench.Question question : questions) {
        QueryBench.interleaved(question, 4, Duration.ofSeconds(2));
      }
      for (QueryBench.Question question : questions) {
        for (int clients : CLIENTS) {
          QueryBench.interleaved(question, clients, Duration.ofSeconds(1));
          QueryBench.Figures[] both =
              QueryBench.interleaved(question, clients, Duration.ofSeconds(seconds));
          QueryBench.Figures a = both[0];
          QueryBench.Figures b = both[1];
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
          progress("query: " + line.strip());
        }
      }
      report.append('\n');
    } finally {
      stop(newsgraph);
      if (fuseki != null) {
        stop(fuseki);
      }
    }
  }

  /**
   * Fuseki's configuration: the copy of the store as a TDB2 dataset whose default graph is the
   * union of its named graphs, as Newsgraph's, answering queries at /ds/query.
   */
  private static String fusekiConfig(Path store) {
    String location = store.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return """
        PREFIX fuseki: <http://jena.apache.org/fuseki#>
        PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>

        [] a fuseki:Server ; fuseki:services ( <#service> ) .

        <#service> a fuseki:Service ;
            fuseki:name "ds" ;
            fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
            fuseki:dataset <#dataset> .

        <#dataset> a tdb2:DatasetTDB2 ;
            tdb2:location "%s" ;
            tdb2:unionDefaultGraph true .
        """
        .formatted(location);
  }

  private List<QueryBench.Question> questions(String ours, String theirs, Samples s) {
    String sparql = ours + "/sparql";
    Function<Random, String> entity = r -> s.entities.get(r.nextInt(s.entities.size()));
    Function<Random, String[]> pair = r -> s.paths.get(r.nextInt(s.paths.size()));
    Function<Random, String> month =
        r -> LocalDate.of(2024, 1, 1).plusMonths(r.nextInt(22)).toString().substring(0, 7);
    Function<Random, String> word = r -> s.words.get(r.nextInt(s.words.size()));
    Function<String, String> lookup = e -> "SELECT ?p ?o WHERE { <" + e + "> ?p ?o }";
    Function<String, String> neighbours =
        e ->
            "SELECT DISTINCT ?p ?n WHERE { { <"
                + e
                + "> ?p ?n } UNION { ?n ?p <"
                + e
                + "> }"
                + " FILTER(isIRI(?n) && STRSTARTS(STR(?n), \"https://newsgraph.org/id/entity/\")) } LIMIT 100";
    Function<String[], String> path =
        p ->
            "SELECT ?p1 ?mid ?p2 WHERE { <"
                + p[0]
                + "> ?p1 ?mid . ?mid ?p2 <"
                + p[1]
                + "> } LIMIT 10";
    Function<String, String> timeline =
        m ->
            "SELECT ?e ?date ?type WHERE { ?e a ng:Event ; a ?type ; ng:date ?date"
                + " FILTER(?type != ng:Event && ?date >= \""
                + m
                + "-01\"^^xsd:date && ?date <= \""
                + m
                + "-28\"^^xsd:date) } ORDER BY ?date LIMIT 50";
    String counts =
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?f a ng:Assertion ; rdf:predicate ?p } GROUP BY ?p";
    Function<String, String> search =
        w ->
            "SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \""
                + w
                + "\")) } LIMIT 20";
    Function<String, String> id = e -> e.substring("https://newsgraph.org/id/entity/".length());
    java.util.function.BiFunction<String, Function<Random, String>, QueryBench.Question> same =
        (name, query) ->
            new QueryBench.Question(
                "SPARQL: " + name,
                r -> QueryBench.sparql(sparql, query.apply(r)),
                r -> QueryBench.sparql(theirs, query.apply(r)));
    return List.of(
        same.apply("entity lookup", r -> lookup.apply(entity.apply(r))),
        same.apply("neighbourhood", r -> neighbours.apply(entity.apply(r))),
        same.apply("path of two steps", r -> path.apply(pair.apply(r))),
        same.apply("timeline of a month", r -> timeline.apply(month.apply(r))),
        same.apply("facts by relation", r -> counts),
        same.apply("name contains a word", r -> search.apply(word.apply(r))),
        new QueryBench.Question(
            "REST search vs SPARQL name contains",
            r -> QueryBench.get(ours + "/api/entities?limit=20&q=" + enc(word.apply(r))),
            r -> QueryBench.sparql(theirs, search.apply(word.apply(r)))),
        new QueryBench.Question(
            "REST neighbourhood vs SPARQL",
            r ->
                QueryBench.get(
                    ours
                        + "/api/entities/"
                        + id.apply(entity.apply(r))
                        + "/neighbourhood?depth=1&limit=100"),
            r -> QueryBench.sparql(theirs, neighbours.apply(entity.apply(r)))),
        new QueryBench.Question(
            "REST paths vs SPARQL",
            r -> {
              String[] p = pair.apply(r);
              return QueryBench.get(
                  ours
                      + "/api/paths?maxLength=2&from="
                      + enc(id.apply(p[0]))
                      + "&to="
                      + enc(id.apply(p[1])));
            },
            r -> QueryBench.sparql(theirs, path.apply(pair.apply(r)))),
        new QueryBench.Question(
            "REST events vs SPARQL timeline",
            r -> {
              String m = month.apply(r);
              return QueryBench.get(
                  ours + "/api/events?limit=50&from=" + m + "-01&to=" + m + "-28");
            },
            r -> QueryBench.sparql(theirs, timeline.apply(month.apply(r)))),
        new QueryBench.Question(
            "REST stats vs SPARQL facts by relation",
            r -> QueryBench.get(ours + "/api/stats"),
            r -> QueryBench.sparql(theirs, counts)));
  }

  private void startup(Path store) throws Exception {
    // Linking's index of Wikipedia's anchors is built once per machine, on the first load of the
    // pipeline (minutes): built here first, so that what is timed is a start like any later one.
    progress("startup: making sure the Wikipedia anchor index is built (once per machine)");
    WikiDict.open(WikiDict.DEFAULT_FOLDER, line -> progress("startup: " + line)).close();
    int serverPort = freePort();
    long start = System.nanoTime();
    Process process = start(serveCommand(store, serverPort), STARTUP_LOG);
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + serverPort;
    double sparql;
    double nlp;
    try {
      sparql = waitFor(http, base + "/sparql?query=" + enc("ASK {}"), start, process, STARTUP_LOG);
      nlp =
          waitFor(
              http, base + "/actuator/health/readiness/nlpPipeline", start, process, STARTUP_LOG);
    } finally {
      stop(process);
    }
    StartupLog steps = StartupLog.read(work.resolve(STARTUP_LOG));
    report
        .append("## Start-up\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "`./newsgraph serve` launched on the %,d-article store (a new JVM, timed from the"
                    + " launch; the steps as the server logged them in `startup.log`):%n%n"
                    + "| until | seconds |%n|---|---:|%n| `/sparql` answers | %.1f |%n"
                    + "| of which the JVM, until Spring's context was ready (Spring's \"process"
                    + " running for\") | %s |%n"
                    + "| of which the Spring context (Spring's \"started in\") | %s |%n"
                    + "| of which, in the context, opening the store | %s |%n"
                    + "| of which, in opening the store, checking the name index | %s |%n"
                    + "| the NLP pipeline is loaded (ingest ready) | %.1f |%n%n",
                graphArticles,
                sparql,
                steps.process(),
                steps.context(),
                steps.store(),
                steps.nameIndex(),
                nlp));
    progress(
        String.format(
            Locale.ROOT, "startup: SPARQL after %.1f s, NLP after %.1f s; %s", sparql, nlp, steps));
  }

  /**
   * Waits until the server process answers the URL with 200.
   *
   * @return the seconds since {@code start}
   */
  private double waitFor(HttpClient http, String url, long start, Process server, String log)
      throws InterruptedException {
    long deadline = start + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "the server ended before it answered " + url + "; see " + work.resolve(log));
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException(url + " did not answer within five minutes");
  }

  /**
   * The command that starts the server as users do, {@code ./newsgraph serve}, through the launcher
   * that started this bench (it says where it is in {@code newsgraph.launcher}).
   */
  private static List<String> serveCommand(Path store, int serverPort, String... settings) {
    String launcher = System.getProperty("newsgraph.launcher");
    if (launcher == null) {
      throw new IllegalStateException(
          "the bench starts the server through the launcher: run it as ./newsgraph bench");
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            launcher, "serve", "--store", store.toString(), "--port", String.valueOf(serverPort)));
    command.addAll(List.of(settings));
    return command;
  }

  /** Starts a server process, its output going to a log file in the work folder. */
  private Process start(List<String> command, String log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile());
    builder.environment().put("NEWSGRAPH_JAVA_OPTS", "-Xmx" + SERVER_HEAP + " -XX:+UseParallelGC");
    return builder.start();
  }

  /** Stops a server process and waits for it to end. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Entities, connected pairs and name words to ask about, taken from the graph. */
  private record Samples(List<String> entities, List<String[]> paths, List<String> words) {

    static Samples of(String endpoint) throws Exception {
      List<String> entities = new ArrayList<>();
      for (JsonNode row :
          select(
              endpoint,
              "SELECT ?e WHERE { { ?e a ng:Person } UNION { ?e a ng:Organization } } LIMIT 2000")) {
        entities.add(row.at("/e/value").asString());
      }
      List<String[]> paths = new ArrayList<>();
      for (JsonNode row :
          select(
              endpoint,
              "SELECT ?a ?b WHERE { ?a ng:worksFor ?x . ?x ng:competesWith ?b } LIMIT 500")) {
        paths.add(new String[] {row.at("/a/value").asString(), row.at("/b/value").asString()});
      }
      List<String> words = new ArrayList<>();
      for (JsonNode row :
          select(endpoint, "SELECT ?l WHERE { ?e a ng:Organization ; rdfs:label ?l } LIMIT 300")) {
        words.add(row.at("/l/value").asString().split(" ")[0].toLowerCase(Locale.ROOT));
      }
      return new Samples(entities, paths, words);
    }

    long count(String endpoint, String query) throws Exception {
      return Long.parseLong(select(endpoint, query).get(0).at("/n/value").asString());
    }

    private static List<JsonNode> select(String endpoint, String query) throws Exception {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(QueryBench.sparql(endpoint, query), HttpResponse.BodyHandlers.ofString());
      List<JsonNode> rows = new ArrayList<>();
      JsonMapper.shared().readTree(answer.body()).at("/results/bindings").forEach(rows::add);
      return rows;
    }
  }

  private boolean wanted(String part) {
    return only == null || only.contains(part);
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

  /** The command that runs this program in a new JVM, a worker: the same jar or class path. */
  private static List<String> javaCommand(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("-XX:+UseParallelGC");
    String classpath = System.getProperty("java.class.path");
    if (classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator)) {
      command.addAll(List.of("-jar", classpath));
    } else {
      command.addAll(List.of("-cp", classpath, BenchCommand.class.getName()));
    }
    return command;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void progress(String line) {
    System.err.println("bench: " + line);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
