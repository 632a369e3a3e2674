package org.newsgraph.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.EntityMentionsAnnotator;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CoreNLP's named-entity tagger with SUTime run only on the sentences that can hold a time.
 *
 * <p>SUTime tries its few hundred TokensRegex rules at every token of every sentence: that was a
 * third of Newsgraph's extraction time (JFR), although a third of news sentences hold no number and
 * no word of time. So each sentence goes to one of two CoreNLP taggers with the same models and
 * settings: with SUTime if any of its tokens has a digit, is a number to the part-of-speech tagger,
 * or is a word that time expressions or SUTime's numbers are made of (months, weekdays, units of
 * time, "yesterday", "previously", seasons, holidays, numbers and ordinals in words); without it
 * otherwise. A sentence of the second kind gets from SUTime nothing that the other tagger does not
 * give it: the extraction's records were the same, line for line, over KnowledgeNet's three folds,
 * the news sets and 900 generated articles, and the test compares the tags token for token.
 *
 * <p>The sentences of each kind go to their tagger together, in document order, as CoreNLP's own
 * tagger would see them; entity mentions are then built over the whole document, as CoreNLP's
 * tagger builds them. Thread-safe, like the taggers it holds.
 */
public final class SelectiveTimeNerAnnotator implements Annotator {

  /** Lower-case words that time expressions are made of; a sentence with one goes to SUTime. */
  private static final Set<String> TIME_WORDS =
      words(
          // months and weekdays, with their abbreviations
          "january february march april may june july august september october november december",
          "jan feb mar apr jun jul aug sep sept oct nov dec",
          "monday tuesday wednesday thursday friday saturday sunday",
          "mondays tuesdays wednesdays thursdays fridays saturdays sundays",
          "mon tue tues wed thu thur thurs fri sat sun",
          // times relative to now
          "today tonight yesterday tomorrow now currently current recent recently lately ago hence",
          "past present future previous previously formerly once next last earlier later soon",
          "time times era eras",
          // units of time
          "second seconds sec secs minute minutes min mins hour hours hr hrs",
          "day days week weeks wk wks weekend weekends fortnight month months mo mos",
          "quarter quarters year years yr yrs decade decades century centuries millennium",
          "season seasons",
          // parts of the day, seasons, how often
          "morning mornings afternoon afternoons evening evenings night nights noon midnight",
          "overnight midday dawn dusk daylight daylights sunrise sunset daybreak nightfall",
          "twilight lunchtime teatime dinnertime suppertime bedtime",
          "spring springs summer summers autumn autumns fall winter winters",
          "daily weekly monthly yearly annual annually hourly nightly quarterly biweekly",
          // holidays that SUTime knows by name
          "christmas easter thanksgiving halloween hanukkah ramadan eid valentine valentine's",
          "independence memorial labor labour veterans passover diwali",
          // clock and era marks
          "am pm a.m. p.m. bc ad bce ce",
          // numbers and ordinals written as words: SUTime's tagger reads these, the other not
          "one two three four five six seven eight nine ten eleven twelve",
          "thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
          "twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion",
          "trillion dozen dozens half",
          "first third fourth fifth sixth seventh eighth ninth tenth",
          "eleventh twelfth twentieth hundredth");

  private static final Pattern DIGIT = Pattern.compile("\\d");

  private final NERCombinerAnnotator withTimes;
  private final NERCombinerAnnotator withoutTimes;
  private final EntityMentionsAnnotator mentions;

  /**
   * Builds the two taggers from the pipeline's {@code ner.*} settings, as CoreNLP builds its own;
   * the signature is the one CoreNLP's {@code customAnnotatorClass} property needs.
   */
  public SelectiveTimeNerAnnotator(String name, Properties properties) {
    try {
      this.withTimes = new NERCombinerAnnotator(tagger(properties, true));
      this.withoutTimes = new NERCombinerAnnotator(tagger(properties, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the named-entity models", e);
    }
    Properties mentionSettings =
        PropertiesUtils.extractPrefixedProperties(properties, "ner.entitymentions.", true);
    mentionSettings.setProperty("ner.entitymentions.language", "ENGLISH");
    this.mentions = new EntityMentionsAnnotator("ner.entitymentions", mentionSettings);
  }

  private static Properties tagger(Properties pipeline, boolean sutime) {
    Properties settings = new Properties();
    settings.putAll(pipeline);
    settings.setProperty("ner.useSUTime", String.valueOf(sutime));
    settings.setProperty("ner.buildEntityMentions", "false");
    return settings;
  }

  /**
   * Returns whether a sentence may hold a time expression: whether a token has a digit, is tagged
   * as a number, or is one of the words that time expressions are made of.
   */
  public static boolean mayHoldTime(List<CoreLabel> tokens) {
    for (CoreLabel token : tokens) {
      String word = token.word().toLowerCase(Locale.ROOT);
      if (TIME_WORDS.contains(word)
          || (word.length() > 2 && word.endsWith(".") && TIME_WORDS.contains(dropDot(word)))
          || "CD".equals(token.tag())
          || DIGIT.matcher(word).find()) {
        return true;
      }
    }
    return false;
  }

  private static String dropDot(String word) {
    return word.substring(0, word.length() - 1);
  }

  @Override
  public void annotate(Annotation document) {
    List<CoreMap> timed = new ArrayList<>();
    List<CoreMap> untimed = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      (mayHoldTime(sentence.get(CoreAnnotations.TokensAnnotation.class)) ? timed : untimed)
          .add(sentence);
    }
    tag(withTimes, document, timed);
    tag(withoutTimes, document, untimed);
    mentions.annotate(document);
  }

  /** Tags some of a document's sentences: the tagger sees a document that holds only them. */
  private static void tag(Annotator tagger, Annotation document, List<CoreMap> sentences) {
    if (sentences.isEmpty()) {
      return;
    }
    Annotation part = new Annotation(document.get(CoreAnnotations.TextAnnotation.class));
    part.set(
        CoreAnnotations.DocDateAnnotation.class,
        document.get(CoreAnnotations.DocDateAnnotation.class));
    part.set(
        CoreAnnotations.DocIDAnnotation.class, document.get(CoreAnnotations.DocIDAnnotation.class));
    part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
    List<CoreLabel> tokens = new ArrayList<>();
    for (CoreMap sentence : sentences) {
      tokens.addAll(sentence.get(CoreAnnotations.TokensAnnotation.class));
    }
    part.set(CoreAnnotations.TokensAnnotation.class, tokens);
    tagger.annotate(part);
  }

  @Override
  public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
    Set<Class<? extends CoreAnnotation>> satisfied =
        new HashSet<>(withTimes.requirementsSatisfied());
    satisfied.addAll(mentions.requirementsSatisfied());
    return satisfied;
  }

  @Override
  public Set<Class<? extends CoreAnnotation>> requires() {
    return withTimes.requires();
  }

  private static Set<String> words(String... lines) {
    Set<String> words = new HashSet<>();
    for (String line : lines) {
      words.addAll(List.of(line.split(" ")));
    }
    return Set.copyOf(words);
  }
}
