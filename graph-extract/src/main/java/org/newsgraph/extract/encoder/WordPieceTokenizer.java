package org.newsgraph.extract.encoder;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BERT's uncased WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json}: text is
 * lower-cased and stripped of accents, split at spaces and around punctuation and CJK characters,
 * and each piece is split into the longest word pieces the vocabulary holds. It works one word at a
 * time so that every word piece is known to belong to one of the sentence's words, which is what
 * pooling a mention's vectors needs. Immutable and thread-safe.
 */
final class WordPieceTokenizer {

  private static final String CONTINUATION = "##";
  private static final int MAX_WORD_CHARS = 100;

  private final Map<String, Integer> vocabulary;
  private final int unknown;

  WordPieceTokenizer(Map<String, Integer> vocabulary, String unknownToken) {
    this.vocabulary = Map.copyOf(vocabulary);
    Integer id = vocabulary.get(unknownToken);
    if (id == null) {
      throw new IllegalArgumentException(
          "the vocabulary has no unknown token " + unknownToken + " of its own");
    }
    this.unknown = id;
  }

  /** Reads the WordPiece model of a {@code tokenizer.json}. */
  static WordPieceTokenizer read(InputStream json) {
    requireNonNull(json, "json");
    try {
      JsonNode model = JsonMapper.builder().build().readTree(json).path("model");
      if (!"WordPiece".equals(model.path("type").asString())) {
        throw new IllegalArgumentException(
            "expected a WordPiece tokenizer, got a model of type '"
                + model.path("type").asString()
                + "'");
      }
      Map<String, Integer> vocabulary = new HashMap<>();
      for (Map.Entry<String, JsonNode> entry : model.path("vocab").properties()) {
        vocabulary.put(entry.getKey(), entry.getValue().asInt());
      }
      return new WordPieceTokenizer(vocabulary, model.path("unk_token").asString("[UNK]"));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cannot read the tokenizer: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the word piece of an id, as the vocabulary spells it ({@code ##} for a continuation).
   */
  String piece(int id) {
    for (Map.Entry<String, Integer> entry : vocabulary.entrySet()) {
      if (entry.getValue() == id) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("the vocabulary has no id " + id);
  }

  /** Returns the id of a special token such as {@code [CLS]}. */
  int id(String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new IllegalArgumentException("the vocabulary has no token " + token);
    }
    return id;
  }

  /** Returns the word pieces of one word, as vocabulary ids; none for a word of spaces only. */
  int[] pieces(String word) {
    List<Integer> ids = new ArrayList<>();
    for (String part : split(normalise(word))) {
      wordPieces(part, ids);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Lower-cases, strips accents and drops control characters, as BERT's uncased models expect. */
  private static String normalise(String word) {
    String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder kept = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.NON_SPACING_MARK
                  || c == 0
                  || c == 0xFFFD
                  || type == Character.CONTROL && !Character.isWhitespace(c)) {
                return;
              }
              kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            });
    return kept.toString();
  }

  /** Splits at spaces and makes every punctuation mark and CJK character a piece of its own. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                flush(current, parts);
              } else if (punctuation(c) || cjk(c)) {
                flush(current, parts);
                parts.add(new String(Character.toChars(c)));
              } else {
                current.appendCodePoint(c);
              }
            });
    flush(current, parts);
    return parts;
  }

  private static void flush(StringBuilder current, List<String> parts) {
    if (current.length() > 0) {
      parts.add(current.toString());
      current.setLength(0);
    }
  }

  /** ASCII symbols count as punctuation, as in BERT, beside Unicode's punctuation classes. */
  private static boolean punctuation(int c) {
    if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean cjk(int c) {
    return c >= 0x4E00 && c <= 0x9FFF
        || c >= 0x3400 && c <= 0x4DBF
        || c >= 0x20000 && c <= 0x2A6DF
        || c >= 0x2A700 && c <= 0x2CEAF
        || c >= 0xF900 && c <= 0xFAFF
        || c >= 0x2F800 && c <= 0x2FA1F;
  }

  /** Greedy longest-match-first, as WordPiece was trained; an unsplittable word is unknown. */
  private void wordPieces(String part, List<Integer> ids) {
    if (part.codePointCount(0, part.length()) > MAX_WORD_CHARS) {
      ids.add(unknown);
      return;
    }
    List<Integer> found = new ArrayList<>();
    int start = 0;
    while (start < part.length()) {
      int end = part.length();
      Integer id = null;
      while (end > start) {
        String piece = (start > 0 ? CONTINUATION : "") + part.substring(start, end);
        id = vocabulary.get(piece);
        if (id != null) {
          break;
        }
        end = part.offsetByCodePoints(end, -1);
      }
      if (id == null) {
        ids.add(unknown);
        return;
      }
      found.add(id);
      start = end;
    }
    ids.addAll(found);
  }
}
