package org.newsgraph.extract.encoder;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps an encoder's vectors in a folder, one file per sentence keyed by a hash of the encoder's
 * name and the sentence's words, so that repeated evaluations (cross-validation trains and scores
 * the same KnowledgeNet sentences many times) run the encoder once. Thread-safe: a file is written
 * under a temporary name and moved into place, and a file that cannot be read is encoded again.
 */
public final class CachedWordEncoder implements WordEncoder {

  private final WordEncoder encoder;
  private final Path folder;

  /**
   * @param encoder the encoder whose vectors are kept
   * @param folder where they are kept
   */
  public CachedWordEncoder(WordEncoder encoder, Path folder) {
    this.encoder = requireNonNull(encoder, "encoder");
    this.folder = requireNonNull(folder, "folder");
  }

  @Override
  public int dimension() {
    return encoder.dimension();
  }

  @Override
  public String name() {
    return encoder.name();
  }

  @Override
  public float[][] encode(List<String> words) {
    Path file = file(words);
    float[][] kept = read(file, words.size());
    if (kept != null) {
      return kept;
    }
    float[][] vectors = encoder.encode(words);
    write(file, vectors);
    return vectors;
  }

  private float[][] read(Path file, int words) {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      int dimension = in.readInt();
      if (count != words || dimension != encoder.dimension()) {
        return null;
      }
      float[][] vectors = new float[count][dimension];
      for (float[] vector : vectors) {
        for (int d = 0; d < dimension; d++) {
          vector[d] = in.readFloat();
        }
      }
      return vectors;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // A file cut short (a process stopped while moving it) is encoded again.
      return null;
    }
  }

  private void write(Path file, float[][] vectors) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "vectors", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new java.io.BufferedOutputStream(Files.newOutputStream(temporary)))) {
        out.writeInt(vectors.length);
        out.writeInt(encoder.dimension());
        for (float[] vector : vectors) {
          for (float value : vector) {
            out.writeFloat(value);
          }
        }
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the encoder's vectors in " + file, e);
    }
  }

  private Path file(List<String> words) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(encoder.name().getBytes(StandardCharsets.UTF_8));
      for (String word : words) {
        digest.update((byte) 0);
        digest.update(word.getBytes(StandardCharsets.UTF_8));
      }
      String key = HexFormat.of().formatHex(digest.digest());
      return folder.resolve(key.substring(0, 2)).resolve(key + ".vec");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
