package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.resolve.EntityResolution.Candidate;
import org.newsgraph.core.resolve.EntityResolution.Merge;
import org.newsgraph.core.resolve.EntityResolution.Outcome;
import org.newsgraph.core.resolve.EntityResolution.Pair;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;

/**
 * Keeps the resolution graph ({@link IriMinter#RESOLUTION_GRAPH}) in step with the article graphs:
 * after a write changes the articles that name some entities, it decides again, by {@link
 * EntityResolution}'s rules and the analysts' decisions, the groups those entities belong to, and
 * writes the outcome: for each merge, {@code from owl:sameAs to} and an {@code ng:Merge} node
 * (rule, group, reason); for each pair possibly the same, an {@code ng:PossiblySame} node.
 *
 * <p>Only the groups a write touched are decided again, each from what the store holds now, so a
 * write costs the same however large the store grows, and the graph is the same whatever order the
 * articles came in. Works on any {@link DatasetGraph}, inside the caller's write transaction.
 *
 * <p>Why one class of this size: it is the one writer and reader of the resolution graph, so that
 * every way of changing it (the groups a write touched, the whole store after a bulk load, an
 * analyst's decision and its undoing) writes the same nodes in the same shape, and every reading
 * (the IRI kept, the IRIs merged into it) follows them. The rules are {@link EntityResolution}'s
 * and the decisions {@link Decisions}'.
 */
public final class ResolutionGraph {

  private static final Node GRAPH = NodeFactory.createURI(IriMinter.RESOLUTION_GRAPH);
  private static final Node SAME_AS = OWL.sameAs.asNode();
  private static final Node TYPE = RDF.type.asNode();
  private static final Node LABEL = RDFS.label.asNode();
  private static final Node NAME_KEY = NG.nameKey.asNode();
  private static final Node SURNAME = NG.surname.asNode();
  private static final Node MENTIONS = NG.mentions.asNode();
  private static final Node MERGED = NG.mergedEntity.asNode();
  private static final Node KEPT = NG.keptEntity.asNode();
  private static final Node CANDIDATE = NG.candidate.asNode();
  private static final Node RULE = NG.rule.asNode();
  private static final Node REASON = NG.reason.asNode();
  private static final int MAX_HOPS = 8;

  private ResolutionGraph() {}

  /**
   * The groups whose decision may change when these article graphs change: their entities' name
   * keys and surnames, and their people's names, which may be contested ({@link Namesakes}).
   * Collect them from the graphs both before and after a write.
   */
  public static final class Groups {
    private final Set<String> nameKeys = new TreeSet<>();
    private final Set<String> surnames = new TreeSet<>();
    private final Set<String> people = new TreeSet<>();

    /** Adds the groups of the entities an article graph holds. */
    public Groups addGraph(DatasetGraph store, Node articleGraph) {
      store
          .find(articleGraph, Node.ANY, NAME_KEY, Node.ANY)
          .forEachRemaining(q -> nameKeys.add(q.getObject().getLiteralLexicalForm()));
      store
          .find(articleGraph, Node.ANY, SURNAME, Node.ANY)
          .forEachRemaining(q -> surnames.add(q.getObject().getLiteralLexicalForm()));
      people.addAll(Namesakes.peopleOf(store, articleGraph));
      return this;
    }

    /** Adds the groups of an entity, as its name and type put it in. */
    public Groups addEntity(EntityType type, String name) {
      nameKeys.add(EntityResolution.nameKey(name));
      EntityResolution.surname(type, name).ifPresent(surnames::add);
      return this;
    }

    /** Returns whether no group is touched. */
    public boolean isEmpty() {
      return nameKeys.isEmpty() && surnames.isEmpty() && people.isEmpty();
    }
  }

  /**
   * Decides the groups again from what the store holds and rewrites their part of the resolution
   * graph. Run it inside the write transaction that changed the articles.
   *
   * <p>In three steps: the groups' rules first, which settle the IRIs kept for organisations; then
   * the names of the people the write touched, and of those an article ties to an organisation
   * whose kept IRI the rules just changed, are decided again ({@link Namesakes}), which may move a
   * person of a contested name to an IRI of their own in some article graphs; last, the rules again
   * for the groups of the people moved.
   */
  public static void refresh(DatasetGraph store, Groups groups) {
    refresh(store, groups, Set.of());
  }

  /**
   * Decides the groups again, knowing that the merges of some IRIs changed before (an analyst's
   * merge, or its undoing, written before the rules run).
   */
  private static void refresh(DatasetGraph store, Groups groups, Set<String> changedBefore) {
    requireNonNull(store, "store");
    requireNonNull(groups, "groups");
    if (groups.isEmpty()) {
      return;
    }
    Set<String> changed = new TreeSet<>(changedBefore);
    changed.addAll(decideGroups(store, groups));
    Set<String> people = new TreeSet<>(groups.people);
    people.addAll(Namesakes.affiliatedWith(store, changed));
    Set<String> moved = Namesakes.settle(store, people);
    if (!moved.isEmpty()) {
      decideGroups(store, groupsOf(store, moved.toArray(String[]::new)));
    }
  }

  /**
   * Decides the groups' rules again and rewrites their part of the resolution graph.
   *
   * @return the IRIs whose merge changed: merged into another entity than before, or no longer
   */
  private static Set<String> decideGroups(DatasetGraph store, Groups groups) {
    Map<String, Candidate> candidates = new HashMap<>();
    Decisions decisions = Decisions.read(store);
    List<Merge> merges = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    Set<String> mergedByName = new HashSet<>();
    for (String key : groups.nameKeys) {
      List<Candidate> group = members(store, NAME_KEY, key, candidates);
      Outcome outcome = decisions.filter(EntityResolution.byName(key, group));
      merges.addAll(outcome.merges());
      pairs.addAll(outcome.possiblySame());
      outcome.merges().forEach(m -> mergedByName.add(m.from()));
    }
    for (String surname : groups.surnames) {
      List<Candidate> group =
          members(store, SURNAME, surname, candidates).stream()
              .filter(c -> !mergedByName.contains(c.iri()))
              .toList();
      Outcome outcome = decisions.filter(EntityResolution.bySurname(surname, group));
      merges.addAll(outcome.merges());
      pairs.addAll(outcome.possiblySame());
    }
    return rewrite(store, groups, merges, pairs, decisions);
  }

  /**
   * Records an analyst's decision ({@link Decisions}) and decides the groups of its entities again,
   * so that it takes effect at once: a merge joins the two, a "not the same" undoes a rule's merge
   * of them, a rename changes the name shown. Run it inside a write transaction.
   *
   * @param second the entity kept by a merge, or the other of a "not the same"; {@code null} for a
   *     rename
   * @param name the new name of a rename
   * @throws DecisionException if an entity is not in any article, or the decision contradicts the
   *     graph (a person merged into a company, an entity merged into itself); nothing is written
   */
  public static Decisions.Decision decide(
      DatasetGraph store,
      Decisions.Kind kind,
      String first,
      String second,
      String name,
      String by,
      java.time.Instant at,
      String why) {
    requireNonNull(kind, "kind");
    Candidate one = required(store, first);
    if (kind == Decisions.Kind.RENAME) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a rename needs the new name");
      }
    } else {
      Candidate other = required(store, second);
      boolean cycle = kind == Decisions.Kind.MERGE && canonical(store, second).equals(first);
      if (first.equals(second) || cycle) {
        throw new DecisionException(
            DecisionException.Reason.CONFLICT,
            "<" + first + "> and <" + second + "> are one entity already: " + kind + " needs two");
      }
      if (kind == Decisions.Kind.MERGE && !EntityResolution.sameKind(one.type(), other.type())) {
        throw new DecisionException(
            DecisionException.Reason.CONFLICT,
            "cannot merge the "
                + one.type().label()
                + " \""
                + one.name()
                + "\" into the "
                + other.type().label()
                + " \""
                + other.name()
                + "\": one thing cannot be both");
      }
    }
    Decisions.Decision decision = Decisions.record(store, kind, first, second, name, by, at, why);
    refresh(store, groupsOf(store, first, second), mergedBy(kind, first));
    return decision;
  }

  /**
   * Removes an analyst's decision and decides the groups of its entities again. Run it inside a
   * write transaction.
   *
   * @return the decision removed, if there was one with this id
   */
  public static Optional<Decisions.Decision> undo(DatasetGraph store, String id) {
    Optional<Decisions.Decision> removed = Decisions.undo(store, id);
    removed.ifPresent(
        d -> refresh(store, groupsOf(store, d.first(), d.second()), mergedBy(d.kind(), d.first())));
    return removed;
  }

  /** The IRI an analyst's merge, or its undoing, merges or parts: none for other decisions. */
  private static Set<String> mergedBy(Decisions.Kind kind, String first) {
    return kind == Decisions.Kind.MERGE ? Set.of(first) : Set.of();
  }

  /** The groups of entity IRIs, as the articles name them. */
  private static Groups groupsOf(DatasetGraph store, String... iris) {
    Groups groups = new Groups();
    for (String iri : iris) {
      if (iri == null) {
        continue;
      }
      Node entity = NodeFactory.createURI(iri);
      store
          .find(Node.ANY, entity, NAME_KEY, Node.ANY)
          .forEachRemaining(q -> groups.nameKeys.add(q.getObject().getLiteralLexicalForm()));
      store
          .find(Node.ANY, entity, SURNAME, Node.ANY)
          .forEachRemaining(q -> groups.surnames.add(q.getObject().getLiteralLexicalForm()));
    }
    return groups;
  }

  /** The entity as the articles name it; it must be named by one at least. */
  private static Candidate required(DatasetGraph store, String iri) {
    requireNonNull(iri, "entity");
    Candidate candidate = iri.startsWith(IriMinter.ENTITY_BASE) ? candidate(store, iri) : null;
    if (candidate == null) {
      throw new DecisionException(
          DecisionException.Reason.UNKNOWN_ENTITY,
          "no stored article names the entity <" + iri + ">");
    }
    return candidate;
  }

  /**
   * Decides every group of every article graph again: after a bulk load, or over the articles of
   * one {@code extract} run. Run it inside a write transaction.
   */
  public static void refreshAll(DatasetGraph store) {
    requireNonNull(store, "store");
    Groups groups = new Groups();
    store
        .listGraphNodes()
        .forEachRemaining(
            name -> {
              if (name.isURI() && name.getURI().startsWith(IriMinter.ARTICLE_BASE)) {
                groups.addGraph(store, name);
              }
            });
    refresh(store, groups);
  }

  /**
   * Returns the IRI kept for an entity IRI: itself, unless the resolution graph merged it into
   * another.
   */
  public static String canonical(DatasetGraph store, String iri) {
    String current = iri;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Iterator<Quad> next = store.find(GRAPH, NodeFactory.createURI(current), SAME_AS, Node.ANY);
      if (!next.hasNext()) {
        return current;
      }
      current = next.next().getObject().getURI();
    }
    return current;
  }

  /** Returns the IRIs merged into an entity IRI, directly or through others, itself first. */
  public static List<String> members(DatasetGraph store, String kept) {
    Set<String> members = new LinkedHashSet<>();
    List<String> frontier = new ArrayList<>(List.of(kept));
    members.add(kept);
    for (int hop = 0; hop < MAX_HOPS && !frontier.isEmpty(); hop++) {
      List<String> next = new ArrayList<>();
      for (String iri : frontier) {
        store
            .find(GRAPH, Node.ANY, SAME_AS, NodeFactory.createURI(iri))
            .forEachRemaining(
                q -> {
                  if (members.add(q.getSubject().getURI())) {
                    next.add(q.getSubject().getURI());
                  }
                });
      }
      frontier = next;
    }
    return List.copyOf(members);
  }

  private static List<Candidate> members(
      DatasetGraph store, Node property, String key, Map<String, Candidate> known) {
    Set<String> iris = new TreeSet<>();
    store
        .find(Node.ANY, Node.ANY, property, NodeFactory.createLiteralString(key))
        .forEachRemaining(q -> iris.add(q.getSubject().getURI()));
    List<Candidate> group = new ArrayList<>();
    for (String iri : iris) {
      Candidate candidate = known.computeIfAbsent(iri, i -> candidate(store, i));
      if (candidate != null) {
        group.add(candidate);
      }
    }
    return group;
  }

  /** The entity as the articles name it: the type and name most give it, and how many do. */
  private static Candidate candidate(DatasetGraph store, String iri) {
    Node entity = NodeFactory.createURI(iri);
    Map<EntityType, Long> types = new LinkedHashMap<>();
    store
        .find(Node.ANY, entity, TYPE, Node.ANY)
        .forEachRemaining(
            q ->
                EntityType.of(
                        org.apache.jena.rdf.model.ResourceFactory.createResource(
                            q.getObject().getURI()))
                    .ifPresent(t -> types.merge(t, 1L, Long::sum)));
    Map<String, Long> names = new HashMap<>();
    store
        .find(Node.ANY, entity, LABEL, Node.ANY)
        .forEachRemaining(q -> names.merge(q.getObject().getLiteralLexicalForm(), 1L, Long::sum));
    Set<Node> articles = new HashSet<>();
    store
        .find(Node.ANY, Node.ANY, MENTIONS, entity)
        .forEachRemaining(q -> articles.add(q.getGraph()));
    if (types.isEmpty() || names.isEmpty() || articles.isEmpty()) {
      return null;
    }
    EntityType type = EntityResolution.mostGivenType(types);
    String name = EntityResolution.mostGivenName(names);
    return new Candidate(iri, type, name, articles.size());
  }

  /**
   * Replaces the decisions of the groups in the resolution graph by the new ones.
   *
   * @return the IRIs merged into another entity than before, or no longer merged
   */
  private static Set<String> rewrite(
      DatasetGraph store,
      Groups groups,
      List<Merge> merges,
      List<Pair> pairs,
      Decisions decisions) {
    Set<Node> stale = new HashSet<>();
    for (String key : groups.nameKeys) {
      stale.addAll(nodesOfGroup(store, EntityResolution.SAME_NAME, key));
    }
    for (String surname : groups.surnames) {
      stale.addAll(nodesOfGroup(store, EntityResolution.SURNAME, surname));
    }
    Set<Node> unlinked = new HashSet<>();
    for (Node node : stale) {
      store.find(GRAPH, node, MERGED, Node.ANY).forEachRemaining(q -> unlinked.add(q.getObject()));
      List<Quad> quads = new ArrayList<>();
      store.find(GRAPH, node, Node.ANY, Node.ANY).forEachRemaining(quads::add);
      quads.forEach(store::delete);
    }
    Map<String, Optional<String>> before = new HashMap<>();
    unlinked.forEach(from -> before.put(from.getURI(), sameAs(store, from.getURI())));
    merges.forEach(m -> before.computeIfAbsent(m.from(), from -> sameAs(store, from)));
    for (Node from : unlinked) {
      store.deleteAny(GRAPH, from, SAME_AS, Node.ANY);
      // An analyst's merge of the same entity stands, and so does a retired namesake's IRI.
      decisions
          .mergedInto(from.getURI())
          .or(() -> Namesakes.retiredInto(store, from.getURI()))
          .ifPresent(to -> store.add(GRAPH, from, SAME_AS, NodeFactory.createURI(to)));
    }
    Set<String> sent = new HashSet<>();
    for (Merge merge : merges) {
      if (!sent.add(merge.from())) {
        continue;
      }
      Node node = node("merge", merge.rule(), merge.group(), merge.from());
      store.add(GRAPH, node, TYPE, NG.Merge.asNode());
      store.add(GRAPH, node, MERGED, NodeFactory.createURI(merge.from()));
      store.add(GRAPH, node, KEPT, NodeFactory.createURI(merge.to()));
      store.add(GRAPH, node, RULE, NodeFactory.createLiteralString(merge.rule()));
      store.add(
          GRAPH, node, groupProperty(merge.rule()), NodeFactory.createLiteralString(merge.group()));
      store.add(GRAPH, node, REASON, NodeFactory.createLiteralString(merge.reason()));
      store.add(
          GRAPH, NodeFactory.createURI(merge.from()), SAME_AS, NodeFactory.createURI(merge.to()));
    }
    for (Pair pair : pairs) {
      Node node =
          node("possibly-same", pair.rule(), pair.group(), pair.first() + " " + pair.second());
      store.add(GRAPH, node, TYPE, NG.PossiblySame.asNode());
      store.add(GRAPH, node, CANDIDATE, NodeFactory.createURI(pair.first()));
      store.add(GRAPH, node, CANDIDATE, NodeFactory.createURI(pair.second()));
      store.add(GRAPH, node, RULE, NodeFactory.createLiteralString(pair.rule()));
      store.add(
          GRAPH, node, groupProperty(pair.rule()), NodeFactory.createLiteralString(pair.group()));
      store.add(GRAPH, node, REASON, NodeFactory.createLiteralString(pair.reason()));
    }
    Set<String> changed = new TreeSet<>();
    before.forEach(
        (from, was) -> {
          if (!was.equals(sameAs(store, from))) {
            changed.add(from);
          }
        });
    return changed;
  }

  /** The entity an IRI is directly the same as in the resolution graph, if any. */
  private static Optional<String> sameAs(DatasetGraph store, String iri) {
    Iterator<Quad> next = store.find(GRAPH, NodeFactory.createURI(iri), SAME_AS, Node.ANY);
    return next.hasNext() ? Optional.of(next.next().getObject().getURI()) : Optional.empty();
  }

  private static Node groupProperty(String rule) {
    return rule.equals(EntityResolution.SURNAME) ? SURNAME : NAME_KEY;
  }

  private static Set<Node> nodesOfGroup(DatasetGraph store, String rule, String key) {
    Set<Node> nodes = new HashSet<>();
    Node keyLiteral = NodeFactory.createLiteralString(key);
    store
        .find(GRAPH, Node.ANY, groupProperty(rule), keyLiteral)
        .forEachRemaining(
            q -> {
              if (store.contains(
                  GRAPH, q.getSubject(), RULE, NodeFactory.createLiteralString(rule))) {
                nodes.add(q.getSubject());
              }
            });
    return nodes;
  }

  /** A node named by what it says, so that deciding the same again writes the same node. */
  private static Node node(String kind, String rule, String group, String about) {
    return NodeFactory.createURI(
        IriMinter.RESOLUTION_GRAPH
            + "/"
            + kind
            + "/"
            + IriMinter.sha256(rule + "\n" + group + "\n" + about).substring(0, 24));
  }

  /** Returns the article graphs, by name, that mention any of these entity IRIs. */
  public static Set<Node> articlesMentioning(DatasetGraph store, Collection<String> iris) {
    Set<Node> articles = new HashSet<>();
    for (String iri : iris) {
      store
          .find(Node.ANY, Node.ANY, MENTIONS, NodeFactory.createURI(iri))
          .forEachRemaining(q -> articles.add(q.getGraph()));
    }
    return articles;
  }

  /** Returns, for tests and readers, the rule that merged an IRI, if one did. */
  public static Optional<String> mergedBy(DatasetGraph store, String iri) {
    Iterator<Quad> merge = store.find(GRAPH, Node.ANY, MERGED, NodeFactory.createURI(iri));
    if (!merge.hasNext()) {
      return Optional.empty();
    }
    Iterator<Quad> rule = store.find(GRAPH, merge.next().getSubject(), RULE, Node.ANY);
    return rule.hasNext()
        ? Optional.of(rule.next().getObject().getLiteralLexicalForm())
        : Optional.empty();
  }
}
