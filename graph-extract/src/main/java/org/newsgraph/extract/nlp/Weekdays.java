package org.newsgraph.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Dates every bare weekday ("on Wednesday") from the publication date and the tense around it,
 * instead of taking SUTime's date.
 *
 * <p>Two reasons. SUTime reads the tense of the whole sentence, so in "Okafor said on Wednesday
 * that she would investigate", a Thursday story, the "would" sends Wednesday into the next week;
 * news reports what happened, and when the verb that the weekday belongs to is in the past, so is
 * the day. And SUTime keeps the tense it last saw next to a weekday from one document to the next
 * (CoreNLP issue 1061): the same article got another date after a pipeline had read some other
 * article, so results depended on the order articles came in, and differed between machines. Here
 * the date depends on the article alone:
 *
 * <ol>
 *   <li>the first verb above the weekday in the dependency graph, if it is in the past (the day is
 *       the last one on or before publication) or has a future auxiliary (the next one on or after
 *       it);
 *   <li>else the sentence's main verb, the same way;
 *   <li>else a past-tense verb or a future auxiliary within three words of the weekday;
 *   <li>else the day of the publication's week.
 * </ol>
 */
final class Weekdays {

  private static final Set<String> FUTURE_AUXILIARIES = Set.of("will", "would", "shall", "'ll");

  /** What a verb or the words near a weekday say of its time. */
  private enum Tense {
    PAST,
    FUTURE,
    UNKNOWN
  }

  private Weekdays() {}

  /** Sets, in place, the normalised date of every bare weekday in the sentences. */
  static void resolve(List<CoreMap> sentences, LocalDate published) {
    for (CoreMap sentence : sentences) {
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      if (graph == null) {
        continue;
      }
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      for (int i = 0; i < tokens.size(); i++) {
        CoreLabel token = tokens.get(i);
        Optional<DayOfWeek> day = weekday(token);
        // Only a weekday on its own: SUTime reads "last Wednesday" and "Wednesday, March 4" well.
        boolean alone =
            (i == 0 || !"DATE".equals(tokens.get(i - 1).ner()))
                && (i + 1 == tokens.size() || !"DATE".equals(tokens.get(i + 1).ner()));
        if (day.isPresent() && alone) {
          token.set(
              CoreAnnotations.NormalizedNamedEntityTagAnnotation.class,
              date(day.get(), tense(graph, tokens, i), published).toString());
        }
      }
    }
  }

  private static LocalDate date(DayOfWeek day, Tense tense, LocalDate published) {
    return switch (tense) {
      case PAST -> published.with(TemporalAdjusters.previousOrSame(day));
      case FUTURE -> published.with(TemporalAdjusters.nextOrSame(day));
      case UNKNOWN -> published.with(ChronoField.DAY_OF_WEEK, day.getValue());
    };
  }

  private static Tense tense(SemanticGraph graph, List<CoreLabel> tokens, int weekday) {
    Tense governing = governingVerb(graph, tokens.get(weekday));
    if (governing != Tense.UNKNOWN) {
      return governing;
    }
    IndexedWord root = graph.getFirstRoot();
    Tense main = root == null ? Tense.UNKNOWN : tenseOf(graph, root);
    return main != Tense.UNKNOWN ? main : nearby(tokens, weekday);
  }

  /** The tense of the first verb above the token, within four steps. */
  private static Tense governingVerb(SemanticGraph graph, CoreLabel token) {
    IndexedWord node = graph.getNodeByIndexSafe(token.index());
    for (int depth = 0; node != null && depth < 4; depth++) {
      IndexedWord parent = graph.getParent(node);
      if (parent == null) {
        return Tense.UNKNOWN;
      }
      if (parent.tag() != null && parent.tag().startsWith("VB")) {
        return tenseOf(graph, parent);
      }
      node = parent;
    }
    return Tense.UNKNOWN;
  }

  private static Tense tenseOf(SemanticGraph graph, IndexedWord verb) {
    if (hasFutureAuxiliary(graph, verb)) {
      return Tense.FUTURE;
    }
    return "VBD".equals(verb.tag()) || "VBN".equals(verb.tag()) ? Tense.PAST : Tense.UNKNOWN;
  }

  /** A past-tense verb or a future auxiliary within three words either side; the nearer wins. */
  private static Tense nearby(List<CoreLabel> tokens, int weekday) {
    for (int distance = 1; distance <= 3; distance++) {
      for (int i : new int[] {weekday - distance, weekday + distance}) {
        if (i < 0 || i >= tokens.size()) {
          continue;
        }
        String word = tokens.get(i).word().toLowerCase(Locale.ROOT);
        if (FUTURE_AUXILIARIES.contains(word)) {
          return Tense.FUTURE;
        }
        if ("VBD".equals(tokens.get(i).tag())) {
          return Tense.PAST;
        }
      }
    }
    return Tense.UNKNOWN;
  }

  private static Optional<DayOfWeek> weekday(CoreLabel token) {
    String normalized = token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
    if (!"DATE".equals(token.ner())
        || normalized == null
        || !normalized.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(DayOfWeek.valueOf(token.word().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException notAWeekday) {
      return Optional.empty();
    }
  }

  private static boolean hasFutureAuxiliary(SemanticGraph graph, IndexedWord verb) {
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(verb)) {
      if (edge.getRelation().toString().startsWith("aux")
          && FUTURE_AUXILIARIES.contains(edge.getDependent().word().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
