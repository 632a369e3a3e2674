package org.newsgraph.extract.rules;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;

/**
 * Compiles Semgrex and TokensRegex patterns that may refer to Newsgraph's token annotations: the
 * entity type as {@code entity} and the role as {@code role}.
 */
public final class Patterns {

  private Patterns() {}

  /** Compiles a Semgrex pattern over dependency graphs. */
  public static SemgrexPattern dependency(String pattern) {
    edu.stanford.nlp.semgraph.semgrex.Env env = new edu.stanford.nlp.semgraph.semgrex.Env();
    env.bind("entity", EntityTypeAnnotation.class);
    env.bind("role", RoleAnnotation.class);
    return SemgrexPattern.compile(pattern, env);
  }

  /**
   * Compiles a TokensRegex pattern over token sequences. {@code $NAMEWORD} stands for a word that
   * may belong to a name: a proper noun, or a capitalised common noun ("OpenAI", "Pulse").
   */
  public static TokenSequencePattern tokens(String pattern) {
    Env env = TokenSequencePattern.getNewEnv();
    env.bind("entity", EntityTypeAnnotation.class);
    env.bind("role", RoleAnnotation.class);
    env.bind("$NAMEWORD", TokenSequencePattern.compile(NAME_WORD));
    return TokenSequencePattern.compile(env, pattern);
  }

  private static final String NAME_WORD = "[{tag:/NNPS?/} | {word:/\\p{Lu}.*/} & {tag:/NNS?/}]";
}
