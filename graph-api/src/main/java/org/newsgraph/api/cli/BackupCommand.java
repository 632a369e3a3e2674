package org.newsgraph.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.Lang;
import org.newsgraph.core.store.Tdb2GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph backup}: a consistent snapshot of the whole store, as N-Quads. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every article graph as N-Quads (gzipped if FILE ends in .gz), read in one"
          + " transaction, so the snapshot is consistent.",
      "With --url it reads from a running server, which keeps serving; without, from the store"
          + " folder, which no server may hold open then. The file appears only when complete."
    })
public final class BackupCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the backup.")
  Path file;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "A running server to back up, such as http://localhost:8080.")
  URI server;

  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream out = open(partial)) {
      if (server != null) {
        download(out);
      } else {
        try (Tdb2GraphStore graph = Tdb2GraphStore.open(store.existing())) {
          graph.export(out, Lang.NQUADS);
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    spec.commandLine()
        .getOut()
        .printf("backup: %s (%,d bytes)%n", file.toAbsolutePath().normalize(), Files.size(file));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void download(OutputStream out) throws IOException, InterruptedException {
    URI data = URI.create(server.toString().replaceAll("/+$", "") + "/data");
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(data).header("Accept", "application/n-quads").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "the server at " + data + " answered " + response.statusCode() + " to the backup");
      }
      in.transferTo(out);
    }
  }

  private static OutputStream open(Path path) throws IOException {
    OutputStream out = Files.newOutputStream(path);
    return path.getFileName().toString().endsWith(".gz.part") ? new GZIPOutputStream(out) : out;
  }
}
