package org.newsgraph.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.ingest.Progress;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.Tdb2GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph load}: article graphs made elsewhere (the Spark job's N-Quads, a backup) into a
 * store. An empty TDB2 store is filled by Jena's bulk loader; otherwise the graphs go in batches of
 * articles, each batch one transaction in which every article replaces the one of the same id.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Loads article graphs (N-Quads or TriG files, gzipped or not, or folders of them such as the"
          + " Spark job's output) into the store, or into a remote SPARQL store with --remote.",
      "An empty TDB2 store is filled by Jena's parallel bulk loader. Otherwise articles go in"
          + " batches, one transaction each, and each article replaces the stored one of its id."
    })
public final class LoadCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders of N-Quads.")
  List<Path> paths;

  @Mixin StoreOption store;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Articles a transaction when not bulk loading (default: ${DEFAULT-VALUE}).",
      defaultValue = "500")
  int batch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
    List<Path> files = files(paths);
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    if (!store.isRemote() && isEmptyFolder(store.folder())) {
      err.println("Bulk loading " + files.size() + " files into " + store.folder() + "...");
      long quads =
          Tdb2GraphStore.bulkLoad(
              store.folder(),
              files,
              (format, args) -> {
                err.println("  " + String.format(format, args));
                err.flush();
              });
      err.println("Building the name index...");
      try (GraphStore opened = store.open()) {
        report(err, opened.articleIds().size(), quads, start);
      }
      return 0;
    }
    try (GraphStore graph = store.open()) {
      IngestPipeline pipeline = IngestPipeline.into(graph).build();
      Progress progress = new Progress(files.size());
      ProgressPrinter printer = new ProgressPrinter(err, "load", "files", "quads");
      long articles = 0;
      long quads = 0;
      for (Path file : files) {
        Batches batches = new Batches(file, pipeline);
        parse(file, batches);
        articles += batches.articles;
        quads += batches.quads;
        printer.print(progress.done(batches.quads));
      }
      report(err, articles, quads, start);
    }
    return 0;
  }

  /** Streams a file's article graphs into the store, a batch of articles at a time. */
  private final class Batches extends StreamRDFBase {

    private final Path file;
    private final IngestPipeline pipeline;
    private DatasetGraph pending = DatasetGraphFactory.create();
    private Node current;
    private int inBatch;
    long articles;
    long quads;

    Batches(Path file, IngestPipeline pipeline) {
      this.file = file;
      this.pipeline = pipeline;
    }

    @Override
    public void quad(Quad quad) {
      if (!quad.getGraph().equals(current)) {
        current = quad.getGraph();
        if (++inBatch > batch) {
          flush();
          inBatch = 1;
        }
      }
      pending.add(quad);
      quads++;
    }

    @Override
    public void triple(org.apache.jena.graph.Triple triple) {
      throw new GraphException(file + ": a triple outside any article graph; load N-Quads or TriG");
    }

    @Override
    public void finish() {
      flush();
    }

    private void flush() {
      if (!pending.isEmpty()) {
        articles += pending.size();
        pipeline.storeGraphs(pending);
        pending = DatasetGraphFactory.create();
      }
    }
  }

  private static void parse(Path file, Batches batches) {
    // Opened by Jena's IO, which reads gzipped files as the bulk loader does.
    try (InputStream in = IO.openFileBuffered(file.toString())) {
      RDFParser.source(in)
          .lang(RDFLanguages.filenameToLang(file.getFileName().toString()))
          .parse(batches);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RiotException e) {
      throw new GraphException(
          file + " does not parse: " + e.getMessage() + "; batches before it are stored", e);
    }
  }

  private static void report(PrintWriter err, long articles, long quads, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(
        "Loaded %,d quads (%,d articles) in %.1f s, %,.0f quads/s%n",
        quads, articles, seconds, quads / Math.max(seconds, 1e-3));
    err.flush();
  }

  private static boolean isEmptyFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The RDF files named, and those in the folders named, in name order. */
  static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(LoadCommand::isQuads)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(path)) {
        if (!isQuads(path)) {
          throw new IllegalArgumentException(
              path + " is not N-Quads or TriG (.nq, .trig, optionally .gz)");
        }
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + path);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no N-Quads or TriG files in " + paths);
    }
    return files;
  }

  private static boolean isQuads(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".") || name.startsWith("_")) {
      return false;
    }
    Lang lang = RDFLanguages.filenameToLang(name);
    return lang != null && RDFLanguages.isQuads(lang);
  }
}
