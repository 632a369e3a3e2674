package org.newsgraph.extract.entity;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.core.Article;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Runs every entity-type rule on the example sentence above it: the pattern must capture the marked
 * name, and the article's recognition must give the name the rule's type.
 */
class EntityTypeRuleExamplesTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  static Stream<EntityTypeRule> rules() {
    return EntityTypeRule.load().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleCapturesAndTypesTheMarkedName(EntityTypeRule rule) {
    String marked = rule.line().firstMarked();
    AnnotatedArticle example = EXTRACTOR.annotate(Article.of("example", rule.line().exampleText()));

    List<String> captured = new ArrayList<>();
    List<CoreLabel> tokens = example.document().tokens();
    TokenSequenceMatcher matcher = rule.pattern().getMatcher(tokens);
    while (matcher.find()) {
      List<? extends CoreMap> name = matcher.groupNodes("$name");
      int start = ((CoreLabel) name.get(0)).beginPosition();
      int end = ((CoreLabel) name.get(name.size() - 1)).endPosition();
      captured.add(example.article().text().substring(start, end));
    }

    assertThat(captured).as("%s captures", rule).contains(marked);
    assertThat(example.entities().mentions())
        .as("%s types \"%s\" as %s", rule, marked, rule.type())
        .anySatisfy(
            mention -> {
              assertThat(mention.mention().text()).isEqualTo(marked);
              assertThat(mention.entity().type()).isEqualTo(rule.type());
            });
  }
}
