package org.newsgraph.extract.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample articles written for Newsgraph ({@code samples/articles.jsonl} on the class path),
 * which the demo loads. Their companies and people are invented.
 */
public final class SampleCorpus {

  /** Where the corpus lives on the class path. */
  public static final String RESOURCE = "samples/articles.jsonl";

  private SampleCorpus() {}

  /** Returns the sample articles. */
  public static List<org.newsgraph.core.Article> articles() {
    try (InputStream in = SampleCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new ArticleReader()
          .parseJsonLines(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
