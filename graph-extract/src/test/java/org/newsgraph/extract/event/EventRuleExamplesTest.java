package org.newsgraph.extract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.core.Article;
import org.newsgraph.core.Event;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.pipeline.ArticleExtractor;

/**
 * Runs every event rule on the example sentence above it: it must find its event, the trigger
 * marked.
 */
class EventRuleExamplesTest {

  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.standard();

  static Stream<EventRule> rules() {
    return EventRule.load().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleFindsItsEventWithTheMarkedTrigger(EventRule rule) {
    AnnotatedArticle example = EXTRACTOR.annotate(Article.of("example", rule.line().exampleText()));

    List<Event> events = new EventExtractor(List.of(rule)).extract(example).events();

    assertThat(events)
        .as("%s on \"%s\"", rule, rule.line().exampleText())
        .anySatisfy(
            event -> {
              assertThat(event.type()).isEqualTo(rule.type());
              assertThat(event.trigger().text()).isEqualTo(rule.line().firstMarked());
            });
  }
}
