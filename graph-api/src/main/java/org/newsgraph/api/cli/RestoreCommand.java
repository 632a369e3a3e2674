package org.newsgraph.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.newsgraph.core.store.Tdb2GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph restore}: a backup loaded into a new store. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Loads a backup (N-Quads or TriG, gzipped or not) into a store that holds no article, in"
          + " one transaction, and indexes its names. A backup that does not parse leaves the"
          + " store empty."
    })
public final class RestoreCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup.")
  Path file;

  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    Lang lang = name.replaceAll("\\.gz$", "").endsWith(".trig") ? Lang.TRIG : Lang.NQUADS;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        Tdb2GraphStore graph = Tdb2GraphStore.open(store.folder())) {
      long quads = graph.restore(in, lang);
      spec.commandLine()
          .getOut()
          .printf(
              "restore: %,d quads, %,d articles into %s%n",
              quads, graph.articleIds().size(), store.folder().toAbsolutePath().normalize());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
