package org.newsgraph.extract.quote;

import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Quote;
import org.newsgraph.extract.AnnotatedArticle;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Findings;
import org.newsgraph.extract.entity.EntityMention;

/**
 * Direct quotes and their speakers from CoreNLP's quote annotator and its attribution, each speaker
 * resolved to the article's entity.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteExtractor implements Extractor {

  /** The name recorded as provenance. */
  public static final String NAME = "corenlp-quote";

  private static final String OPENING = "\"'\u201c\u2018\u00ab\u201e";
  private static final String CLOSING = "\"'\u201d\u2019\u00bb\u201c,";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("quote");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    List<Quote> quotes = new ArrayList<>();
    if (article.document().quotes() == null) {
      return Findings.ofQuotes(quotes);
    }
    String text = article.article().text();
    for (CoreQuote quote : article.document().quotes()) {
      int start = quote.quoteCharOffsets().first;
      int end = quote.quoteCharOffsets().second;
      while (start < end && OPENING.indexOf(text.charAt(start)) >= 0) {
        start++;
      }
      while (end > start && (CLOSING.indexOf(text.charAt(end - 1)) >= 0)) {
        end--;
      }
      if (start >= end) {
        continue;
      }
      Optional<EntityMention> speaker = speaker(article, quote);
      if (speaker.isEmpty()) {
        continue;
      }
      List<CoreSentence> sentences = quote.sentences();
      int sentenceStart = sentences.isEmpty() ? start : sentences.get(0).charOffsets().first;
      int sentenceEnd =
          sentences.isEmpty() ? end : sentences.get(sentences.size() - 1).charOffsets().second;
      double confidence = quote.hasCanonicalSpeaker ? 0.9 : 0.75;
      Evidence evidence =
          new Evidence(
              text.substring(sentenceStart, sentenceEnd),
              sentenceStart,
              sentenceEnd,
              NAME,
              confidence);
      quotes.add(
          new Quote(text.substring(start, end), start, end, speaker.get().entity(), evidence));
    }
    return Findings.ofQuotes(quotes);
  }

  private static Optional<EntityMention> speaker(AnnotatedArticle article, CoreQuote quote) {
    Optional<Pair<Integer, Integer>> offsets =
        quote.canonicalSpeakerCharOffsets().or(quote::speakerCharOffsets);
    return offsets
        .flatMap(o -> article.entities().at(o.first, o.second))
        .filter(
            m ->
                m.entity().type() == EntityType.PERSON
                    || m.entity().type() == EntityType.ORGANIZATION);
  }
}
