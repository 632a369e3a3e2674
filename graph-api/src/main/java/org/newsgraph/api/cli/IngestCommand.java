package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.core.Article;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.ArticleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph ingest}: articles into the store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts articles and stores each as its own graph, replacing an article stored before with"
          + " the same id.",
      "Input: text or HTML files (the file name is the id), folders of them, JSON or JSON lines."
          + " All input is read first: if any file or line is bad, the command names it and stores"
          + " nothing. An article that then fails to extract is reported and left out; the rest"
          + " are stored, up to 500 in one transaction."
    })
public final class IngestCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders of articles.")
  List<Path> paths;

  @Mixin StoreOption store;

  @Mixin ExtractionOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Article> articles = new ArticleReader().read(paths);
    PrintWriter err = spec.commandLine().getErr();
    ArticleExtractor extractor = options.extractor();
    err.println("Loading the NLP pipeline (about half a minute)...");
    extractor.load();
    try (GraphStore graph = store.open()) {
      IngestPipeline pipeline =
          IngestPipeline.into(graph)
              .extractor(extractor::extract)
              .threads(options.threads())
              .build();
      IngestPipeline.Report report = run(pipeline, "ingest", articles, err);
      err.println("Store: " + store.describe());
      return report.failed() == 0 ? 0 : 1;
    }
  }

  /** Runs articles through a pipeline, printing progress, each failure, and the end. */
  static IngestPipeline.Report run(
      IngestPipeline pipeline, String what, List<Article> articles, PrintWriter err) {
    ProgressPrinter printer = new ProgressPrinter(err, what);
    IngestPipeline.Report report =
        pipeline.ingest(
            articles,
            (outcome, progress) -> {
              if (outcome.status() == IngestPipeline.Status.FAILED) {
                err.println("error: article " + outcome.article().id() + ": " + outcome.error());
              }
              printer.print(progress);
            });
    printer.summary(report.progress());
    return report;
  }
}
