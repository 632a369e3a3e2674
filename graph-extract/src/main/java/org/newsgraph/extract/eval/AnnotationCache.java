package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.newsgraph.core.Article;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.ontology.IriMinter;

/**
 * Keeps CoreNLP's annotations of articles in a folder, so that evaluating changed rules does not
 * annotate the same texts again. Entries are keyed by pipeline configuration, text and publication
 * date. Thread-safe: entries are written to a temporary file and moved into place. Only Newsgraph's
 * own pipeline's annotations can be kept: stock CoreNLP's hold objects that Java does not
 * serialise.
 */
public final class AnnotationCache {

  private final Path folder;

  public AnnotationCache(Path folder) {
    this.folder = requireNonNull(folder, "folder");
  }

  /** Returns the kept annotation of an article, if there is one. */
  public Optional<CoreDocument> get(NlpPipeline.Config config, Article article) {
    Path file = file(config, article);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (ObjectInputStream in =
        new ObjectInputStream(
            new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
      return Optional.of(new CoreDocument((Annotation) in.readObject()));
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps the annotation of an article, if it can be serialised (stock CoreNLP's quotes and KBP
   * relations cannot).
   *
   * @return whether it was kept
   */
  public boolean put(NlpPipeline.Config config, Article article, CoreDocument document) {
    Path file = file(config, article);
    Path temporary = null;
    try {
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), "entry", ".tmp");
      try (ObjectOutputStream out =
          new ObjectOutputStream(
              new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary))))) {
        out.writeObject(document.annotation());
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NotSerializableException e) {
      deleteQuietly(temporary);
      return false;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException(
          "cannot keep the annotation of " + article.id() + " in " + folder, e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Only a leftover temporary file; the cache stays consistent without it.
      }
    }
  }

  private Path file(NlpPipeline.Config config, Article article) {
    String key = IriMinter.sha256(article.published() + "\n" + article.text());
    return folder
        .resolve(config.name().toLowerCase())
        .resolve(key.substring(0, 2))
        .resolve(key + ".ser.gz");
  }
}
