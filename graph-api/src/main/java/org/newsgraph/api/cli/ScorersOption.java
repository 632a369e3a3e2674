package org.newsgraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of the commands that run the project's scorers: where the scorers are. */
public final class ScorersOption {

  @Option(
      names = "--scorers",
      paramLabel = "DIR",
      description = "The folder with score_kn.py and score_news.py (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/eval")
  Path scorers;

  /** Returns the scorers' folder, failing with a message that says what to give if it is not. */
  Path folder() {
    if (!Files.isDirectory(scorers)) {
      throw new IllegalArgumentException(
          "no scorers at "
              + scorers.toAbsolutePath().normalize()
              + "; give --scorers DIR, the folder with score_kn.py and score_news.py");
    }
    return scorers;
  }
}
