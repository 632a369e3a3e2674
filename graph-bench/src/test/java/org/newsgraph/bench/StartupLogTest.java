package org.newsgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up steps are read from the lines the server logs as it starts. */
class StartupLogTest {

  @TempDir Path folder;

  @Test
  void theStepsComeFromTheServersOwnLines() throws IOException {
    Path log = folder.resolve("startup.log");
    Files.writeString(
        log,
        """
        10:00:00.100 INFO  org.newsgraph.api.cli.Newsgraph - Starting Newsgraph using Java 17
        10:00:02.000 DEBUG o.n.core.store.Tdb2GraphStore - name index of the store /s checked in 412 ms
        10:00:02.010 INFO  o.newsgraph.api.ServerConfiguration - store opened in 1530 ms
        10:00:04.000 INFO  org.newsgraph.api.cli.Newsgraph - Started Newsgraph in 3.95 seconds (process running for 4.61)
        """);

    assertThat(StartupLog.read(log)).isEqualTo(new StartupLog("4.61", "3.95", "1.53", "0.41"));
  }

  @Test
  void aStepTheLogDoesNotShowIsNotAvailable() throws IOException {
    Path log = folder.resolve("startup.log");
    Files.writeString(
        log, "10:00:00.100 INFO  org.newsgraph.api.cli.Newsgraph - Starting Newsgraph\n");

    assertThat(StartupLog.read(log)).isEqualTo(new StartupLog("n/a", "n/a", "n/a", "n/a"));
  }
}
