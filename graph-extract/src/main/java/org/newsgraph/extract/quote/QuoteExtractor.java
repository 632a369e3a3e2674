package org.newsgraph.extract.quote;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Quote;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.rules.WordLists;

/**
 * Direct quotes and who said them.
 *
 * <p>A quote is the text between quotation marks (curly, straight or guillemets) of at least
 * {@value #MIN_WORDS} words; shorter ones are names or scare quotes. Words that report someone
 * named as speaking are the writer's narration, caught between marks that were lost. A quote left
 * open at the end of a paragraph runs to the paragraph's end, as news continues long quotes. The
 * speaker is, in this order: the subject of a verb of speaking ("said", "told", "added") in the
 * quote's sentence and outside the quote; whoever a quote is "according to"; the subject of the
 * sentence that introduces the quote with a colon; the speaker of the quote just before it in the
 * same or the previous paragraph. Pronoun speakers count as their entity. Words that name the
 * person they would be given to are not that person's. Stateless and thread-safe.
 */
public final class QuoteExtractor implements Extractor {

  /** The name recorded as provenance. */
  public static final String NAME = "quotes";

  static final int MIN_WORDS = 3;

  private static final Set<String> SPEAKING = WordLists.words("speaking");

  private record Span(int open, int close, int start, int end) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("depparse");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    String text = article.article().text();
    List<Quote> quotes = new ArrayList<>();
    EntityMention previous = null;
    int previousParagraph = -2;
    int previousEnd = 0;
    String paragraphBreak = article.paragraphBreak();
    for (Span span : spans(text, paragraphBreak)) {
      String words = text.substring(span.start(), span.end());
      if (words.isBlank()
          || words.strip().split("\\s+").length < MIN_WORDS
          || isNarration(article, span)) {
        continue;
      }
      int paragraph = paragraphOf(text, span.open(), paragraphBreak);
      double confidence;
      Optional<EntityMention> speaker = spokenBy(article, span);
      if (speaker.isPresent()) {
        confidence = speaker.get().named() ? 0.95 : 0.9;
      } else if (previous != null
          && paragraph - previousParagraph <= 1
          && !someoneElseNamed(article, previous, previousEnd, span.open())) {
        speaker = Optional.of(previous);
        confidence = 0.75;
      } else {
        continue;
      }
      if (namesItsSpeaker(article, span, speaker.get())) {
        continue;
      }
      previous = speaker.get();
      previousParagraph = paragraph;
      previousEnd = span.close();
      List<CoreMap> sentences = sentencesOf(article, span);
      int sentenceStart = sentences.isEmpty() ? span.open() : begin(sentences.get(0));
      int sentenceEnd =
          sentences.isEmpty() ? span.close() : end(sentences.get(sentences.size() - 1));
      Evidence evidence =
          new Evidence(
              text.substring(sentenceStart, sentenceEnd),
              sentenceStart,
              sentenceEnd,
              ExtractorId.of(NAME),
              confidence);
      quotes.add(new Quote(words, span.start(), span.end(), speaker.get().entity(), evidence));
    }
    return Findings.ofQuotes(quotes);
  }

  /**
   * Whether the quoted words are the writer's, taken for a quote when a quotation mark was lost or
   * left open: they report someone named as speaking ("Mr Croucher said the main issue would
   * be...", "BBC correspondent Stephen Cape said") or end by introducing a quote ("was quoted
   * saying:"). Speakers quote others with pronouns and without a colon at their end.
   */
  private static boolean isNarration(AnnotatedArticle article, Span span) {
    String words = article.article().text().substring(span.start(), span.end());
    if (words.endsWith(":")) {
      return true;
    }
    for (CoreMap sentence : sentencesOf(article, span)) {
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      if (graph == null) {
        continue;
      }
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        if (!inside(token, span) || !isSpeaking(token)) {
          continue;
        }
        IndexedWord verb = graph.getNodeByIndexSafe(token.index());
        // "As Tom Hale said, we will win": a speaker may cite someone in a clause of their own.
        if (verb == null
            || graph.outgoingEdgeList(verb).stream()
                .anyMatch(e -> e.getRelation().toString().equals("mark"))) {
          continue;
        }
        for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(verb)) {
          CoreLabel subject = edge.getDependent().backingLabel();
          if (edge.getRelation().toString().startsWith("nsubj")
              && inside(subject, span)
              && speakerAt(article, subject.beginPosition(), subject.endPosition())
                  .filter(m -> m.named() && m.entity().type() == EntityType.PERSON)
                  .isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the words name the person they would be given to: "Campbell was part of the British
   * quartet..." is the writer's narration about Campbell between lost quotation marks, "I feel a
   * bit for Nigel Worthington" another's words about Worthington; people do not name themselves. An
   * organisation may ("Acme is committed to its customers").
   */
  private static boolean namesItsSpeaker(
      AnnotatedArticle article, Span span, EntityMention speaker) {
    return speaker.entity().type() == EntityType.PERSON
        && article.entities().mentions().stream()
            .anyMatch(
                m ->
                    m.named()
                        && m.entity().equals(speaker.entity())
                        && m.mention().start() >= span.start()
                        && m.mention().end() <= span.end());
  }

  /**
   * Whether a person other than the last speaker is named between the last quote and this one: the
   * words may then be theirs ("Ann Marsh was not convinced. 'The numbers are not there.'"), and are
   * left unattributed rather than given to the last speaker.
   */
  private static boolean someoneElseNamed(
      AnnotatedArticle article, EntityMention previous, int from, int to) {
    return article.entities().mentions().stream()
        .anyMatch(
            m ->
                m.named()
                    && m.entity().type() == EntityType.PERSON
                    && !m.entity().equals(previous.entity())
                    && m.mention().start() >= from
                    && m.mention().end() <= to);
  }

  /** Quote spans: marks at {@code open} and {@code close}, quoted words at {@code start..end}. */
  static List<Span> spans(String text, String paragraphBreak) {
    List<Span> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char closing =
          switch (c) {
            case '\u201c' -> '\u201d';
            case '"' -> '"';
            case '\u00ab' -> '\u00bb';
            default -> 0;
          };
      if (closing == 0) {
        i++;
        continue;
      }
      int paragraphEnd = text.indexOf(paragraphBreak, i);
      if (paragraphEnd < 0) {
        paragraphEnd = text.length();
      }
      int close = text.indexOf(closing, i + 1);
      if (close < 0 || close > paragraphEnd) {
        close = paragraphEnd;
      }
      int start = i + 1;
      int end = close;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start
          && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
        end--;
      }
      if (end > start) {
        spans.add(new Span(i, Math.min(close + 1, text.length()), start, end));
      }
      i = close + 1;
    }
    return spans;
  }

  /** The subject of a verb of speaking in the quote's sentences, "according to", or a colon. */
  private static Optional<EntityMention> spokenBy(AnnotatedArticle article, Span span) {
    List<CoreMap> sentences = sentencesOf(article, span);
    EntityMention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (CoreMap sentence : sentences) {
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      for (CoreLabel token : tokens) {
        if (inside(token, span)) {
          continue;
        }
        Optional<EntityMention> speaker = Optional.empty();
        if (isSpeaking(token)) {
          speaker = subjectOf(article, graph, token, span);
        } else if (token.word().equalsIgnoreCase("according")
            && token.index() + 1 < tokens.size()) {
          CoreLabel next = tokens.get(token.index() + 1);
          speaker = speakerAt(article, next.beginPosition(), next.endPosition());
        }
        if (speaker.isPresent()) {
          int distance =
              token.beginPosition() >= span.close()
                  ? token.beginPosition() - span.close()
                  : span.open() - token.endPosition();
          if (distance < bestDistance) {
            best = speaker.get();
            bestDistance = distance;
          }
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    return introducedWithColon(article, span);
  }

  /**
   * "Altman said: “...”": the subject of the sentence ending just before the quote with a colon.
   */
  private static Optional<EntityMention> introducedWithColon(AnnotatedArticle article, Span span) {
    String before = article.article().text().substring(0, span.open()).stripTrailing();
    if (!before.endsWith(":")) {
      return Optional.empty();
    }
    int at = article.sentenceAt(before.length() - 1);
    if (at < 0) {
      return Optional.empty();
    }
    CoreMap sentence = article.sentences().get(at);
    SemanticGraph graph =
        sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
      if (token.beginPosition() < span.open() && isSpeaking(token)) {
        Optional<EntityMention> speaker = subjectOf(article, graph, token, span);
        if (speaker.isPresent()) {
          return speaker;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<EntityMention> subjectOf(
      AnnotatedArticle article, SemanticGraph graph, CoreLabel verb, Span span) {
    if (graph == null) {
      return Optional.empty();
    }
    IndexedWord node = graph.getNodeByIndexSafe(verb.index());
    if (node == null) {
      return Optional.empty();
    }
    boolean hasSubject = false;
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(node)) {
      String relation = edge.getRelation().toString();
      CoreLabel subject = edge.getDependent().backingLabel();
      if (relation.startsWith("nsubj") && !inside(subject, span)) {
        hasSubject = true;
        Optional<EntityMention> speaker = speakerOrApposition(article, graph, edge.getDependent());
        if (speaker.isPresent()) {
          return speaker;
        }
      }
    }
    if (hasSubject) {
      // "A spokesman told the BBC": a verb with a subject of its own has its hearer after it, not
      // its speaker.
      return Optional.empty();
    }
    // "..., said the economist Lena Hart": after the verb, parsers often attach the speaker as
    // something other than its subject.
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(node)) {
      String relation = edge.getRelation().toString();
      CoreLabel follower = edge.getDependent().backingLabel();
      boolean after = follower.index() > verb.index() && follower.index() - verb.index() <= 4;
      if (after && !inside(follower, span) && relation.matches("xcomp|obj|iobj|dep|appos")) {
        Optional<EntityMention> speaker = speakerOrApposition(article, graph, edge.getDependent());
        if (speaker.isPresent()) {
          return speaker;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The speaker a word names, or the person in apposition to it ("said the company's founder, Nadia
   * Farouk").
   */
  private static Optional<EntityMention> speakerOrApposition(
      AnnotatedArticle article, SemanticGraph graph, IndexedWord word) {
    CoreLabel token = word.backingLabel();
    Optional<EntityMention> speaker =
        speakerAt(article, token.beginPosition(), token.endPosition());
    if (speaker.isPresent()) {
      return speaker;
    }
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
      CoreLabel apposition = edge.getDependent().backingLabel();
      if (edge.getRelation().toString().equals("appos")) {
        Optional<EntityMention> named =
            speakerAt(article, apposition.beginPosition(), apposition.endPosition())
                .filter(m -> m.entity().type() == EntityType.PERSON);
        if (named.isPresent()) {
          return named;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<EntityMention> speakerAt(AnnotatedArticle article, int start, int end) {
    return article
        .entities()
        .at(start, end)
        .filter(
            m ->
                m.entity().type() == EntityType.PERSON
                    || m.entity().type() == EntityType.ORGANIZATION);
  }

  private static boolean isSpeaking(CoreLabel token) {
    String lemma = token.lemma() == null ? "" : token.lemma().toLowerCase(Locale.ROOT);
    return token.tag() != null && token.tag().startsWith("VB") && SPEAKING.contains(lemma);
  }

  private static boolean inside(CoreLabel token, Span span) {
    return token.beginPosition() >= span.open() && token.endPosition() <= span.close();
  }

  private static List<CoreMap> sentencesOf(AnnotatedArticle article, Span span) {
    List<CoreMap> overlapping = new ArrayList<>();
    for (CoreMap sentence : article.sentences()) {
      if (begin(sentence) < span.close() && span.open() < end(sentence)) {
        overlapping.add(sentence);
      }
    }
    return overlapping;
  }

  private static int paragraphOf(String text, int offset, String paragraphBreak) {
    int paragraph = 0;
    for (int i = text.indexOf(paragraphBreak);
        i >= 0 && i < offset;
        i = text.indexOf(paragraphBreak, i + paragraphBreak.length())) {
      paragraph++;
    }
    return paragraph;
  }

  private static int begin(CoreMap sentence) {
    return sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
  }

  private static int end(CoreMap sentence) {
    return sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
  }
}
