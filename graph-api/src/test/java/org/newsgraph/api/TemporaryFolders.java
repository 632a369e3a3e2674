package org.newsgraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders for what outlives a single test (a server's store, a browser's profile), removed with
 * everything in them when the test JVM exits.
 */
public final class TemporaryFolders {

  private TemporaryFolders() {}

  /** Creates a folder that is deleted, contents and all, when the JVM exits. */
  public static Path deletedAtExit(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // leave it: the JVM is exiting
    }
  }
}
