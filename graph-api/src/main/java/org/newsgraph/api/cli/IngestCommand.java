package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.api.ingest.BatchedStore;
import org.newsgraph.api.ingest.IngestService;
import org.newsgraph.core.Article;
import org.newsgraph.core.store.GraphStore;
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
    try (GraphStore graph = store.open()) {
      IngestService ingest = new IngestService(graph, options.extractor());
      err.println("Loading the NLP pipeline (about half a minute)...");
      ingest.loadPipeline();
      int failed;
      try (BatchedStore batches =
          new BatchedStore(
              graph,
              BatchedStore.DEFAULT_SIZE,
              (refused, e) ->
                  err.println(
                      "error: article " + refused.article().id() + ": " + e.getMessage()))) {
        failed =
            Batch.run(
                "ingest",
                articles,
                options.threads(),
                article -> {
                  batches.add(ingest.extractor().extract(article));
                  return article;
                },
                (a, r) -> {},
                err);
        batches.flush();
        failed += batches.refused();
      }
      err.println("Store: " + store.folder().toAbsolutePath().normalize());
      return failed == 0 ? 0 : 1;
    }
  }
}
