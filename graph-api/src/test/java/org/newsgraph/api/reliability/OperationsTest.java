package org.newsgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.api.ServerTest;
import org.newsgraph.api.cli.Newsgraph;
import org.newsgraph.core.store.Tdb2GraphStore;

/** backup from the running server, restore into a new store, compact it: nothing lost. */
class OperationsTest extends ServerTest {

  @TempDir Path folder;

  @Test
  void aBackupTakenWhileServingRestoresAndCompactsToTheSameGraph() throws Exception {
    Path backup = folder.resolve("graph.nq.gz");
    Path restored = folder.resolve("restored");
    long served = count("GRAPH ?g { ?s ?p ?o }");

    Run backedUp = run("backup", backup.toString(), "--url", base());
    Run restoredRun = run("restore", backup.toString(), "--store", restored.toString());
    Run compacted = run("compact", "--store", restored.toString());
    Run again = run("restore", backup.toString(), "--store", restored.toString());

    assertThat(backedUp.code()).as(backedUp.err()).isZero();
    DatasetGraph copy = DatasetGraphFactory.create();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
      RDFParser.source(in).lang(Lang.NQUADS).parse(copy);
    }
    assertThat(copy.stream().count()).isEqualTo(served);
    assertThat(restoredRun.code()).as(restoredRun.err()).isZero();
    assertThat(restoredRun.out()).contains(String.format("%,d quads", served));
    assertThat(compacted.code()).as(compacted.err()).isZero();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(restored)) {
      assertThat(store.articleIds())
          .containsExactlyInAnyOrderElementsOf(ingest.store().articleIds());
      assertThat(store.searchEntities("Maria Lindqvist", null, 5, 0)).isNotEmpty();
    }
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty: restore into a new folder");
  }

  @Test
  void aStoreThatTheServerHoldsIsNotOpenedByACommand() {
    Run backup =
        run("backup", folder.resolve("b.nq").toString(), "--store", storeFolder().toString());

    assertThat(backup.code()).isEqualTo(1);
    assertThat(backup.err()).contains("is open already in this process");
    assertThat(folder.resolve("b.nq")).doesNotExist();
    assertThat(folder.resolve("b.nq.part")).doesNotExist();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Newsgraph.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
