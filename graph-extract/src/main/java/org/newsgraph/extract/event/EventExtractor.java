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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventType;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.nlp.DateMention;
import org.newsgraph.extract.rules.EntityTypeAnnotation;
import org.newsgraph.extract.rules.WordLists;
import org.newsgraph.ontology.IriMinter;

/**
 * Finds events with the patterns of {@code rules/events.rules}, and completes each from its *
 * sentence: the date (SUTime's, relative dates resolved against the publication date; else the date
 * of one of the few sentences before it in its paragraph), the place (a place or a building named
 * with the trigger or with "at", "in"), and for a press conference whoever speaks in its sentence
 * or the next. Mentions of the same event in one article are merged. Stateless and thread-safe.
 */
public final class EventExtractor implements Extractor {

  /** The name recorded as provenance, followed by the rule file and line. */
  public static final String NAME = "events";

  /** Who speaks in a press conference's sentence: its speakers and hosts. */
  private static final Set<String> SPEAKING = speakingOrHosting();

  private static final Set<String> PLACE_RELATIONS =
      Set.of("compound", "nmod:at", "nmod:in", "obl:at", "obl:in", "nmod:outside", "obl:outside");

  /** How many sentences back an event without a date of its own may take one from. */
  private static final int DATE_REACH = 3;

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
              participant(article, matcher.getNode(role))
                  .ifPresent(e -> participants.putIfAbsent(e, role));
            }
          }
          found.add(event(article, s, rule, graph, trigger, participants));
        }
      }
    }
    return new Findings(List.of(), merge(found), List.of());
  }

  /**
   * Adds an acquisition event for each acquisition fact that no event pattern matched: parsers
   * often break the clause ("agreed on Wednesday to acquire") that the fact's token patterns still
   * read. The event takes the fact's sentence, confidence and parties, and the date of the verb
   * that governs the acquired company.
   *
   * @param article the article the facts come from
   * @param events the events found so far
   * @param facts the article's facts
   * @return the events with the acquisitions added, merged as {@link #extract} merges
   */
  public static List<Event> withAcquisitionsOf(
      AnnotatedArticle article, List<Event> events, List<Fact> facts) {
    List<Event> all = new ArrayList<>(events);
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
      IndexedWord verb = graph.getParent(acquired) == null ? acquired : graph.getParent(acquired);
      List<CoreLabel> tokens =
          article.sentences().get(sentence).get(CoreAnnotations.TokensAnnotation.class);
      String text = article.article().text();
      String date =
          dateOf(graph, verb, DateMention.in(tokens, text))
              .orElseGet(() -> earlierDate(article, sentence));
      Map<Entity, String> participants = new LinkedHashMap<>();
      participants.put(fact.subject(), "acquirer");
      participants.put(fact.object(), "acquired");
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
                  fact.evidence().confidence())));
    }
    return merge(all);
  }

  private static Set<String> speakingOrHosting() {
    Set<String> verbs = new HashSet<>(WordLists.words("speaking"));
    verbs.addAll(WordLists.words("hosting"));
    return Set.copyOf(verbs);
  }

  private static IndexedWord nodeAt(SemanticGraph graph, int offset) {
    for (IndexedWord word : graph.vertexSet()) {
      if (word.beginPosition() == offset) {
        return word;
      }
    }
    return null;
  }

  /** One event for each mention of the same happening: same type, compatible participants. */
  private static List<Event> merge(List<Event> events) {
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
    if (a.participants().isEmpty() || b.participants().isEmpty()) {
      return true;
    }
    return a.participants().stream()
        .anyMatch(p -> b.participants().stream().anyMatch(q -> q.entity().equals(p.entity())));
  }

  /**
   * The first mention's trigger and evidence, the participants of both, the first known date and
   * place.
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
        kept.evidence());
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
          participantOrApposition(article, graph, edge.getDependent())
              .ifPresent(e -> participants.putIfAbsent(e, "speaker"));
        }
      }
      for (int s : List.of(sentence, sentence + 1, sentence - 1)) {
        if (participants.isEmpty() && s >= 0 && s < article.sentences().size()) {
          speakers(article, graph(article, s)).forEach(e -> participants.putIfAbsent(e, "speaker"));
        }
      }
    }
    Entity place = place(article, graph, trigger).orElse(null);
    String date =
        dateOf(graph, trigger, DateMention.in(tokens, text))
            .orElseGet(() -> earlierDate(article, sentence));
    if (date == null && rule.type() == EventType.PRESS_CONFERENCE) {
      // A news conference that a story mentions without a day is, as a rule, where the news of
      // its lead was announced, on the lead's day.
      date = leadDay(article);
    }
    return new Event(
        rule.type(),
        date,
        place,
        participants.entrySet().stream()
            .map(e -> new Participant(e.getKey(), e.getValue()))
            .toList(),
        triggerMention(text, graph, trigger),
        article.evidence(
            sentence, new ExtractorId(NAME, rule.line().source()), rule.line().confidence()));
  }

  /**
   * The date that the sentence gives the trigger: one attached to the trigger or to a clause that
   * governs it ("said on Monday that it had agreed to buy"), the nearest such clause first. Dates
   * of relative and adverbial clauses belong to other happenings ("Walsh, who had led Corvane since
   * 2016, stepped down on October 29").
   */
  private static Optional<String> dateOf(
      SemanticGraph graph, IndexedWord trigger, List<DateMention> dates) {
    List<IndexedWord> frame = new ArrayList<>();
    IndexedWord node = trigger;
    while (node != null && !frame.contains(node)) {
      frame.add(node);
      SemanticGraphEdge up = graph.getIncomingEdgesSorted(node).stream().findFirst().orElse(null);
      if (up == null
          || up.getRelation().toString().matches("acl.*|advcl.*|parataxis|appos|conj.*|dep")) {
        break;
      }
      node = up.getGovernor();
    }
    DateMention best = null;
    int bestRank = Integer.MAX_VALUE;
    for (DateMention date : dates) {
      IndexedWord head = attachment(graph, date);
      if (head == null) {
        continue;
      }
      int rank = frame.indexOf(head);
      if (rank < 0 && isBelow(graph, head, trigger)) {
        rank = 0; // "the news conference, held on Tuesday in Boston"
      }
      if (rank < 0 && isDay(date) && !graph.descendants(head).contains(trigger)) {
        // Parsers often hang "at an event in Minneapolis on Tuesday" from a clause in between;
        // a day named beside the trigger is still the event's, unless it dates the clause that
        // governs the trigger ("on Wednesday, a week after Walsh resigned").
        rank = frame.size() + Math.abs(date.first() - trigger.index());
      }
      if (rank >= 0 && rank < bestRank) {
        best = date;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best).map(DateMention::value);
  }

  private static boolean isDay(DateMention date) {
    return date.value().length() == "yyyy-mm-dd".length();
  }

  /** The word outside the date that the date's words hang from. */
  private static IndexedWord attachment(SemanticGraph graph, DateMention date) {
    for (int i = date.first(); i <= date.last(); i++) {
      IndexedWord word = graph.getNodeByIndexSafe(i);
      if (word == null) {
        continue;
      }
      for (SemanticGraphEdge edge : graph.incomingEdgeIterable(word)) {
        int governor = edge.getGovernor().index();
        if (governor < date.first() || governor > date.last()) {
          return edge.getGovernor();
        }
      }
    }
    return null;
  }

  /** Whether the word depends on the trigger. */
  private static boolean isBelow(SemanticGraph graph, IndexedWord word, IndexedWord trigger) {
    return graph.incomingEdgeList(word).stream().anyMatch(e -> e.getGovernor().equals(trigger));
  }

  /**
   * The date of the nearest of the few sentences before, in the same paragraph: news gives the day
   * in its lead ("said on Tuesday that it had agreed to buy...") and not again.
   */
  private static String earlierDate(AnnotatedArticle article, int sentence) {
    String text = article.article().text();
    for (int s = sentence - 1; s >= Math.max(0, sentence - DATE_REACH); s--) {
      CoreMap earlier = article.sentences().get(s);
      int end = earlier.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      int next =
          article.sentences().get(s + 1).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      if (text.substring(end, next).contains(article.paragraphBreak())) {
        return null;
      }
      // The date of the sentence's main clause, not one of a clause inside it ("Arvion sued on
      // Tuesday, claiming that Belmark copied a molecule that Arvion patented in 2016").
      SemanticGraph graph = graph(article, s);
      List<DateMention> dates =
          DateMention.in(earlier.get(CoreAnnotations.TokensAnnotation.class), text);
      if (graph != null && !graph.getRoots().isEmpty() && !dates.isEmpty()) {
        Optional<String> date = dateOf(graph, graph.getFirstRoot(), dates);
        if (date.isPresent()) {
          return date.get();
        }
      }
    }
    return null;
  }

  /** The first day (not a month or a year) named in the article's first paragraph. */
  private static String leadDay(AnnotatedArticle article) {
    String text = article.article().text();
    int paragraphEnd = text.indexOf(article.paragraphBreak());
    for (CoreMap sentence : article.sentences()) {
      if (paragraphEnd >= 0
          && sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) > paragraphEnd) {
        break;
      }
      for (DateMention date :
          DateMention.in(sentence.get(CoreAnnotations.TokensAnnotation.class), text)) {
        if (isDay(date)) {
          return date.value();
        }
      }
    }
    return null;
  }

  private static SemanticGraph graph(AnnotatedArticle article, int sentence) {
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

  private static Optional<Entity> participant(AnnotatedArticle article, IndexedWord node) {
    return article
        .entities()
        .at(node.beginPosition(), node.endPosition())
        .map(EntityMention::entity)
        .filter(e -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION);
  }

  /** The entity a word names, or else the one in apposition to it ("the chief executive, Rui"). */
  private static Optional<Entity> participantOrApposition(
      AnnotatedArticle article, SemanticGraph graph, IndexedWord word) {
    Optional<Entity> named = participant(article, word);
    if (named.isPresent()) {
      return named;
    }
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
      if (edge.getRelation().toString().equals("appos")) {
        Optional<Entity> apposition = participant(article, edge.getDependent());
        if (apposition.isPresent()) {
          return apposition;
        }
      }
    }
    return Optional.empty();
  }

  /** Who speaks in the sentence: the subjects of verbs of speaking and presenting, people first. */
  private static List<Entity> speakers(AnnotatedArticle article, SemanticGraph graph) {
    List<Entity> speakers = new ArrayList<>();
    if (graph == null) {
      return speakers;
    }
    for (IndexedWord verb : graph.vertexListSorted()) {
      String lemma = verb.lemma() == null ? "" : verb.lemma().toLowerCase(Locale.ROOT);
      if (verb.tag() == null || !verb.tag().startsWith("VB") || !SPEAKING.contains(lemma)) {
        continue;
      }
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(verb)) {
        String relation = edge.getRelation().toString();
        if ((relation.startsWith("nsubj") && !relation.equals("nsubj:pass"))
            || relation.equals("obl:agent")
            || relation.equals("obl:by")) {
          // "by Coastal Grid's chief executive, Rui Amaral, and Sunmere's founder, Hana Petrova"
          List<IndexedWord> named = new ArrayList<>(List.of(edge.getDependent()));
          for (SemanticGraphEdge conjunct : graph.outgoingEdgeIterable(edge.getDependent())) {
            if (conjunct.getRelation().toString().startsWith("conj")) {
              named.add(conjunct.getDependent());
            }
          }
          for (IndexedWord word : named) {
            participantOrApposition(article, graph, word).ifPresent(speakers::add);
          }
        }
      }
    }
    speakers.sort(Comparator.comparingInt(e -> e.type() == EntityType.PERSON ? 0 : 1));
    return speakers;
  }

  /** The article's place of this name, or a new one. */
  private static Entity placeNamed(AnnotatedArticle article, String name) {
    String key = IriMinter.slug(name);
    return article.entities().entities().stream()
        .filter(
            e -> e.type() == EntityType.PLACE && e.named() && IriMinter.slug(e.name()).equals(key))
        .findFirst()
        .orElseGet(() -> Entity.named(EntityType.PLACE, name));
  }

  /**
   * A place named with the trigger ("White House news conference") or with "at", "in" by it or by
   * the verb it depends on. An organisation named with the trigger itself (a "White House news
   * conference") counts as the place: the building.
   */
  private static Optional<Entity> place(
      AnnotatedArticle article, SemanticGraph graph, IndexedWord trigger) {
    List<IndexedWord> anchors = new ArrayList<>();
    anchors.add(trigger);
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(trigger)) {
      anchors.add(edge.getGovernor());
    }
    // One step further: "at a press conference at Brennock's headquarters in Leeds", "unveiled
    // Sentry at a launch event in Minneapolis", "sued Quire in federal court in Seattle".
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(trigger)) {
      String relation = edge.getRelation().toString();
      if (relation.matches("(nmod|obl):(at|in)")) {
        anchors.add(edge.getDependent());
      }
    }
    for (IndexedWord anchor : anchors) {
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(anchor)) {
        if (!PLACE_RELATIONS.contains(edge.getRelation().toString())) {
          continue;
        }
        IndexedWord dependent = edge.getDependent();
        Optional<EntityMention> mention =
            article.entities().at(dependent.beginPosition(), dependent.endPosition());
        if (mention.isEmpty() || !mention.get().named()) {
          continue;
        }
        Entity entity = mention.get().entity();
        if (entity.type() == EntityType.PLACE) {
          return Optional.of(entity);
        }
        if (entity.type() == EntityType.ORGANIZATION && anchor.equals(trigger)) {
          return Optional.of(placeNamed(article, entity.name()));
        }
      }
    }
    return Optional.empty();
  }
}
