package org.newsgraph.extract.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.core.Article;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Runs every rule on the example sentence written above it, and checks that it finds what is
 * marked.
 */
class RuleExamplesTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  static Stream<Rule> rules() {
    return Rule.load().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleFindsWhatItsExampleMarks(Rule rule) {
    AnnotatedArticle example = EXTRACTOR.annotate(Article.of("example", rule.line().exampleText()));

    List<Fact> facts = new PatternRelationExtractor(List.of(rule)).extract(example).facts();

    assertThat(facts)
        .as("%s on \"%s\"", rule, rule.line().exampleText())
        .anySatisfy(
            fact -> {
              assertThat(fact.relation()).isEqualTo(rule.relation());
              assertThat(fact.subjectMention().text()).isEqualTo(rule.line().firstMarked());
              assertThat(fact.objectMention().text()).isEqualTo(rule.line().secondMarked());
            });
  }

  @Test
  void aFightInCourtIsNoRivalry() {
    PatternRelationExtractor rules = new PatternRelationExtractor(Rule.load());

    assertThat(relations(rules, "Corvane Labs is locked in a price war with Brightline Inc."))
        .contains(Relation.COMPETES_WITH);
    assertThat(relations(rules, "Corvane Labs is locked in a legal battle with Brightline Inc."))
        .doesNotContain(Relation.COMPETES_WITH);
    assertThat(relations(rules, "Corvane Labs's patent fight with Brightline Inc. dragged on."))
        .doesNotContain(Relation.COMPETES_WITH);
  }

  private static List<Relation> relations(PatternRelationExtractor rules, String text) {
    return rules.extract(EXTRACTOR.annotate(Article.of("example", text))).facts().stream()
        .map(Fact::relation)
        .toList();
  }
}
