package org.newsgraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option that commands working on a store share. */
public final class StoreOption {

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The TDB2 folder of the graph (default: ${DEFAULT-VALUE}).",
      defaultValue = "./data")
  Path folder;

  /** Returns the folder. */
  public Path folder() {
    return folder;
  }

  /**
   * Returns the folder, which must hold a store already.
   *
   * @throws IllegalArgumentException if there is no folder
   */
  public Path existing() {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "no store at "
              + folder.toAbsolutePath().normalize()
              + "; ingest articles first, or give --store");
    }
    return folder;
  }
}
