package org.newsgraph.api.cli;

import org.newsgraph.extract.ArticleExtractor;
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

  /** Returns how many articles to extract at once. */
  int threads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** Returns the extractor with the chosen threshold. */
  ArticleExtractor extractor() {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be between 0 and 1, got " + threshold);
    }
    return ArticleExtractor.withThreshold(threshold);
  }
}
