package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.nlp.DateMention;
import org.newsgraph.extract.rules.EntityTypeAnnotation;
import org.newsgraph.extract.rules.Patterns;

/**
 * Finds facts with the dependency and token patterns of the rule files ({@link Rule}).
 *
 * <p>Patterns see each token's entity type as {@code entity} ({@link EntityTypeAnnotation}), so
 * they work on names that no model has seen and on pronouns that coreference resolved. A matched
 * subject or object token stands for the entity mention that holds it; a date object is the run of
 * date tokens around the matched token. Stateless and thread-safe.
 */
public final class PatternRelationExtractor implements Extractor {

  /** The name recorded as provenance, followed by the rule file and line. */
  public static final String NAME = "rules";

  private record Compiled(Rule rule, SemgrexPattern dependency, TokenSequencePattern tokens) {}

  private final List<Compiled> rules;

  /** Returns the extractor with every rule file on the class path. */
  public static PatternRelationExtractor fromRuleFiles() {
    return new PatternRelationExtractor(Rule.load());
  }

  /**
   * @param rules the rules to apply
   * @throws ExtractionException naming the rule, if a pattern does not compile
   */
  public PatternRelationExtractor(List<Rule> rules) {
    requireNonNull(rules, "rules");
    List<Compiled> compiled = new ArrayList<>();
    for (Rule rule : rules) {
      compiled.add(
          rule.isDependency()
              ? new Compiled(rule, rule.line().compile(Patterns::dependency), null)
              : new Compiled(rule, null, rule.line().compile(Patterns::tokens)));
    }
    this.rules = List.copyOf(compiled);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("ner", "depparse");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    List<Fact> facts = new ArrayList<>();
    List<CoreMap> sentences = article.sentences();
    for (int s = 0; s < sentences.size(); s++) {
      CoreMap sentence = sentences.get(s);
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      for (Compiled compiled : rules) {
        if (compiled.dependency() != null) {
          if (graph == null) {
            continue;
          }
          SemgrexMatcher matcher = compiled.dependency().matcher(graph);
          while (matcher.find()) {
            IndexedWord subject = matcher.getNode("subject");
            IndexedWord object = matcher.getNode("object");
            if (subject != null && object != null) {
              fact(
                      article,
                      s,
                      compiled.rule(),
                      List.of(subject.backingLabel()),
                      List.of(object.backingLabel()),
                      tokens)
                  .ifPresent(facts::add);
            }
          }
        } else {
          TokenSequenceMatcher matcher = compiled.tokens().getMatcher(tokens);
          while (matcher.find()) {
            List<? extends CoreMap> subject = matcher.groupNodes("$subject");
            List<? extends CoreMap> object = matcher.groupNodes("$object");
            if (subject != null && object != null && !subject.isEmpty() && !object.isEmpty()) {
              fact(article, s, compiled.rule(), labels(subject), labels(object), tokens)
                  .ifPresent(facts::add);
            }
          }
        }
      }
    }
    return Findings.ofFacts(facts);
  }

  private static List<CoreLabel> labels(List<? extends CoreMap> nodes) {
    return nodes.stream().map(node -> (CoreLabel) node).toList();
  }

  private static Optional<Fact> fact(
      AnnotatedArticle article,
      int sentence,
      Rule rule,
      List<CoreLabel> subjectTokens,
      List<CoreLabel> objectTokens,
      List<CoreLabel> sentenceTokens) {
    Relation relation = rule.relation();
    Optional<EntityMention> subject = entityOf(article, subjectTokens, sentenceTokens);
    if (subject.isEmpty() || !relation.subjectTypes().contains(subject.get().entity().type())) {
      return Optional.empty();
    }
    Evidence evidence =
        article.evidence(
            sentence, new ExtractorId(NAME, rule.line().source()), rule.line().confidence());
    if (relation.isDateValued()) {
      return DateMention.around(objectTokens.get(0), sentenceTokens, article.article().text())
          .filter(date -> RelationCandidate.plausible(relation, null, date.mention()))
          .map(
              date ->
                  Fact.dated(
                      relation,
                      subject.get().entity(),
                      subject.get().mention(),
                      date.value(),
                      date.mention(),
                      evidence));
    }
    Optional<EntityMention> object = entityOf(article, objectTokens, sentenceTokens);
    if (object.isEmpty()
        || !relation.objectTypes().contains(object.get().entity().type())
        || object.get().entity().equals(subject.get().entity())
        || !RelationCandidate.plausible(relation, object.get().entity(), null)) {
      return Optional.empty();
    }
    return Optional.of(
        Fact.between(
            relation,
            subject.get().entity(),
            subject.get().mention(),
            object.get().entity(),
            object.get().mention(),
            evidence));
  }

  /** The entity the tokens refer to, cited by its name in the sentence where there is one. */
  private static Optional<EntityMention> entityOf(
      AnnotatedArticle article, List<CoreLabel> tokens, List<CoreLabel> sentence) {
    int start = tokens.get(0).beginPosition();
    int end = tokens.get(tokens.size() - 1).endPosition();
    int sentenceStart = sentence.get(0).beginPosition();
    int sentenceEnd = sentence.get(sentence.size() - 1).endPosition();
    return article
        .entities()
        .at(start, end)
        .map(m -> article.entities().preferName(m, sentenceStart, sentenceEnd));
  }
}
