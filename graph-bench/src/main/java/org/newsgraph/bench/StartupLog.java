package org.newsgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of a server's start-up, in seconds, as the server logged them: the JVM until Spring's
 * context was ready and the context itself (Spring's "Started ... in"), opening the store and, in
 * that, checking the name index (the store's own lines). A step the log does not show is "n/a".
 */
record StartupLog(String process, String context, String store, String nameIndex) {

  private static final Pattern STARTED =
      Pattern.compile("Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");
  private static final Pattern STORE = Pattern.compile("store opened in (\\d+) ms");
  private static final Pattern NAME_INDEX =
      Pattern.compile("name index of the store .* (?:checked|rebuilt) in (\\d+) ms");

  static StartupLog read(Path log) throws IOException {
    String text = Files.readString(log);
    Matcher started = STARTED.matcher(text);
    boolean found = started.find();
    return new StartupLog(
        found ? seconds(started.group(2), 1) : "n/a",
        found ? seconds(started.group(1), 1) : "n/a",
        milliseconds(STORE.matcher(text)),
        milliseconds(NAME_INDEX.matcher(text)));
  }

  private static String milliseconds(Matcher matcher) {
    return matcher.find() ? seconds(matcher.group(1), 1000) : "n/a";
  }

  private static String seconds(String figure, double perSecond) {
    return String.format(Locale.ROOT, "%.2f", Double.parseDouble(figure) / perSecond);
  }
}
