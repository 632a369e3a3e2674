package org.newsgraph.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsgraph.core.store.Tdb2GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsgraph compact}: TDB2 compaction, which frees what replaced data still takes. */
@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description = {
      "Compacts the store: TDB2 keeps every version that a write replaced until compaction"
          + " copies the live data to a new generation and deletes the old. No server may hold the"
          + " store open meanwhile."
    })
public final class CompactCommand implements Callable<Integer> {

  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path folder = store.existing();
    long before = size(folder);
    try (Tdb2GraphStore graph = Tdb2GraphStore.open(folder)) {
      graph.compact();
    }
    spec.commandLine()
        .getOut()
        .printf(
            "compact: %s from %,d to %,d bytes%n",
            folder.toAbsolutePath().normalize(), before, size(folder));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
