package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.core.resolve.EntityResolution.Merge;
import org.newsgraph.core.resolve.EntityResolution.Outcome;
import org.newsgraph.core.resolve.EntityResolution.Pair;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;

/**
 * The analysts' decisions, kept in their own graph ({@link IriMinter#DECISIONS_GRAPH}) with who
 * made them, when and why: about identity, a merge of one entity into another, that two entities
 * are not the same, the name an entity is shown by; about facts, that one holds or does not ({@link
 * FactDecisions}). They outrank the rules: a merge holds whatever the rules say, no rule merges two
 * entities decided not the same, and a rejected fact stays out whatever the articles say. They live
 * apart from the articles, so re-ingesting or deleting an article keeps them, and they go into
 * backups with every other graph. Undoing one removes it.
 *
 * <p>Reads and writes happen inside the caller's transaction.
 */
public final class Decisions {

  /** The kinds of decision. */
  public enum Kind {
    /** The first entity is the second, which is kept. */
    MERGE,
    /** The two entities are different things. */
    NOT_SAME,
    /** The entity is shown by another name. */
    RENAME,
    /** The fact holds. */
    CONFIRM_FACT,
    /** The fact does not hold: it is shown nowhere, and its plain triple is in no article graph. */
    REJECT_FACT;

    /** Returns whether the decision is about a fact rather than about who is who. */
    public boolean aboutFact() {
      return this == CONFIRM_FACT || this == REJECT_FACT;
    }
  }

  /**
   * One decision.
   *
   * @param id the decision's IRI
   * @param kind what it decides
   * @param first the entity merged, decided about, or renamed; a fact's subject
   * @param second the entity kept, or the other one of a "not the same"; a fact's object entity;
   *     {@code null} for a rename or a fact with a value
   * @param name the new name of a rename; {@code null} otherwise
   * @param by who decided
   * @param at when
   * @param why in the analyst's words
   * @param fact the fact confirmed or rejected, as it was keyed when decided; {@code null} for a
   *     decision about identity
   */
  public record Decision(
      String id,
      Kind kind,
      String first,
      String second,
      String name,
      String by,
      Instant at,
      String why,
      FactKey fact) {}

  private static final Node GRAPH = NodeFactory.createURI(IriMinter.DECISIONS_GRAPH);
  private static final Node RESOLUTION = NodeFactory.createURI(IriMinter.RESOLUTION_GRAPH);
  private static final Node TYPE = RDF.type.asNode();
  private static final Node MERGED = NG.mergedEntity.asNode();
  private static final Node KEPT = NG.keptEntity.asNode();
  private static final Node CANDIDATE = NG.candidate.asNode();
  private static final Node REASON = NG.reason.asNode();
  private static final Node RULE = NG.rule.asNode();
  private static final Node LABEL = RDFS.label.asNode();
  private static final Node BY = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
  private static final Node AT = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
  private static final Node SUBJECT = RDF.subject.asNode();
  private static final Node PREDICATE = RDF.predicate.asNode();
  private static final Node OBJECT = RDF.object.asNode();

  private final List<Decision> all;
  private final Map<String, String> mergedInto = new HashMap<>();
  private final Set<String> notSame = new HashSet<>();

  private Decisions(List<Decision> all) {
    this.all = List.copyOf(all);
    for (Decision decision : all) {
      if (decision.kind() == Kind.MERGE) {
        mergedInto.put(decision.first(), decision.second());
      } else if (decision.kind() == Kind.NOT_SAME) {
        notSame.add(pairKey(decision.first(), decision.second()));
      }
    }
  }

  /** Reads every decision the store holds. */
  public static Decisions read(DatasetGraph store) {
    List<Decision> decisions = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      store
          .find(GRAPH, Node.ANY, TYPE, typeOf(kind))
          .forEachRemaining(q -> decisions.add(decision(store, q.getSubject(), kind)));
    }
    decisions.sort(java.util.Comparator.comparing(Decision::at).thenComparing(Decision::id));
    return new Decisions(decisions);
  }

  /** Returns every decision, the oldest first. */
  public List<Decision> all() {
    return all;
  }

  /** Returns the entity an analyst merged this one into, if one did. */
  public Optional<String> mergedInto(String iri) {
    return Optional.ofNullable(mergedInto.get(iri));
  }

  /** Returns the decisions about facts, the oldest first. */
  public List<Decision> aboutFacts() {
    return all.stream().filter(d -> d.kind().aboutFact()).toList();
  }

  /** Returns whether an analyst decided that the two entities are not the same. */
  public boolean notSame(String a, String b) {
    return notSame.contains(pairKey(a, b));
  }

  /**
   * Returns what the rules decided, without what the analysts decided otherwise: no merge of an
   * entity an analyst merged elsewhere or decided not the same as the one kept, and no pair the
   * analysts settled.
   */
  Outcome filter(Outcome outcome) {
    List<Merge> merges =
        outcome.merges().stream()
            .filter(m -> !mergedInto.containsKey(m.from()) && !notSame(m.from(), m.to()))
            .toList();
    List<Pair> pairs =
        outcome.possiblySame().stream()
            .filter(
                p ->
                    !notSame(p.first(), p.second())
                        && !p.second().equals(mergedInto.get(p.first()))
                        && !p.first().equals(mergedInto.get(p.second())))
            .toList();
    return new Outcome(merges, pairs);
  }

  /**
   * Records a decision, and for a merge its {@code owl:sameAs} in the resolution graph; a decision
   * about the same entities made before is replaced.
   *
   * @return the decision as recorded
   */
  public static Decision record(
      DatasetGraph store,
      Kind kind,
      String first,
      String second,
      String name,
      String by,
      Instant at,
      String why) {
    requireNonNull(kind, "kind");
    requireNonNull(first, "first");
    if (kind.aboutFact()) {
      throw new IllegalArgumentException(kind + " is about a fact: record it with recordFact");
    }
    String about = kind + "\n" + first + "\n" + (kind == Kind.RENAME ? "" : second);
    String id = IriMinter.DECISIONS_GRAPH + "/" + IriMinter.sha256(about).substring(0, 24);
    Node node = start(store, id, kind, by, at, why);
    switch (kind) {
      case MERGE -> {
        store.add(GRAPH, node, MERGED, NodeFactory.createURI(first));
        store.add(GRAPH, node, KEPT, NodeFactory.createURI(second));
        store.deleteAny(RESOLUTION, NodeFactory.createURI(first), OWL.sameAs.asNode(), Node.ANY);
        store.add(
            RESOLUTION,
            NodeFactory.createURI(first),
            OWL.sameAs.asNode(),
            NodeFactory.createURI(second));
      }
      case NOT_SAME -> {
        store.add(GRAPH, node, CANDIDATE, NodeFactory.createURI(first));
        store.add(GRAPH, node, CANDIDATE, NodeFactory.createURI(second));
      }
      case RENAME -> {
        store.add(GRAPH, node, CANDIDATE, NodeFactory.createURI(first));
        store.add(GRAPH, node, LABEL, NodeFactory.createLiteralString(name));
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return decision(store, node, kind);
  }

  /**
   * Records that a fact holds or does not, replacing whichever of the two was decided about it
   * before: a fact has one verdict at most. Only the decision is written; what it does to the
   * article graphs is {@link FactDecisions}'.
   *
   * @return the decision as recorded
   */
  static Decision recordFact(
      DatasetGraph store, Kind kind, FactKey fact, String by, Instant at, String why) {
    requireNonNull(kind, "kind");
    requireNonNull(fact, "fact");
    if (!kind.aboutFact()) {
      throw new IllegalArgumentException(kind + " is not about a fact");
    }
    Node node = start(store, factDecisionId(fact), kind, by, at, why);
    store.add(GRAPH, node, SUBJECT, NodeFactory.createURI(fact.subject()));
    store.add(GRAPH, node, PREDICATE, NodeFactory.createURI(fact.predicate()));
    store.add(
        GRAPH,
        node,
        OBJECT,
        fact.object() != null
            ? NodeFactory.createURI(fact.object())
            : NodeFactory.createLiteralString(fact.value()));
    return decision(store, node, kind);
  }

  /** Returns the id of the decision about a fact, the same whether it confirms or rejects it. */
  static String factDecisionId(FactKey fact) {
    return IriMinter.DECISIONS_GRAPH
        + "/"
        + IriMinter.sha256("fact\n" + fact.text()).substring(0, 24);
  }

  /** Returns the decision with this id, if there is one. */
  public static Optional<Decision> find(DatasetGraph store, String id) {
    Node node = NodeFactory.createURI(requireNonNull(id, "id"));
    for (Kind kind : Kind.values()) {
      if (store.contains(GRAPH, node, TYPE, typeOf(kind))) {
        return Optional.of(decision(store, node, kind));
      }
    }
    return Optional.empty();
  }

  /** Replaces the decision with this id by a new one's type, rule, who, when and why. */
  private static Node start(
      DatasetGraph store, String id, Kind kind, String by, Instant at, String why) {
    requireNonNull(by, "by");
    requireNonNull(at, "at");
    Node node = NodeFactory.createURI(id);
    undo(store, id);
    store.add(GRAPH, node, TYPE, typeOf(kind));
    store.add(GRAPH, node, RULE, NodeFactory.createLiteralString(EntityResolution.ANALYST));
    store.add(GRAPH, node, BY, NodeFactory.createLiteralString(by));
    store.add(GRAPH, node, AT, NodeFactory.createLiteralDT(at.toString(), XSDDatatype.XSDdateTime));
    if (why != null && !why.isBlank()) {
      store.add(GRAPH, node, REASON, NodeFactory.createLiteralString(why.strip()));
    }
    return node;
  }

  /**
   * Removes a decision; a merge's {@code owl:sameAs} goes with it.
   *
   * @return the decision removed, if there was one with this id
   */
  public static Optional<Decision> undo(DatasetGraph store, String id) {
    Node node = NodeFactory.createURI(id);
    Optional<Decision> found = find(store, id);
    found
        .filter(d -> d.kind() == Kind.MERGE)
        .ifPresent(
            d ->
                store.delete(
                    RESOLUTION,
                    NodeFactory.createURI(d.first()),
                    OWL.sameAs.asNode(),
                    NodeFactory.createURI(d.second())));
    List<Quad> quads = new ArrayList<>();
    store.find(GRAPH, node, Node.ANY, Node.ANY).forEachRemaining(quads::add);
    quads.forEach(store::delete);
    return found;
  }

  private static Decision decision(DatasetGraph store, Node node, Kind kind) {
    String at = object(store, node, AT);
    Instant when = at == null ? Instant.EPOCH : Instant.parse(at);
    if (kind.aboutFact()) {
      Node object = store.find(GRAPH, node, OBJECT, Node.ANY).next().getObject();
      FactKey fact =
          new FactKey(
              object(store, node, SUBJECT),
              object(store, node, PREDICATE),
              object.isURI() ? object.getURI() : null,
              object.isLiteral() ? object.getLiteralLexicalForm() : null);
      return new Decision(
          node.getURI(),
          kind,
          fact.subject(),
          fact.object(),
          null,
          object(store, node, BY),
          when,
          object(store, node, REASON),
          fact);
    }
    List<String> candidates = new ArrayList<>();
    store
        .find(GRAPH, node, CANDIDATE, Node.ANY)
        .forEachRemaining(q -> candidates.add(q.getObject().getURI()));
    candidates.sort(null);
    String first =
        kind == Kind.MERGE
            ? object(store, node, MERGED)
            : candidates.isEmpty() ? null : candidates.get(0);
    String second =
        kind == Kind.MERGE
            ? object(store, node, KEPT)
            : kind == Kind.NOT_SAME && candidates.size() > 1 ? candidates.get(1) : null;
    return new Decision(
        node.getURI(),
        kind,
        first,
        second,
        kind == Kind.RENAME ? object(store, node, LABEL) : null,
        object(store, node, BY),
        when,
        object(store, node, REASON),
        null);
  }

  private static String object(DatasetGraph store, Node node, Node property) {
    var found = store.find(GRAPH, node, property, Node.ANY);
    if (!found.hasNext()) {
      return null;
    }
    Node value = found.next().getObject();
    return value.isURI() ? value.getURI() : value.getLiteralLexicalForm();
  }

  private static Node typeOf(Kind kind) {
    return switch (kind) {
      case MERGE -> NG.Merge.asNode();
      case NOT_SAME -> NG.NotSame.asNode();
      case RENAME -> NG.Rename.asNode();
      case CONFIRM_FACT -> NG.Confirmation.asNode();
      case REJECT_FACT -> NG.Rejection.asNode();
    };
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
  }
}
