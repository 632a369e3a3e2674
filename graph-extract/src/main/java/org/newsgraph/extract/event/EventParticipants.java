package org.newsgraph.extract.event;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.rules.WordLists;
import org.newsgraph.ontology.IriMinter;

/**
 * Who takes part in an event and where it happens: the people and organisations its pattern matched
 * (or those in apposition to the words matched), whoever speaks in a press conference's sentence,
 * and the place named with the trigger or with "at", "in" by it or by the verb it depends on.
 * Stateless.
 */
final class EventParticipants {

  /** Who speaks in a press conference's sentence: its speakers and hosts. */
  private static final Set<String> SPEAKING = speakingOrHosting();

  private static final Set<String> PLACE_RELATIONS =
      Set.of("compound", "nmod:at", "nmod:in", "obl:at", "obl:in", "nmod:outside", "obl:outside");

  private EventParticipants() {}

  private static Set<String> speakingOrHosting() {
    Set<String> verbs = new HashSet<>(WordLists.words("speaking"));
    verbs.addAll(WordLists.words("hosting"));
    return Set.copyOf(verbs);
  }

  /** The person or organisation a word names, if any. */
  static Optional<Entity> participant(AnnotatedArticle article, IndexedWord node) {
    return article
        .entities()
        .at(node.beginPosition(), node.endPosition())
        .map(EntityMention::entity)
        .filter(e -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION);
  }

  /** The entity a word names, or else the one in apposition to it ("the chief executive, Rui"). */
  static Optional<Entity> participantOrApposition(
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

  /**
   * Who leads a funding round in the sentence ("a funding round led by Cobalt Ventures", "a Series
   * B round led by Novo Holdings"): the agent of "led" that modifies a round.
   */
  static Optional<Entity> leadInvestor(AnnotatedArticle article, SemanticGraph graph) {
    for (IndexedWord led : graph.vertexListSorted()) {
      if (!"lead".equals(led.lemma()) || !"VBN".equals(led.tag())) {
        continue;
      }
      boolean ofRound =
          graph.incomingEdgeList(led).stream()
              .anyMatch(
                  e ->
                      e.getRelation().toString().startsWith("acl")
                          && ROUNDS.contains(e.getGovernor().lemma()));
      if (!ofRound) {
        continue;
      }
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(led)) {
        if (edge.getRelation().toString().matches("obl:by|obl:agent")) {
          Optional<Entity> investor = participant(article, edge.getDependent());
          if (investor.isPresent()) {
            return investor;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static final Set<String> ROUNDS = Set.of("round", "series", "financing", "funding");

  /** Who speaks in the sentence: the subjects of verbs of speaking and presenting, people first. */
  static List<Entity> speakers(AnnotatedArticle article, SemanticGraph graph) {
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
  static Optional<Entity> place(
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
