package org.newsgraph.extract.event;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsgraph.core.Amount;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.rules.TableFile;

/**
 * Sums of money in a sentence ("$2.1bn", "£85 million", "600 million euros", "US$12m", "Rs 500
 * crore"), each with its value in units of its currency and the currency's ISO 4217 code, and the
 * one that belongs to an event's trigger.
 *
 * <p>CoreNLP's tagger marks most sums MONEY and normalises them ("$1.2E8"), numbers in words too,
 * but it drops a scale written apart from the number ("$2.1bn" becomes 2.1), reads "C$" as "$", and
 * leaves some currencies ("Swiss francs", "crore") as plain numbers. So the words of every sum are
 * also read with the table {@code rules/money.tsv}: where both readings have a value and they
 * differ, the table's, which saw the scale, is kept; the currency is the table's when it names one.
 * Sums that the tagger missed are found with the table alone, and only where a currency is written.
 *
 * <p>Immutable and thread-safe.
 */
final class Amounts {

  /** A sum in a sentence, with the 1-based indices of its first and last tokens. */
  record Sum(Amount amount, int first, int last) {}

  /**
   * How far, in dependency edges, a sum may be from the trigger and still be the event's: "agreed
   * to buy Tessera Vision, a maker of camera software, for about $410 million" is one edge from
   * "buy", "a $2 billion factory" that an agreement is signed to build four.
   */
  private static final int REACH = 4;

  private static final String ROW =
      "\"currency\" or \"scale\", a tab, words separated by commas, a tab, an ISO 4217 code or a"
          + " multiplier";

  private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";

  private static final Amounts STANDARD = new Amounts(TableFile.read("rules/money.tsv", 3, ROW));

  private final Map<String, String> currencies = new HashMap<>();
  private final Map<String, BigDecimal> scales = new HashMap<>();
  private final Pattern sum;

  private Amounts(List<TableFile.Row> rows) {
    for (TableFile.Row row : rows) {
      for (String word : row.cell(1).toLowerCase(Locale.ROOT).split(",")) {
        String key = word.strip();
        switch (row.cell(0)) {
          case "currency" -> {
            if (!row.cell(2).matches("[A-Z]{3}")) {
              throw row.error("an ISO 4217 code such as USD in the third cell");
            }
            currencies.put(key, row.cell(2));
          }
          case "scale" -> {
            try {
              scales.put(key, new BigDecimal(row.cell(2)));
            } catch (NumberFormatException e) {
              throw row.error("a multiplier such as 1000000 in the third cell");
            }
          }
          default -> throw row.error(ROW);
        }
      }
    }
    if (currencies.isEmpty()) {
      throw new ExtractionException("rules/money.tsv names no currency");
    }
    String currency = alternatives(currencies.keySet());
    String scale = alternatives(scales.keySet());
    sum =
        Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(?:("
                + currency
                + ")\\s?)?"
                + NUMBER
                + "(?:\\s?("
                + scale
                + "))?(?:\\s("
                + currency
                + "))?(?![\\p{L}\\d])");
  }

  /** Returns the reader with the table of the class path. */
  static Amounts standard() {
    return STANDARD;
  }

  /** Longest first, so that "us$" is tried before "$" and "billion" before "b". */
  private static String alternatives(Set<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }

  /**
   * Returns the sums of money in a sentence, in their order.
   *
   * @param tokens the sentence's tokens
   * @param text the article's text
   */
  List<Sum> in(List<CoreLabel> tokens, String text) {
    List<Sum> sums = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      CoreLabel token = tokens.get(i);
      if (!"MONEY".equals(token.ner())) {
        i++;
        continue;
      }
      String normalized = normalized(token);
      int j = i;
      while (j + 1 < tokens.size()
          && "MONEY".equals(tokens.get(j + 1).ner())
          && Objects.equals(normalized, normalized(tokens.get(j + 1)))) {
        j++;
      }
      CoreLabel last = tokens.get(j);
      String words = text.substring(token.beginPosition(), last.endPosition());
      read(words, normalized).ifPresent(a -> sums.add(new Sum(a, token.index(), last.index())));
      i = j + 1;
    }
    // Sums the tagger did not mark, where a currency is written ("400 million Swiss francs").
    if (!tokens.isEmpty()) {
      int start = tokens.get(0).beginPosition();
      String sentence = text.substring(start, tokens.get(tokens.size() - 1).endPosition());
      Matcher matcher = sum.matcher(sentence);
      while (matcher.find()) {
        if (matcher.group(1) == null && matcher.group(4) == null) {
          continue;
        }
        int from = start + matcher.start();
        int to = start + matcher.end();
        List<CoreLabel> covered =
            tokens.stream().filter(t -> t.beginPosition() < to && t.endPosition() > from).toList();
        if (covered.isEmpty() || covered.stream().anyMatch(t -> "MONEY".equals(t.ner()))) {
          continue;
        }
        read(matcher.group(), null)
            .ifPresent(
                a ->
                    sums.add(
                        new Sum(
                            a, covered.get(0).index(), covered.get(covered.size() - 1).index())));
      }
      sums.sort(Comparator.comparingInt(Sum::first));
    }
    return sums;
  }

  /**
   * Reads the words of a sum, with the tagger's normalised value if it gave one; empty when neither
   * gives a positive value and a currency.
   */
  Optional<Amount> read(String words, String normalized) {
    BigDecimal tagged = taggedValue(normalized);
    BigDecimal written = null;
    String currency = null;
    Matcher matcher = sum.matcher(words);
    if (matcher.find()) {
      written = new BigDecimal(matcher.group(2).replace(",", ""));
      if (matcher.group(3) != null) {
        written = written.multiply(scales.get(matcher.group(3).toLowerCase(Locale.ROOT)));
      }
      String named = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
      if (named != null) {
        currency = currencies.get(named.toLowerCase(Locale.ROOT));
      }
    }
    if (currency == null) {
      currency = symbolCurrency(normalized);
    }
    BigDecimal value =
        written != null && (tagged == null || !close(written, tagged)) ? written : tagged;
    if (value == null || value.signum() <= 0 || currency == null) {
      return Optional.empty();
    }
    BigDecimal units = value.stripTrailingZeros();
    if (units.scale() < 0) {
      units = units.setScale(0); // 10000000000, not 1E+10
    }
    return Optional.of(new Amount(units, currency, words));
  }

  /**
   * The sum that belongs to an event: among the sentence's sums, the nearest to the trigger in the
   * dependency graph, if it is within {@link #REACH} edges.
   */
  Optional<Amount> of(SemanticGraph graph, IndexedWord trigger, List<Sum> sums) {
    Sum best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Sum sum : sums) {
      IndexedWord head = head(graph, sum);
      if (head == null) {
        continue;
      }
      List<SemanticGraphEdge> path = graph.getShortestUndirectedPathEdges(trigger, head);
      int distance = head.equals(trigger) ? 0 : path == null ? Integer.MAX_VALUE : path.size();
      if (distance <= REACH && distance < bestDistance) {
        best = sum;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best).map(Sum::amount);
  }

  /** The word of a sum whose governor lies outside it, or null. */
  private static IndexedWord head(SemanticGraph graph, Sum sum) {
    for (int i = sum.first(); i <= sum.last(); i++) {
      IndexedWord word = graph.getNodeByIndexSafe(i);
      if (word == null) {
        continue;
      }
      boolean governedInside =
          graph.getParents(word).stream()
              .anyMatch(p -> p.index() >= sum.first() && p.index() <= sum.last());
      if (!governedInside) {
        return word;
      }
    }
    return null;
  }

  private static boolean close(BigDecimal a, BigDecimal b) {
    BigDecimal gap = a.subtract(b).abs();
    return gap.compareTo(b.abs().divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP)) <= 0;
  }

  /** The number in CoreNLP's normalised sum ("$1.2E8", "~$4.1E8", "€3.0E8"), or null. */
  private static BigDecimal taggedValue(String normalized) {
    if (normalized == null) {
      return null;
    }
    Matcher number = Pattern.compile("\\d+(?:\\.\\d+)?(?:E\\d+)?").matcher(normalized);
    if (!number.find() || normalized.indexOf('-', number.end()) >= 0) {
      return null; // no number, or a range such as "$1.0E9-2.0E9"
    }
    try {
      return new BigDecimal(number.group());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The currency of the symbol CoreNLP writes before its normalised sum. */
  private static String symbolCurrency(String normalized) {
    if (normalized == null) {
      return null;
    }
    String symbols = normalized.replaceAll("[\\d.E~<>=-]", "");
    return switch (symbols) {
      case "$" -> "USD";
      case "£" -> "GBP";
      case "€" -> "EUR";
      case "¥" -> "JPY";
      case "₩" -> "KRW";
      case "₹" -> "INR";
      default -> null;
    };
  }

  private static String normalized(CoreLabel token) {
    return token.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
  }
}
