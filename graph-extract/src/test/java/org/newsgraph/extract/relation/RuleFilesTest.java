package org.newsgraph.extract.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.RuleFile;

class RuleFilesTest {

  @Test
  void everyRelationRuleFileOnTheClassPathParsesAndCompiles() {
    List<Rule> rules = Rule.load();

    assertThat(rules).isNotEmpty();
    assertThat(new PatternRelationExtractor(rules).name()).isEqualTo("rules");
  }

  @Test
  void aPatternFollowsItsExampleAndMayStateAConfidence() {
    List<Rule> rules =
        Rule.parse(
            Relation.HEADS,
            "heads.rules",
            "# a comment\n# [[Jo]] runs {{Acme}}.\ndep 0.7 {}=subject >obj {}=object\ntok (?$subject [{}]) (?$object [{}])\n");

    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).line().confidence()).isEqualTo(0.7);
    assertThat(rules.get(0).isDependency()).isTrue();
    assertThat(rules.get(0).line().pattern()).isEqualTo("{}=subject >obj {}=object");
    assertThat(rules.get(1).line().confidence()).isEqualTo(RuleFile.DEFAULT_CONFIDENCE);
    assertThat(rules.get(1).line().source()).isEqualTo("heads.rules:4");
    assertThat(rules.get(0).line().exampleText()).isEqualTo("Jo runs Acme.");
    assertThat(rules.get(0).line().secondMarked()).isEqualTo("Acme");
  }

  @Test
  void aLabelledFileReadsTheLabelBeforeTheConfidence() {
    var lines =
        RuleFile.parse(
            "types.rules", "# [[Acme]] Inc.\ntok ORGANIZATION 0.9 (?$name [{}])\n", true);

    assertThat(lines.get(0).label()).isEqualTo("ORGANIZATION");
    assertThat(lines.get(0).confidence()).isEqualTo(0.9);
    assertThat(lines.get(0).pattern()).isEqualTo("(?$name [{}])");
  }

  @Test
  void aPatternWithoutAnExampleIsRefusedWithItsLine() {
    assertThatThrownBy(
            () -> Rule.parse(Relation.HEADS, "heads.rules", "# no example\ndep {}=subject\n"))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("heads.rules:2: the pattern has no example sentence above it");
  }

  @Test
  void aRelationExampleMustMarkTheObjectToo() {
    assertThatThrownBy(
            () ->
                Rule.parse(Relation.HEADS, "heads.rules", "# [[Jo]] runs Acme.\ndep {}=subject\n"))
        .hasMessage("heads.rules:2: the example marks no object with {{...}}");
  }

  @Test
  void anUnknownKindOfPatternIsRefused() {
    assertThatThrownBy(
            () -> Rule.parse(Relation.HEADS, "heads.rules", "# [[a]] b {{c}}\nregex a.*b\n"))
        .hasMessage("heads.rules:2: expected a line starting with dep or tok, got \"regex\"");
  }

  @Test
  void aPatternThatDoesNotCompileIsNamed() {
    List<Rule> broken =
        Rule.parse(Relation.HEADS, "heads.rules", "# [[a]] b {{c}}\ndep {=subject >>\n");

    assertThatThrownBy(() -> new PatternRelationExtractor(broken))
        .hasMessageStartingWith("heads.rules:2: the pattern does not compile");
  }
}
