package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.core.Article;
import org.newsgraph.extract.encoder.CachedWordEncoder;
import org.newsgraph.extract.encoder.OnnxWordEncoder;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.eval.AnnotationCache;
import org.newsgraph.extract.eval.TrainingCorpus;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.ArticleReader;
import org.newsgraph.extract.relation.RelationModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph train}: the relation classifier, trained on KnowledgeNet. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the relation classifier on a KnowledgeNet file, every fold in it, and writes the model."
          + " The model kept in the project was made with:",
      "  ./newsgraph train ../shared/eval/knowledgenet/dev.folds1-3.jsonl",
      "Evaluate with 'eval --cross-validate', which trains on all folds but the one it scores."
    })
public final class TrainCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "GOLD.jsonl",
      description = "KnowledgeNet documents with their facts.")
  Path gold;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where the model goes (default: graph-extract/src/main/resources/"
              + RelationModel.RESOURCE
              + ", or "
              + RelationModel.ENCODER_RESOURCE
              + " with --encoder).")
  Path output;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Keep CoreNLP's annotations here between runs.")
  Path cache;

  @Mixin ExtractionOptions extraction;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    List<Article> articles = new ArticleReader().read(List.of(gold));
    err.println("Loading the NLP pipeline...");
    ArticleExtractor annotator =
        ArticleExtractor.with(java.util.Optional.empty(), extraction.threshold);
    annotator.load();
    WordEncoder encoder = null;
    if (extraction.encoder) {
      encoder = OnnxWordEncoder.shared();
      if (cache != null) {
        encoder = new CachedWordEncoder(encoder, cache.resolve("encoder"));
      }
    }
    Path out =
        output != null
            ? output
            : Path.of(
                "graph-extract/src/main/resources",
                extraction.encoder ? RelationModel.ENCODER_RESOURCE : RelationModel.RESOURCE);
    TrainingCorpus corpus =
        TrainingCorpus.build(
            gold,
            articles,
            annotator,
            cache == null ? null : new AnnotationCache(cache),
            encoder,
            extraction.threads(),
            err);
    RelationModel model = corpus.train(0);
    model.write(out);
    err.println("Trained on " + model.description() + "; relations: " + model.relations());
    err.println("Wrote " + out.toAbsolutePath().normalize());
    return 0;
  }
}
