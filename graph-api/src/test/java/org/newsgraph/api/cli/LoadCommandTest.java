package org.newsgraph.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.store.LocalFuseki;
import org.newsgraph.core.store.Tdb2GraphStore;

/** {@code newsgraph load}: article graphs in N-Quads into a TDB2 folder or a remote store. */
class LoadCommandTest {

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path parts;
  private long quads;

  /** Two articles written as a Spark job writes them: gzipped parts in a folder, and a marker. */
  @BeforeEach
  void writeParts() throws Exception {
    parts = Files.createDirectories(folder.resolve("graphs"));
    try (Tdb2GraphStore source = Tdb2GraphStore.open(folder.resolve("source"))) {
      source.replaceArticle(Fixtures.nordvik());
      try (OutputStream part =
          new GZIPOutputStream(Files.newOutputStream(parts.resolve("part-00000.nq.gz")))) {
        source.export(part, Lang.NQUADS);
      }
      source.deleteArticle("nordvik-1");
      source.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
      try (OutputStream part = Files.newOutputStream(parts.resolve("part-00001.nq"))) {
        source.export(part, Lang.NQUADS);
      }
    }
    Files.writeString(parts.resolve("_SUCCESS"), "");
    try (Tdb2GraphStore copy = Tdb2GraphStore.open(folder.resolve("reference"))) {
      copy.replaceArticle(Fixtures.nordvik());
      copy.replaceArticle(Fixtures.nordvik("nordvik-2", Fixtures.NORDVIK_TEXT));
      ByteCounter counter = new ByteCounter();
      copy.export(counter, Lang.NQUADS);
      quads = counter.lines;
    }
  }

  @Test
  void anEmptyFolderIsBulkLoadedAndSearchableAfter() {
    Path store = folder.resolve("store");

    int status = run("load", parts.toString(), "--store", store.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains("Bulk loading 2 files")
        .contains("Loaded " + quads + " quads");
    try (Tdb2GraphStore loaded = Tdb2GraphStore.open(store)) {
      assertThat(loaded.articleIds()).containsExactly("nordvik-1", "nordvik-2");
      assertThat(loaded.searchEntities("kestrel", null, 10, 0)).hasSize(1);
    }
  }

  @Test
  void loadingAgainReplacesEachArticleInsteadOfAddingToIt() {
    Path store = folder.resolve("store");
    run("load", parts.toString(), "--store", store.toString());
    err.getBuffer().setLength(0);

    int status = run("load", parts.toString(), "--store", store.toString(), "--batch", "1");

    assertThat(status).as(err.toString()).isZero();
    assertThat(err.toString()).contains("load 2/2 files").contains("(2 articles)");
    try (Tdb2GraphStore loaded = Tdb2GraphStore.open(store)) {
      ByteCounter counter = new ByteCounter();
      loaded.export(counter, Lang.NQUADS);
      assertThat(counter.lines).isEqualTo(quads);
    }
  }

  @Test
  void articlesGoIntoARemoteStore() {
    try (LocalFuseki fuseki = LocalFuseki.start(folder.resolve("fuseki"))) {
      int status = run("load", parts.toString(), "--remote", fuseki.datasetUrl());

      assertThat(status).as(err.toString()).isZero();
      long stored = Txn.calculateRead(fuseki.database(), () -> fuseki.database().stream().count());
      assertThat(stored).isEqualTo(quads);
    }
  }

  @Test
  void aFileThatDoesNotParseIsNamed() throws Exception {
    Path broken = parts.resolve("part-00002.nq");
    Files.writeString(broken, "<https://newsgraph.org/id/article/x> <urn:p> \"open .\n");
    Path bulk = folder.resolve("bulk");
    Path batched = folder.resolve("batched");
    try (Tdb2GraphStore existing = Tdb2GraphStore.open(batched)) {
      existing.replaceArticle(Fixtures.nordvik("other", Fixtures.NORDVIK_TEXT));
    }

    int bulkStatus = run("load", parts.toString(), "--store", bulk.toString());
    String bulkError = err.toString();
    err.getBuffer().setLength(0);
    int batchStatus = run("load", parts.toString(), "--store", batched.toString());

    assertThat(bulkStatus).isNotZero();
    assertThat(bulkError).contains(broken.toString()).contains("delete the folder");
    assertThat(batchStatus).isNotZero();
    assertThat(err.toString()).contains(broken + " does not parse");
    try (Tdb2GraphStore kept = Tdb2GraphStore.open(batched)) {
      assertThat(kept.articleIds()).containsExactly("nordvik-1", "nordvik-2", "other");
    }
  }

  @Test
  void aFolderWithoutQuadsIsRefused() throws Exception {
    Path empty = Files.createDirectories(folder.resolve("nothing"));

    int status = run("load", empty.toString(), "--store", folder.resolve("s").toString());

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("no N-Quads or TriG files in");
  }

  private int run(String... args) {
    return Newsgraph.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Counts the lines written: one quad a line in N-Quads. */
  private static final class ByteCounter extends OutputStream {
    long lines;

    @Override
    public void write(int b) {
      if (b == '\n') {
        lines++;
      }
    }
  }
}
