package org.newsgraph.extract.event;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.newsgraph.core.Amount;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;
import org.newsgraph.extract.nlp.DateMention;
import org.newsgraph.extract.rules.EntityTypeAnnotation;

/**
 * Finds events with the patterns of {@code rules/events.rules}, and completes each from its
 * sentence: the date (SUTime's, relative dates resolved against the publication date; else the date
 * of one of the few sentences before it in its paragraph), the place (a place or a building named
 * with the trigger or with "at", "in"), and for a press conference whoever speaks in its sentence
 * or the next. Mentions of the same event in one article are merged. Stateless and thread-safe.
 *
 * <p>This class matches the patterns and merges the mentions of an event; dating an event is {@link
 * EventDates}' part, and finding its participants and place {@link EventParticipants}'.
 */
public final class EventExtractor implements Extractor {

  /** The name recorded as provenance, followed by the rule file and line. */
  public static final String NAME = "events";

  /** The relations that hold a post, which a resignation ends. */
  private static final Set<Relation> POSTS =
      EnumSet.of(Relation.HEADS, Relation.WORKS_FOR, Relation.MEMBER_OF);

  private final List<EventRule> rules;

  /** Returns the extractor with the rules of the class path. */
  public static EventExtractor fromRuleFile() {
    return new EventExtractor(EventRule.load());
  }

  public EventExtractor(List<EventRule> rules) {
    this.rules = List.copyOf(requireNonNull(rules, "rules"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredAnnotators() {
    return Set.of("ner", "depparse");
  }

  @Override
  public Findings extract(AnnotatedArticle article) {
    return new Findings(List.of(), merge(mentions(article)), List.of());
  }

  /**
   * Returns each mention of an event in the article as an event of its own, in the order found, for
   * a caller that reads each mention's status before merging them ({@link #merge}).
   */
  public List<Event> mentions(AnnotatedArticle article) {
    List<Event> found = new ArrayList<>();
    List<CoreMap> sentences = article.sentences();
    for (int s = 0; s < sentences.size(); s++) {
      CoreMap sentence = sentences.get(s);
      SemanticGraph graph =
          sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      if (graph == null) {
        continue;
      }
      for (EventRule rule : rules) {
        SemgrexMatcher matcher = rule.pattern().matcher(graph);
        while (matcher.find()) {
          IndexedWord trigger = matcher.getNode("trigger");
          Map<Entity, String> participants = new LinkedHashMap<>();
          for (String role : matcher.getNodeNames()) {
            if (!role.equals("trigger")) {
              EventParticipants.participant(article, matcher.getNode(role))
                  .ifPresent(e -> participants.putIfAbsent(e, role));
            }
          }
          found.add(event(article, s, rule, graph, trigger, participants));
        }
      }
    }
    return found;
  }

  /**
   * Returns an acquisition event for each acquisition fact that no event pattern matched: parsers
   * often break the clause ("agreed on Wednesday to acquire") that the fact's token patterns still
   * read. The event takes the fact's sentence, confidence and parties, the date of the verb that
   * governs the acquired company, and the sum of money of that verb.
   *
   * @param article the article the facts come from
   * @param events the events found so far
   * @param facts the article's facts
   * @return the new events, not merged
   */
  public static List<Event> acquisitionsOf(
      AnnotatedArticle article, List<Event> events, List<Fact> facts) {
    List<Event> all = new ArrayList<>();
    for (Fact fact : facts) {
      if (fact.relation() != Relation.ACQUIRED || fact.object() == null) {
        continue;
      }
      boolean covered =
          events.stream()
              .anyMatch(
                  e ->
                      e.type() == EventType.ACQUISITION
                          && e.participants().stream()
                              .anyMatch(p -> p.entity().equals(fact.object())));
      int sentence = article.sentenceAt(fact.evidence().sentenceStart());
      SemanticGraph graph = sentence < 0 ? null : graph(article, sentence);
      if (covered || graph == null) {
        continue;
      }
      IndexedWord acquired = nodeAt(graph, fact.objectMention().start());
      if (acquired == null) {
        continue;
      }
      // From the first word of the name to its head ("Crestline" to "Savings"), then to the verb.
      Mention name = fact.objectMention();
      while (graph.getParent(acquired) != null
          && graph.getParent(acquired).beginPosition() >= name.start()
          && graph.getParent(acquired).endPosition() <= name.end()) {
        acquired = graph.getParent(acquired);
      }
      IndexedWord verb = graph.getParent(acquired) == null ? acquired : graph.getParent(acquired);
      List<CoreLabel> tokens =
          article.sentences().get(sentence).get(CoreAnnotations.TokensAnnotation.class);
      String text = article.article().text();
      String date =
          EventDates.dateOf(graph, verb, DateMention.in(tokens, text))
              .orElseGet(() -> EventDates.earlierDate(article, sentence));
      Map<Entity, String> participants = new LinkedHashMap<>();
      participants.put(fact.subject(), "acquirer");
      participants.put(fact.object(), "target");
      all.add(
          new Event(
                  EventType.ACQUISITION,
                  date,
                  null,
                  participants.entrySet().stream()
                      .map(e -> new Participant(e.getKey(), e.getValue()))
                      .toList(),
                  Mention.in(text, verb.beginPosition(), verb.endPosition()),
                  article.evidence(
                      sentence,
                      fact.evidence().extractors().stream().map(id -> id.through(NAME)).toList(),
                      fact.evidence().confidence()))
              .withStructure(
                  null,
                  Amounts.standard()
                      .of(graph, verb, Amounts.standard().in(tokens, text))
                      .orElse(null),
                  EventDates.effectiveDateOf(graph, verb, DateMention.in(tokens, text))
                      .orElse(null)));
    }
    return all;
  }

  /**
   * Returns the events with the organisation of each appointment or resignation that names none,
   * where the article's facts tell it: the one organisation that the person heads, or else works
   * for ("Walsh resigned amid a row" in an article that says "Walsh, who had led Corvane since
   * 2016"). A resignation looks first among the posts the article marks past, an appointment among
   * the current ones, and both first among the facts of the event's own sentence; where two
   * organisations remain, none is taken.
   *
   * @param events the article's events
   * @param facts the article's facts, with their time
   */
  public static List<Event> withPostsOf(List<Event> events, List<Fact> facts) {
    List<Event> completed = new ArrayList<>();
    for (Event event : events) {
      boolean post = event.type() == EventType.APPOINTMENT || event.type() == EventType.RESIGNATION;
      boolean named = event.participants().stream().anyMatch(p -> p.role().equals("organization"));
      List<Entity> people =
          event.participants().stream()
              .map(Participant::entity)
              .filter(e -> e.type() == EntityType.PERSON)
              .toList();
      if (!post || named || people.size() != 1) {
        completed.add(event);
        continue;
      }
      Entity person = people.get(0);
      List<Fact> posts =
          facts.stream()
              .filter(f -> f.subject().equals(person) && f.object() != null)
              .filter(f -> f.relation() == Relation.HEADS || f.relation() == Relation.WORKS_FOR)
              .toList();
      boolean leaving = event.type() == EventType.RESIGNATION;
      // Narrowed step by step: the event's sentence, then past or current, then heading.
      List<Predicate<Fact>> preferences =
          List.of(
              f -> f.evidence().sentenceStart() == event.evidence().sentenceStart(),
              f -> f.former() == leaving,
              f -> f.relation() == Relation.HEADS);
      List<Fact> among = posts;
      Entity organization = only(among);
      for (Predicate<Fact> preference : preferences) {
        if (organization != null) {
          break;
        }
        among = narrowed(among, preference);
        organization = only(among);
      }
      if (organization == null) {
        completed.add(event);
        continue;
      }
      List<Participant> participants = new ArrayList<>(event.participants());
      participants.add(new Participant(organization, "organization"));
      completed.add(
          new Event(
              event.type(),
              event.date(),
              event.place(),
              participants,
              event.trigger(),
              event.evidence(),
              event.status(),
              event.amount(),
              event.effectiveDate()));
    }
    return completed;
  }

  /**
   * Returns the facts with each post that a resignation reported in the article ended marked past:
   * "Raskin left Apple in 1982" makes an earlier sentence's "Raskin, who worked at Apple" former.
   * Only a resignation that happened (not one planned or denied) ends a post, and a post taken up
   * again later in the article (an appointment to it after the resignation, or a start in a later
   * year) stays current.
   *
   * @param facts an article's facts
   * @param events the article's events, in the order of their triggers
   */
  public static List<Fact> postsEndedBy(List<Fact> facts, List<Event> events) {
    List<Fact> timed = new ArrayList<>();
    for (Fact fact : facts) {
      timed.add(ended(fact, events) ? fact.withTime(true, fact.start(), fact.end()) : fact);
    }
    return timed;
  }

  private static boolean ended(Fact fact, List<Event> events) {
    if (fact.former() || fact.object() == null || !POSTS.contains(fact.relation())) {
      return false;
    }
    boolean ended = false;
    for (Event event : events) {
      boolean leaving = event.type() == EventType.RESIGNATION;
      if (!(leaving || event.type() == EventType.APPOINTMENT)
          || !(event.status() == null || event.status() == EventStatus.COMPLETED)
          || !takesPart(event, fact.subject())
          || !takesPart(event, fact.object())) {
        continue;
      }
      ended = leaving && !startsLater(fact, event.date());
    }
    return ended;
  }

  private static boolean takesPart(Event event, Entity entity) {
    return event.participants().stream().anyMatch(p -> p.entity().equals(entity));
  }

  /** Whether the fact starts in a year after the day given ("rejoined in 2010" after 2004). */
  private static boolean startsLater(Fact fact, String date) {
    return fact.start() != null
        && date != null
        && fact.start().substring(0, 4).compareTo(date.substring(0, 4)) > 0;
  }

  /** The one organisation that the facts are about, or null if none or several. */
  private static Entity only(List<Fact> facts) {
    Set<Entity> organizations = new LinkedHashSet<>();
    facts.forEach(f -> organizations.add(f.object()));
    return organizations.size() == 1 ? organizations.iterator().next() : null;
  }

  /** The facts that pass the test, or all of them if none does. */
  private static List<Fact> narrowed(List<Fact> facts, Predicate<Fact> test) {
    List<Fact> passing = facts.stream().filter(test).toList();
    return passing.isEmpty() ? facts : passing;
  }

  private static IndexedWord nodeAt(SemanticGraph graph, int offset) {
    for (IndexedWord word : graph.vertexSet()) {
      if (word.beginPosition() == offset) {
        return word;
      }
    }
    return null;
  }

  /**
   * Returns one event for each happening that the events are mentions of (same type, compatible
   * dates, the same sentence or a participant in common and no different target, appointee or the
   * like), in the order of their triggers.
   */
  public static List<Event> merge(List<Event> events) {
    List<Event> merged = new ArrayList<>();
    for (Event event : events) {
      int same = -1;
      for (int i = 0; i < merged.size(); i++) {
        if (sameHappening(merged.get(i), event)) {
          same = i;
          break;
        }
      }
      if (same < 0) {
        merged.add(event);
      } else {
        merged.set(same, combine(merged.get(same), event));
      }
    }
    merged.sort(Comparator.comparingInt(e -> e.trigger().start()));
    return merged;
  }

  private static boolean sameHappening(Event a, Event b) {
    if (a.type() != b.type()) {
      return false;
    }
    if (a.date() != null && b.date() != null && !a.date().equals(b.date())) {
      return false;
    }
    if (a.evidence().sentenceStart() == b.evidence().sentenceStart()) {
      return true;
    }
    if (differIn(a, b)) {
      return false;
    }
    if (a.participants().isEmpty() || b.participants().isEmpty()) {
      return true;
    }
    return a.participants().stream()
        .anyMatch(p -> b.participants().stream().anyMatch(q -> q.entity().equals(p.entity())));
  }

  /**
   * Roles that tell one happening from another of its type: who was bought, funded, appointed, who
   * left, who was sued. A buyer's two purchases share the buyer, not the target.
   */
  private static final Set<String> IDENTIFYING_ROLES =
      Set.of("target", "investee", "appointee", "person", "defendant");

  /** Whether both events name someone in an identifying role, and never the same one. */
  private static boolean differIn(Event a, Event b) {
    for (String role : IDENTIFYING_ROLES) {
      Set<Entity> first = inRole(a, role);
      Set<Entity> second = inRole(b, role);
      if (!first.isEmpty() && !second.isEmpty() && Collections.disjoint(first, second)) {
        return true;
      }
    }
    return false;
  }

  private static Set<Entity> inRole(Event event, String role) {
    return event.participants().stream()
        .filter(p -> role.equals(p.role()))
        .map(Participant::entity)
        .collect(Collectors.toSet());
  }

  /**
   * The trigger and evidence of the more confident mention, the participants of both, the first
   * known date, place, sum and effective date, and the status that says most about the outcome
   * ({@link #STATUS_WEIGHT}).
   */
  private static Event combine(Event first, Event second) {
    Map<Entity, String> participants = new LinkedHashMap<>();
    first.participants().forEach(p -> participants.putIfAbsent(p.entity(), p.role()));
    second.participants().forEach(p -> participants.putIfAbsent(p.entity(), p.role()));
    Event kept = first.evidence().confidence() >= second.evidence().confidence() ? first : second;
    return new Event(
        first.type(),
        first.date() != null ? first.date() : second.date(),
        first.place() != null ? first.place() : second.place(),
        participants.entrySet().stream()
            .map(e -> new Participant(e.getKey(), e.getValue()))
            .toList(),
        kept.trigger(),
        kept.evidence(),
        weight(second.status()) > weight(first.status()) ? second.status() : first.status(),
        first.amount() != null ? first.amount() : second.amount(),
        first.effectiveDate() != null ? first.effectiveDate() : second.effectiveDate());
  }

  /**
   * Which status of two mentions of one happening the event keeps: the later news of a deal is what
   * stops it or settles it ("regulators blocked the takeover" over "which agreed to buy"), so an
   * outcome outweighs a deal agreed, which outweighs talk of one; none weighs least.
   */
  private static final List<EventStatus> STATUS_WEIGHT =
      List.of(
          EventStatus.PLANNED,
          EventStatus.RUMOURED,
          EventStatus.ANNOUNCED,
          EventStatus.COMPLETED,
          EventStatus.DENIED,
          EventStatus.BLOCKED);

  private static int weight(EventStatus status) {
    return status == null ? -1 : STATUS_WEIGHT.indexOf(status);
  }

  private static Event event(
      AnnotatedArticle article,
      int sentence,
      EventRule rule,
      SemanticGraph graph,
      IndexedWord trigger,
      Map<Entity, String> participants) {
    CoreMap tokensOwner = article.sentences().get(sentence);
    List<CoreLabel> tokens = tokensOwner.get(CoreAnnotations.TokensAnnotation.class);
    String text = article.article().text();
    if (rule.type() == EventType.PRESS_CONFERENCE && participants.isEmpty()) {
      // Who gives it ("a news conference by Coastal Grid's chief executive, Rui Amaral"), else who
      // speaks in its sentence, else in the next one, else in the one before.
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(trigger)) {
        if (edge.getRelation().toString().matches("nmod:by|nmod:agent")) {
          EventParticipants.participantOrApposition(article, graph, edge.getDependent())
              .ifPresent(e -> participants.putIfAbsent(e, "speaker"));
        }
      }
      for (int s : List.of(sentence, sentence + 1, sentence - 1)) {
        if (participants.isEmpty() && s >= 0 && s < article.sentences().size()) {
          EventParticipants.speakers(article, graph(article, s))
              .forEach(e -> participants.putIfAbsent(e, "speaker"));
        }
      }
    }
    if (rule.type() == EventType.FUNDING_ROUND && !participants.containsValue("investor")) {
      EventParticipants.leadInvestor(article, graph)
          .ifPresent(e -> participants.putIfAbsent(e, "investor"));
    }
    Entity place = EventParticipants.place(article, graph, trigger).orElse(null);
    String date =
        EventDates.dateOf(graph, trigger, DateMention.in(tokens, text))
            .orElseGet(() -> EventDates.earlierDate(article, sentence));
    if (date == null && rule.type() == EventType.PRESS_CONFERENCE) {
      // A news conference that a story mentions without a day is, as a rule, where the news of
      // its lead was announced, on the lead's day.
      date = EventDates.leadDay(article);
    }
    List<DateMention> dates = DateMention.in(tokens, text);
    Amount amount =
        MONEY_TYPES.contains(rule.type())
            ? Amounts.standard()
                .of(graph, trigger, Amounts.standard().in(tokens, text))
                .orElse(null)
            : null;
    return new Event(
        rule.type(),
        date,
        place,
        participants.entrySet().stream()
            .map(e -> new Participant(e.getKey(), e.getValue()))
            .toList(),
        triggerMention(text, graph, trigger),
        article.evidence(
            sentence, new ExtractorId(NAME, rule.line().source()), rule.line().confidence()),
        null,
        amount,
        EventDates.effectiveDateOf(graph, trigger, dates).orElse(null));
  }

  /** The events that a sum of money belongs to: a price, a round's size, a deal's, damages. */
  private static final Set<EventType> MONEY_TYPES =
      EnumSet.of(
          EventType.ACQUISITION, EventType.FUNDING_ROUND, EventType.AGREEMENT, EventType.LAWSUIT);

  /** The enhanced dependencies of one of the article's sentences, or {@code null}. */
  static SemanticGraph graph(AnnotatedArticle article, int sentence) {
    return article
        .sentences()
        .get(sentence)
        .get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
  }

  /** The trigger with the plain words compounded with it: "news conference", "funding round". */
  private static Mention triggerMention(String text, SemanticGraph graph, IndexedWord trigger) {
    int start = trigger.beginPosition();
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(trigger)) {
      IndexedWord dependent = edge.getDependent();
      if (edge.getRelation().toString().equals("compound")
          && dependent.index() < trigger.index()
          && dependent.backingLabel().get(EntityTypeAnnotation.class) == null
          && dependent.beginPosition() < start) {
        start = dependent.beginPosition();
      }
    }
    return Mention.in(text, start, trigger.endPosition());
  }
}
