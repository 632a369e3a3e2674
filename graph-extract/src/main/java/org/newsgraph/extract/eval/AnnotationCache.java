package org.newsgraph.extract.eval;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
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
 * annotate the same texts again. Entries are keyed by pipeline configuration, the entry format,
 * text and publication date. Thread-safe: entries are written to a temporary file and moved into
 * place. Only Newsgraph's own pipeline's annotations can be kept: stock CoreNLP's hold objects that
 * Java does not serialise.
 *
 * <p>An entry is the annotation in Java's serialisation, but with every dependency relation written
 * as its language and name, and read back as the process's own relation of that name. CoreNLP's
 * {@link GrammaticalRelation}s are process-wide singletons that hold their parent and a plain list
 * of their children, so writing one relation writes the whole hierarchy, and the hierarchy grows
 * whenever a parse meets a preposition or conjunction not seen before ({@code obl:amid} is made on
 * first use, and added to {@code obl}'s children). Written as they were, the hierarchy and its
 * Tregex patterns made entries three times larger (40 KB against 12 KB on KnowledgeNet), and while
 * one thread wrote an entry, another thread's parse could add a child to a list being written: a
 * {@link java.util.ConcurrentModificationException} after some hundred KnowledgeNet documents.
 */
public final class AnnotationCache {

  /**
   * The entry format, part of every key: a change of format, or of what the pipeline puts in an
   * annotation, needs a new one, so that old entries are never read as new ones.
   */
  static final String FORMAT = "annotation-v2";

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
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new CoreDocument(read(in)));
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
      try (OutputStream out = Files.newOutputStream(temporary)) {
        write(document.annotation(), out);
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

  /** Writes an annotation as an entry, compressed, and closes the stream. */
  static void write(Annotation annotation, OutputStream stream) throws IOException {
    try (ObjectOutputStream out =
        new EntryOutput(new GZIPOutputStream(new BufferedOutputStream(stream)))) {
      out.writeObject(annotation);
    }
  }

  /** Reads an entry that {@link #write} wrote, and closes the stream. */
  static Annotation read(InputStream stream) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in =
        new EntryInput(new GZIPInputStream(new BufferedInputStream(stream)))) {
      return (Annotation) in.readObject();
    }
  }

  /** A dependency relation as an entry holds it: its language and its name, such as "obl:amid". */
  private record RelationName(Language language, String name) implements Serializable {}

  /** Java's serialisation, with dependency relations written by name. */
  static class EntryOutput extends ObjectOutputStream {

    EntryOutput(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object object) throws IOException {
      return object instanceof GrammaticalRelation relation
          ? new RelationName(relation.getLanguage(), relation.toString())
          : object;
    }
  }

  /** Java's serialisation, with relation names read as this process's relations. */
  private static final class EntryInput extends ObjectInputStream {

    EntryInput(InputStream in) throws IOException {
      super(in);
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object object) throws IOException {
      return object instanceof RelationName name ? relation(name) : object;
    }
  }

  /**
   * Returns the process's relation of a name, made if it is an enhanced relation not met yet
   * ({@code nmod:amid}), as CoreNLP makes it when it reads a relation Java serialised: with its
   * parent, so that {@code isAncestor} answers as for a fresh parse.
   */
  private static GrammaticalRelation relation(RelationName name) {
    if (name.language() == Language.UniversalEnglish) {
      GrammaticalRelation known = UniversalEnglishGrammaticalRelations.valueOf(name.name());
      if (known != null) {
        return known;
      }
      int colon = name.name().indexOf(':');
      if (colon > 0) {
        String specific = name.name().substring(colon + 1);
        switch (name.name().substring(0, colon)) {
          case "conj":
            return UniversalEnglishGrammaticalRelations.getConj(specific);
          case "nmod":
            return UniversalEnglishGrammaticalRelations.getNmod(specific);
          case "obl":
            return UniversalEnglishGrammaticalRelations.getObl(specific);
          case "acl":
            return UniversalEnglishGrammaticalRelations.getAcl(specific);
          case "advcl":
            return UniversalEnglishGrammaticalRelations.getAdvcl(specific);
          default:
            break;
        }
      }
    }
    return GrammaticalRelation.valueOf(name.language(), name.name());
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
    String key = IriMinter.sha256(FORMAT + "\n" + article.published() + "\n" + article.text());
    return folder
        .resolve(config.name().toLowerCase())
        .resolve(key.substring(0, 2))
        .resolve(key + ".ser.gz");
  }
}
