package org.newsgraph.extract.encoder;

import java.util.List;

/**
 * Turns the words of a sentence into one vector each, read in the context of the whole sentence, so
 * that a classifier can weigh what the words mean where sparse features only see their forms.
 * Implementations are thread-safe.
 */
public interface WordEncoder {

  /** Returns the length of every vector. */
  int dimension();

  /**
   * Returns a name for the model and the way it pools, part of every cache key, so that vectors of
   * one model are never read as another's.
   */
  String name();

  /**
   * Returns one vector for each word, in order. A word the encoder could not fit in its input (past
   * its longest sequence) gets a vector of zeros.
   *
   * @param words the sentence's words as the tokenizer split them
   */
  float[][] encode(List<String> words);
}
