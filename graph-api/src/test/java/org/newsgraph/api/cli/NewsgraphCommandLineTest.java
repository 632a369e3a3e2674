package org.newsgraph.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process, as the launcher runs it. */
class NewsgraphCommandLineTest {

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void anUnknownCommandIsNamedWithTheCommandsThereAre() {
    int status = run("frobnicate");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "error: unknown command 'frobnicate'; the commands are extract, ingest, load, query,"
                + " backup, restore, compact, serve, demo, eval, train, calibrate\n");
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command :
        new String[] {
          "extract", "ingest", "query", "serve", "demo", "eval", "train", "calibrate"
        }) {
      out.getBuffer().setLength(0);

      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).startsWith("Usage: newsgraph " + command);
    }
  }

  @Test
  void aMalformedLineStopsTheIngestBeforeAnythingIsStored() throws IOException {
    Path batch = folder.resolve("batch.jsonl");
    Files.writeString(batch, "{\"id\":\"a\",\"text\":\"Fine.\"}\n{\"id\":\"b\",\"text\":\n");
    Path store = folder.resolve("store");

    int status = run("ingest", batch.toString(), "--no-link", "--store", store.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("error: " + batch + " line 2: malformed JSON");
    assertThat(store).doesNotExist();
  }

  @Test
  void anEmptyArticleIsRefusedWithItsName() throws IOException {
    Path empty = folder.resolve("empty.txt");
    Files.writeString(empty, "   \n");

    int status =
        run("ingest", empty.toString(), "--no-link", "--store", folder.resolve("store").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("error: " + empty + ": article empty: text is empty");
    assertThat(folder.resolve("store")).doesNotExist();
  }

  @Test
  void ingestedArticlesCanBeQueriedFromTheCommandLine() throws IOException {
    Path article = folder.resolve("halden-names-chief.txt");
    Files.writeString(
        article,
        "Halden Biotech named Ruth Okonkwo as its chief executive on Tuesday. Okonkwo, the chief"
            + " executive of Halden Biotech, said the company would hire 200 scientists.");
    String store = folder.resolve("store").toString();

    assertThat(run("ingest", article.toString(), "--no-link", "--store", store)).isZero();
    assertThat(err.toString()).contains("ingest 1/1 articles");

    out.getBuffer().setLength(0);
    int status =
        run(
            "query",
            "SELECT ?name WHERE { ?p ng:heads ?c ; rdfs:label ?name }",
            "--store",
            store,
            "--format",
            "csv");

    assertThat(status).isZero();
    assertThat(out.toString().lines()).containsExactly("name", "Ruth Okonkwo");
  }

  @Test
  void aMalformedQueryIsAnErrorWithItsPosition() {
    int status = run("query", "SELECT WHERE {", "--store", folder.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: ").contains("line 1");
  }

  private int run(String... args) {
    return Newsgraph.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
