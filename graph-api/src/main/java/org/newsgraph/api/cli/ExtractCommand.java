package org.newsgraph.api.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.rdf.model.ResourceFactory;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.json.RecordWriter;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.ArticleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph extract}: articles in, the evaluation records of what they state out. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts facts, events, quotes and entity mentions from articles and writes them as JSON"
          + " lines, one record a line (the format of eval/FORMAT.md). Entities are resolved"
          + " across all the articles of the file as ingest would; nothing is stored.",
      "Input: JSON lines with id and text (title, url, published optional), or KnowledgeNet lines"
          + " (documentId, documentText); also JSON, HTML and text files."
    })
public final class ExtractCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN.jsonl", description = "The articles.")
  Path input;

  @Option(
      names = "--out",
      paramLabel = "OUT.jsonl",
      description = "Where to write the records (default: standard output).")
  Path output;

  @Option(
      names = "--no-resolve",
      description =
          "Give each entity the IRI its article alone gives it, instead of deciding who is who"
              + " across all the articles of the file as a store does on ingest.")
  boolean noResolve;

  @Mixin ExtractionOptions options;

  private static final int RESOLVE_BATCH = 500;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Article> articles = new ArticleReader().read(List.of(input));
    ArticleExtractor extractor = options.extractor();
    PrintWriter err = spec.commandLine().getErr();
    err.println("Loading the NLP pipeline (about half a minute)...");
    extractor.load();
    List<Extraction> extractions = new ArrayList<>();
    int failed =
        Batch.run(
            "extract",
            articles,
            options.threads(),
            extractor::extract,
            (article, extraction) -> extractions.add(extraction),
            err);
    Path scratch = Files.createTempDirectory("newsgraph-extract-");
    try (Tdb2GraphStore resolved = Tdb2GraphStore.open(scratch.resolve("store"));
        Writer out = open()) {
      EntityResolver minting = EntityResolver.minting();
      if (!noResolve) {
        // Who is who is decided across the whole file exactly as a store decides it on ingest.
        err.println("Resolving entities across " + extractions.size() + " articles...");
        for (int from = 0; from < extractions.size(); from += RESOLVE_BATCH) {
          resolved.replaceArticles(
              extractions.subList(from, Math.min(extractions.size(), from + RESOLVE_BATCH)));
        }
      }
      for (Extraction extraction : extractions) {
        String id = extraction.article().id();
        // The store may give a person of a shared name an IRI of their own in this article.
        EntityResolver resolver =
            noResolve
                ? minting
                : entity ->
                    ResourceFactory.createResource(
                        resolved.keptEntity(
                            resolved.articleEntity(id, minting.resolve(entity).getURI())));
        RecordWriter records = new RecordWriter(out, resolver);
        records.write(extraction);
        records.flush();
      }
    } finally {
      deleteTree(scratch);
    }
    return failed == 0 ? 0 : 1;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private Writer open() throws IOException {
    if (output == null) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
  }
}
