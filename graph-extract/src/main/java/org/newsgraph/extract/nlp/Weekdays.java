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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a bare weekday ("on Wednesday") that a past-tense verb governs to the last such day on
 * or before the publication date.
 *
 * <p>SUTime reads the tense of the whole sentence, so in "Okafor said on Wednesday that she would
 * investigate", a Thursday story, the "would" sends Wednesday into the next week. News reports what
 * happened: when the verb that the weekday belongs to is in the past, so is the day.
 */
final class Weekdays {

  private static final Set<String> FUTURE_AUXILIARIES = Set.of("will", "would", "shall", "'ll");

  private Weekdays() {}

  /** Corrects, in place, the normalised dates of the weekdays that past-tense verbs govern. */
  static void resolveInThePast(List<CoreMap> sentences, LocalDate published) {
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
        if (day.isPresent() && alone && governedByPastVerb(graph, token)) {
          LocalDate date = published;
          while (date.getDayOfWeek() != day.get()) {
            date = date.minusDays(1);
          }
          token.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, date.toString());
        }
      }
    }
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

  /** Whether the first verb above the token is in the past tense, with no future auxiliary. */
  private static boolean governedByPastVerb(SemanticGraph graph, CoreLabel token) {
    IndexedWord node = graph.getNodeByIndexSafe(token.index());
    for (int depth = 0; node != null && depth < 4; depth++) {
      IndexedWord parent = graph.getParent(node);
      if (parent == null) {
        return false;
      }
      String tag = parent.tag();
      if (tag != null && tag.startsWith("VB")) {
        return ("VBD".equals(tag) || "VBN".equals(tag)) && !hasFutureAuxiliary(graph, parent);
      }
      node = parent;
    }
    return false;
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
