package org.newsgraph.api.cli;

import org.newsgraph.extract.link.EntityLinker;
import org.newsgraph.extract.link.WikiDict;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.pipeline.ConfidenceCalibration;
import picocli.CommandLine.Option;

/** Options of the commands that extract articles. */
public final class ExtractionOptions {

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Articles extracted at once (default: one per processor).",
      defaultValue = "0")
  int threads;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description =
          "The least confidence, 0 to 1, that a fact, event or quote needs (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ArticleExtractor.DEFAULT_THRESHOLD)
  double threshold;

  @Option(
      names = "--raw-confidence",
      description =
          "Keep facts' confidence as the extractors state it, without the calibration fitted by"
              + " 'calibrate' (whose input needs such predictions).")
  boolean rawConfidence;

  @Option(
      names = "--encoder",
      description =
          "Let the relation classifier weigh a small transformer encoder's reading of each"
              + " sentence (all-MiniLM-L6-v2 with ONNX Runtime, on the CPU) beside its sparse"
              + " features, with the model trained for it.")
  boolean encoder;

  @Option(
      names = "--no-link",
      description =
          "Do not link entities to Wikipedia titles (linking needs an index of CoreNLP's"
              + " Wikipedia anchor dictionary, built once per machine in a few minutes).")
  boolean noLink;

  @Option(
      names = "--wikidict",
      paramLabel = "DIR",
      description = "Where the index of Wikipedia's anchors is kept (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path wikidict = WikiDict.DEFAULT_FOLDER;

  /** Returns how many articles to extract at once. */
  int threads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** Returns the extractor with the chosen threshold. */
  ArticleExtractor extractor() {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be between 0 and 1, got " + threshold);
    }
    ArticleExtractor extractor = ArticleExtractor.withThreshold(threshold, encoder);
    if (rawConfidence) {
      extractor = extractor.withCalibration(ConfidenceCalibration.identity());
    }
    if (noLink) {
      return extractor;
    }
    return extractor.withLinker(
        EntityLinker.onIndex(wikidict, line -> System.err.println("wikidict: " + line)));
  }
}
