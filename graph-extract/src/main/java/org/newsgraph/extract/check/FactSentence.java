package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.rules.EntityTypeAnnotation;
import org.newsgraph.extract.rules.RoleAnnotation;

/**
 * A fact seen in the sentence that states it: the sentence's tokens and dependencies, the head word
 * of each argument's mention, and the dependency path between them, which is what a check reads. An
 * event is seen the same way, its trigger as a path of one word and no fact ({@link #ofTrigger}).
 */
final class FactSentence {

  private final AnnotatedArticle article;
  private final Fact fact;
  private final List<CoreLabel> tokens;
  private final SemanticGraph graph;
  private final IndexedWord subject;
  private final IndexedWord object;
  private final List<IndexedWord> path;

  private FactSentence(
      AnnotatedArticle article,
      Fact fact,
      List<CoreLabel> tokens,
      SemanticGraph graph,
      IndexedWord subject,
      IndexedWord object,
      List<IndexedWord> path) {
    this.article = article;
    this.fact = fact;
    this.tokens = tokens;
    this.graph = graph;
    this.subject = subject;
    this.object = object;
    this.path = path;
  }

  /** Returns the fact in its sentence, or empty when the sentence has no dependency graph. */
  static Optional<FactSentence> of(AnnotatedArticle article, Fact fact) {
    int index = article.sentenceAt(fact.evidence().sentenceStart());
    if (index < 0) {
      return Optional.empty();
    }
    var sentence = article.sentences().get(index);
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    SemanticGraph graph =
        sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    if (graph == null) {
      return Optional.empty();
    }
    IndexedWord subject = head(graph, fact.subjectMention());
    IndexedWord object = head(graph, fact.objectMention());
    List<IndexedWord> path = new ArrayList<>();
    if (subject != null && object != null && !subject.equals(object)) {
      List<IndexedWord> nodes = graph.getShortestUndirectedPathNodes(subject, object);
      if (nodes != null) {
        path.addAll(nodes);
      }
    }
    return Optional.of(
        new FactSentence(article, fact, tokens, graph, subject, object, List.copyOf(path)));
  }

  /**
   * Returns the word that announces an event in its sentence, seen as a fact's path of one word, so
   * that the event's mood can be read as a fact's; empty when it cannot be found.
   */
  static Optional<FactSentence> ofTrigger(AnnotatedArticle article, Mention trigger) {
    int index = article.sentenceAt(trigger.start());
    if (index < 0) {
      return Optional.empty();
    }
    var sentence = article.sentences().get(index);
    SemanticGraph graph =
        sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    if (graph == null) {
      return Optional.empty();
    }
    IndexedWord word = head(graph, trigger);
    if (word == null) {
      return Optional.empty();
    }
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    return Optional.of(new FactSentence(article, null, tokens, graph, null, null, List.of(word)));
  }

  /** The word of a mention whose governor lies outside the mention, or null. */
  private static IndexedWord head(SemanticGraph graph, Mention mention) {
    IndexedWord first = null;
    for (IndexedWord word : graph.vertexListSorted()) {
      if (!inside(word, mention)) {
        continue;
      }
      if (first == null) {
        first = word;
      }
      boolean governedInside =
          graph.getParents(word).stream().anyMatch(parent -> inside(parent, mention));
      if (!governedInside) {
        return word;
      }
    }
    return first;
  }

  private static boolean inside(IndexedWord word, Mention mention) {
    return word.beginPosition() >= mention.start() && word.endPosition() <= mention.end();
  }

  Fact fact() {
    return fact;
  }

  AnnotatedArticle article() {
    return article;
  }

  List<CoreLabel> tokens() {
    return tokens;
  }

  SemanticGraph graph() {
    return graph;
  }

  /** The head word of the subject's mention, or null. */
  IndexedWord subject() {
    return subject;
  }

  /** The head word of the object's mention, or null. */
  IndexedWord object() {
    return object;
  }

  /** The words from the subject's head to the object's head, both included; empty if none. */
  List<IndexedWord> path() {
    return path;
  }

  /** The words of the path strictly between the two arguments' mentions. */
  List<IndexedWord> between() {
    if (fact == null) {
      return path;
    }
    return path.stream()
        .filter(w -> !inside(w, fact.subjectMention()) && !inside(w, fact.objectMention()))
        .toList();
  }

  /**
   * The word of the path nearest the root: the predicate that joins the two arguments ("bought" in
   * "Alder bought Brightwave", "chief" in "Acme's chief, Ann Lee"), or null.
   */
  IndexedWord top() {
    IndexedWord best = null;
    int bestDepth = Integer.MAX_VALUE;
    for (IndexedWord word : path) {
      int depth = depth(word);
      // On a tie, the predicate rather than an argument: with a controlled subject ("Alder was
      // tipped to buy Brightwave") the path runs through "buy", as deep as "Alder".
      boolean predicateOnTie =
          depth == bestDepth && best != null && inArgument(best) && !inArgument(word);
      if (depth < bestDepth || predicateOnTie) {
        best = word;
        bestDepth = depth;
      }
    }
    return best;
  }

  private int depth(IndexedWord word) {
    int depth = 0;
    IndexedWord at = word;
    while (depth < 50) {
      SemanticGraphEdge edge = basicParent(at);
      if (edge == null) {
        return depth;
      }
      at = edge.getGovernor();
      depth++;
    }
    return depth;
  }

  /** The edge to a word's governor, preferring the basic tree's over enhanced extras. */
  SemanticGraphEdge basicParent(IndexedWord word) {
    SemanticGraphEdge chosen = null;
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(word)) {
      if (edge.isExtra()) {
        continue;
      }
      if (chosen == null || edge.getGovernor().index() < chosen.getGovernor().index()) {
        chosen = edge;
      }
    }
    return chosen;
  }

  /** Relations through which a word governs the clause or phrase below it. */
  private static final Set<String> GOVERNING =
      Set.of("xcomp", "ccomp", "csubj", "advcl", "acl", "obj", "iobj", "nsubj:xsubj");

  private static final int GOVERNING_STEPS = 3;

  /**
   * The words that state the relation: those on the path between the arguments, the top of the
   * path, and up to three words above the top that govern it as a clause, a complement or an object
   * ("tipped" in "Gazprom was tipped to buy Yugansk", "blocked" in "blocked Alder's purchase of
   * Brightwave", "denied" in "denied that it had bought"), when the top is a verb or one of the
   * given nouns of events.
   */
  List<IndexedWord> governing(Set<String> eventNouns) {
    Set<IndexedWord> words = new LinkedHashSet<>(between());
    IndexedWord at = top();
    if (at == null) {
      return List.copyOf(words);
    }
    words.add(at);
    // "Qwest and MCI may reach an agreement": arguments joined by "and" take the mood of the
    // clause they are the subjects or objects of.
    if (inArgument(at) && between().isEmpty() && conjoined()) {
      SemanticGraphEdge edge = basicParent(at);
      if (edge == null) {
        return List.copyOf(words);
      }
      at = edge.getGovernor();
      words.add(at);
    }
    // A noun phrase states its relation whatever the clause around it does: "Halvard's drug
    // Zelmora" stays Halvard's in "banned from selling Halvard's drug Zelmora". Only a verb or a
    // noun of an event ("purchase", "alliance") takes the mood of the clause that governs it.
    String tag = at.tag() == null ? "" : at.tag();
    if (!tag.startsWith("VB") && !eventNouns.contains(lemma(at))) {
      return List.copyOf(words);
    }
    for (int step = 0; step < GOVERNING_STEPS; step++) {
      SemanticGraphEdge edge = basicParent(at);
      if (edge == null) {
        break;
      }
      String relation = edge.getRelation().toString();
      String kind = kind(relation);
      if (relation.equals("acl:relcl")) {
        // A relative clause states its own: "set to merge with Rosneft, the company that bought
        // Yugansk" leaves the purchase done.
        break;
      }
      if (!(GOVERNING.contains(relation)
          || GOVERNING.contains(kind)
          || kind.equals("nmod")
          || kind.equals("obl"))) {
        break;
      }
      at = edge.getGovernor();
      words.add(at);
    }
    return List.copyOf(words);
  }

  /** The words that govern a word through relations of these kinds ("nsubj", "obj"). */
  List<IndexedWord> governors(IndexedWord word, Set<String> kinds) {
    List<IndexedWord> found = new ArrayList<>();
    if (word == null) {
      return found;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(word)) {
      String relation = edge.getRelation().toString();
      if (kinds.contains(relation) || kinds.contains(kind(relation))) {
        found.add(edge.getGovernor());
      }
    }
    return found;
  }

  /** Whether the two arguments are joined by "and" (a conjunction edge between their heads). */
  private boolean conjoined() {
    if (subject == null || object == null) {
      return false;
    }
    SemanticGraphEdge edge = graph.getEdge(subject, object);
    if (edge == null) {
      edge = graph.getEdge(object, subject);
    }
    return edge != null && edge.getRelation().toString().startsWith("conj");
  }

  /** The kind of a relation without its subtype: "nmod" of "nmod:poss". */
  private static String kind(String relation) {
    int colon = relation.indexOf(':');
    return colon < 0 ? relation : relation.substring(0, colon);
  }

  /** The dependents of a word through relations of these kinds ("aux", "advmod", "acl", ...). */
  List<IndexedWord> dependents(IndexedWord word, Set<String> kinds) {
    List<IndexedWord> found = new ArrayList<>();
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
      String relation = edge.getRelation().toString();
      String kind = kind(relation);
      if ((kinds.contains(relation) || kinds.contains(kind)) && !inArgument(edge.getDependent())) {
        found.add(edge.getDependent());
      }
    }
    return found;
  }

  /** Whether a word has the argument's head as a dependent through relations of these kinds. */
  static boolean governs(
      SemanticGraph graph, IndexedWord word, IndexedWord argument, Set<String> kinds) {
    if (argument == null) {
      return false;
    }
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
      String relation = edge.getRelation().toString();
      if (edge.getDependent().equals(argument) && kinds.contains(relation)) {
        return true;
      }
    }
    return false;
  }

  /** The article's mention at exactly these words, or the best overlapping one. */
  Optional<EntityMention> mentionAt(Mention mention) {
    return article.entities().at(mention.start(), mention.end());
  }

  /** Whether the entity is named (not only referred to) in this sentence, before an offset. */
  boolean namedBefore(Entity entity, int offset) {
    int start = fact.evidence().sentenceStart();
    return article.entities().mentions().stream()
        .anyMatch(
            m ->
                m.named()
                    && m.entity().equals(entity)
                    && m.mention().start() >= start
                    && m.mention().end() <= offset);
  }

  /** Whether the entity is named anywhere in this sentence. */
  boolean namedInSentence(Entity entity) {
    return namedBefore(entity, fact.evidence().sentenceEnd());
  }

  static String lemma(IndexedWord word) {
    String lemma = word.lemma() != null ? word.lemma() : word.word();
    return lemma.toLowerCase(Locale.ROOT);
  }

  static String lower(IndexedWord word) {
    return word.word().toLowerCase(Locale.ROOT);
  }

  static String role(IndexedWord word) {
    return word.backingLabel().get(RoleAnnotation.class);
  }

  static String entityType(IndexedWord word) {
    return word.backingLabel().get(EntityTypeAnnotation.class);
  }

  /** Whether this is an event's trigger rather than a fact. */
  boolean isEvent() {
    return fact == null;
  }

  /** Whether the word is an event's trigger, which names the event rather than its mood. */
  boolean isTrigger(IndexedWord word) {
    return fact == null && path.contains(word);
  }

  /** Whether a word lies inside the subject's or the object's mention (an event has none). */
  boolean inArgument(IndexedWord word) {
    if (fact == null) {
      return false;
    }
    return inside(word, fact.subjectMention()) || inside(word, fact.objectMention());
  }
}
