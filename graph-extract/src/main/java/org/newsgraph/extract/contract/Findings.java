package org.newsgraph.extract.contract;

import java.util.List;
import org.newsgraph.core.Event;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Quote;

/**
 * What one extractor found in one article: candidates that the {@link ArticleExtractor} merges with
 * the other extractors' and filters by confidence.
 */
public record Findings(List<Fact> facts, List<Event> events, List<Quote> quotes) {

  public Findings {
    facts = List.copyOf(facts);
    events = List.copyOf(events);
    quotes = List.copyOf(quotes);
  }

  /** Returns findings of facts only. */
  public static Findings ofFacts(List<Fact> facts) {
    return new Findings(facts, List.of(), List.of());
  }

  /** Returns findings of quotes only. */
  public static Findings ofQuotes(List<Quote> quotes) {
    return new Findings(List.of(), List.of(), quotes);
  }
}
