package org.newsgraph.extract.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Article;
import org.newsgraph.extract.read.SampleCorpus;

/**
 * The selective tagger against CoreNLP's own, which runs SUTime on every sentence: same tags, same
 * normalised values, token for token, and the same entity mentions.
 */
class SelectiveTimeNerAnnotatorTest {

  private static StanfordCoreNLP selective;
  private static StanfordCoreNLP reference;

  @BeforeAll
  static void load() {
    // Newsgraph's pipeline up to the tagger, and the same with CoreNLP's tagger in its place.
    Properties newsgraph = NlpPipeline.Config.NEWSGRAPH.properties();
    String annotators = newsgraph.getProperty("annotators");
    newsgraph.setProperty("annotators", annotators.substring(0, annotators.indexOf(",depparse")));
    selective = new StanfordCoreNLP(newsgraph);
    Properties stock = NlpPipeline.Config.NEWSGRAPH.properties();
    stock.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    reference = new StanfordCoreNLP(stock);
  }

  @Test
  void theSampleArticlesAreTaggedAsCoreNlpTagsThem() {
    int timed = 0;
    int untimed = 0;
    for (Article article : SampleCorpus.articles()) {
      Annotation ours = annotate(selective, article);
      Annotation theirs = annotate(reference, article);
      assertThat(tags(ours)).as(article.id()).isEqualTo(tags(theirs));
      assertThat(mentions(ours)).as(article.id()).isEqualTo(mentions(theirs));
      for (CoreMap sentence : ours.get(CoreAnnotations.SentencesAnnotation.class)) {
        if (SelectiveTimeNerAnnotator.mayHoldTime(
            sentence.get(CoreAnnotations.TokensAnnotation.class))) {
          timed++;
        } else {
          untimed++;
        }
      }
    }
    // Both taggers had sentences to tag, or the comparison says nothing.
    assertThat(timed).isPositive();
    assertThat(untimed).isPositive();
  }

  @Test
  void timesNumbersAndNamesInSentencesOfBothKinds() {
    Article article =
        new Article(
            "selective-test",
            "Maria Okafor joined Kestrel Labs in March 2019 and led it for six years. She now"
                + " chairs Brightwave Energy. The company employs 1,200 people and its shares rose"
                + " 4 percent. Okafor previously worked at Nord Bank in Lyon. Her sister Ingrid"
                + " runs a bakery called First Loaf near Denver.",
            null,
            null,
            java.time.LocalDate.of(2025, 2, 3));
    Annotation ours = annotate(selective, article);
    assertThat(tags(ours)).isEqualTo(tags(annotate(reference, article)));
    assertThat(tags(ours))
        .contains("March/DATE/2019-03", "2019/DATE/2019-03", "years/DURATION/P6Y")
        .contains("Okafor/PERSON/null", "4/PERCENT/%4.0");
  }

  @Test
  void aSentenceMayHoldATimeByItsWordsAndDigits() {
    assertThat(SelectiveTimeNerAnnotator.mayHoldTime(tokens("Sam Altman leads OpenAI .")))
        .isFalse();
    assertThat(SelectiveTimeNerAnnotator.mayHoldTime(tokens("The company declined to comment .")))
        .isFalse();
    for (String sentence :
        List.of(
            "It opened on March 3 .",
            "It opened in 2019 .",
            "It grew in the 1990s .",
            "She previously worked there .",
            "The vote is at 10:30 .",
            "Shares fell 4 percent .",
            "Three people were hurt .",
            "It was the first time .",
            "Results came out yesterday .")) {
      assertThat(SelectiveTimeNerAnnotator.mayHoldTime(tokens(sentence))).as(sentence).isTrue();
    }
  }

  private static Annotation annotate(StanfordCoreNLP pipeline, Article article) {
    Annotation annotation = new Annotation(article.text());
    if (article.published() != null) {
      annotation.set(CoreAnnotations.DocDateAnnotation.class, article.published().toString());
    }
    pipeline.annotate(annotation);
    return annotation;
  }

  /** Each token as word/tag/normalised value. */
  private static List<String> tags(Annotation annotation) {
    List<String> tags = new ArrayList<>();
    for (CoreLabel token : annotation.get(CoreAnnotations.TokensAnnotation.class)) {
      tags.add(
          token.word()
              + "/"
              + token.ner()
              + "/"
              + token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
    }
    return tags;
  }

  /** The document's entity mentions, as text/type. */
  private static List<String> mentions(Annotation annotation) {
    return annotation.get(CoreAnnotations.MentionsAnnotation.class).stream()
        .map(
            mention ->
                mention.get(CoreAnnotations.TextAnnotation.class)
                    + "/"
                    + mention.get(CoreAnnotations.EntityTypeAnnotation.class))
        .toList();
  }

  /** Tokens split at spaces; a number gets the tag CD, as the part-of-speech tagger gives it. */
  private static List<CoreLabel> tokens(String sentence) {
    List<CoreLabel> tokens = new ArrayList<>();
    for (String word : Arrays.asList(sentence.split(" "))) {
      CoreLabel token = new CoreLabel();
      token.setWord(word);
      token.setTag(word.matches("\\d[\\d.,:]*") ? "CD" : "NN");
      tokens.add(token);
    }
    return tokens;
  }
}
