package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.newsgraph.ontology.IriMinter;

/**
 * Everything extracted from one article: its entities, and the facts, events and quotes that refer
 * to them. It is what the store writes, as one named graph, in one transaction.
 *
 * <p>Every entity that a fact, event or quote refers to is one of {@link #entities()}, and no two
 * entities share a type and a canonical name.
 */
public record Extraction(
    Article article,
    List<Entity> entities,
    List<Fact> facts,
    List<Event> events,
    List<Quote> quotes) {

  public Extraction {
    requireNonNull(article, "article");
    entities = List.copyOf(requireNonNull(entities, "entities"));
    facts = List.copyOf(requireNonNull(facts, "facts"));
    events = List.copyOf(requireNonNull(events, "events"));
    quotes = List.copyOf(requireNonNull(quotes, "quotes"));
    Map<String, Entity> byKey = new HashMap<>();
    for (Entity entity : entities) {
      String key =
          entity.named()
              ? EntityKey.of(entity).id()
              : entity.type() + "/unnamed:" + IriMinter.slug(entity.name());
      Entity previous = byKey.putIfAbsent(key, entity);
      if (previous != null) {
        throw new GraphException(
            "article "
                + article.id()
                + ": two entities share the name "
                + entity
                + " (merge them)");
      }
    }
    Set<Entity> known = new HashSet<>(entities);
    Stream<Entity> referenced =
        Stream.of(
                facts.stream().flatMap(f -> Stream.of(f.subject(), f.object())),
                events.stream()
                    .flatMap(
                        e ->
                            Stream.concat(
                                Stream.of(e.place()),
                                e.participants().stream().map(Participant::entity))),
                quotes.stream().map(Quote::speaker))
            .flatMap(s -> s);
    referenced
        .filter(e -> e != null && !known.contains(e))
        .findFirst()
        .ifPresent(
            e -> {
              throw new GraphException(
                  "article "
                      + article.id()
                      + ": "
                      + e
                      + " is referred to but not among the entities");
            });
  }

  /**
   * Returns what the graph states of this extraction: the facts and quotes whose entities are all
   * named, and the events that name someone, without the unnamed entities among their place and
   * participants. An unnamed entity ("he" with nothing named before it, "the writer") has no IRI,
   * so what is said of it cannot be stated; an event that names no one ("a lawsuit was filed")
   * joins nothing in the graph and was wrong whenever readers judged one. Writers of the graph and
   * of records alike keep to this.
   */
  public Extraction stated() {
    return new Extraction(
        article,
        entities,
        facts.stream()
            .filter(f -> f.subject().named() && (f.object() == null || f.object().named()))
            .toList(),
        events.stream()
            .map(Extraction::withoutUnnamed)
            .filter(e -> !e.participants().isEmpty())
            .toList(),
        quotes.stream().filter(q -> q.speaker().named()).toList());
  }

  private static Event withoutUnnamed(Event event) {
    return new Event(
            event.type(),
            event.date(),
            event.place() != null && event.place().named() ? event.place() : null,
            event.participants().stream().filter(p -> p.entity().named()).toList(),
            event.trigger(),
            event.evidence())
        .withStructure(event.status(), event.amount(), event.effectiveDate());
  }

  /** Returns an extraction that found nothing in the article. */
  public static Extraction empty(Article article) {
    return new Extraction(article, List.of(), List.of(), List.of(), List.of());
  }
}
