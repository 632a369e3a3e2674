package org.newsgraph.extract.read;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.core.Article;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.WordLists;

/**
 * Refuses articles that are not in English, which is all the extraction reads: its models, rules
 * and lexicons are English, and other languages would give a graph of nonsense. The test is
 * deliberately blunt: English prose is about a third function words ("the", "of", "and"), and even
 * an English list of names and dates is more than a twentieth; other languages written in the Latin
 * alphabet have a few percent, and other scripts have no Latin letters. Texts too short to judge
 * pass.
 */
public final class EnglishText {

  /** Fewer words than this are too few to judge. */
  static final int MIN_WORDS = 25;

  /** The least share of function words in English, far below what English prose has. */
  static final double MIN_FUNCTION_WORDS = 0.05;

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Set<String> FUNCTION_WORDS = WordLists.words("function-words");

  private EnglishText() {}

  /**
   * Throws if the article's text is long enough to judge and is not English.
   *
   * @throws ExtractionException naming the article and what its text looks like
   */
  public static void require(Article article) {
    int words = 0;
    int functionWords = 0;
    int latin = 0;
    Matcher matcher = WORD.matcher(article.text());
    while (matcher.find()) {
      String word = matcher.group();
      words++;
      if (FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        functionWords++;
      }
      if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN) {
        latin++;
      }
    }
    if (words < MIN_WORDS) {
      return;
    }
    if (latin * 2 < words) {
      throw new ExtractionException(
          "article "
              + article.id()
              + ": the text is mostly in a script other than the Latin alphabet; Newsgraph reads"
              + " English only");
    }
    double share = (double) functionWords / words;
    if (share < MIN_FUNCTION_WORDS) {
      throw new ExtractionException(
          String.format(
              Locale.ROOT,
              "article %s: the text does not look like English (%.0f%% of its words are common"
                  + " English words such as \"the\" and \"of\", against a third in English prose);"
                  + " Newsgraph reads English only",
              article.id(),
              share * 100));
    }
  }
}
