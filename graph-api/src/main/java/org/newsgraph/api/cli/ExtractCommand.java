package org.newsgraph.api.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.core.Article;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.extract.ArticleExtractor;
import org.newsgraph.extract.json.RecordWriter;
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
      "Extracts facts, events and quotes from articles and writes them as JSON lines, one record a"
          + " line (the format of eval/FORMAT.md). Nothing is stored.",
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

  @Mixin ExtractionOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Article> articles = new ArticleReader().read(List.of(input));
    ArticleExtractor extractor = options.extractor();
    PrintWriter err = spec.commandLine().getErr();
    err.println("Loading the NLP pipeline (about half a minute)...");
    extractor.load();
    try (Writer out = open()) {
      RecordWriter records = new RecordWriter(out, EntityResolver.minting());
      int failed =
          Batch.run(
              "extract",
              articles,
              options.threads(),
              extractor::extract,
              (article, extraction) -> {
                records.write(extraction);
                records.flush();
              },
              err);
      return failed == 0 ? 0 : 1;
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
