package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.DecisionException.Reason;
import org.newsgraph.ontology.NG;

/**
 * What the analysts' decisions about facts do to the article graphs. A fact is its plain triple
 * after resolution ({@link FactKey}); the articles that state it hold that triple and one {@code
 * ng:Assertion} each. A rejected fact's plain triple is taken out of every article graph that
 * states it, so that SPARQL's default graph, the entity and article views and the neighbourhood
 * graph no longer have it; its assertions stay, so that the rejection can be shown with its sources
 * and undone, which puts the plain triples back. Re-ingesting an article writes its plain triples
 * again; the store then applies the rejections once more ({@link #apply}), as it applies the
 * decisions about identity. A confirmation is kept and shown, and changes no article graph.
 *
 * <p>Assertions are matched by the entities kept for their subject and object now, so a fact
 * rejected before a merge stays rejected in the articles that name either entity; a fact rejected
 * about a person's plain IRI stays rejected for each namesake its articles were parted into later
 * ({@link Namesakes}). Works on any {@link DatasetGraph}, inside the caller's write transaction.
 */
public final class FactDecisions {

  private static final Node TYPE = RDF.type.asNode();
  private static final Node SUBJECT = RDF.subject.asNode();
  private static final Node PREDICATE = RDF.predicate.asNode();
  private static final Node OBJECT = RDF.object.asNode();
  private static final Node ASSERTION = NG.Assertion.asNode();

  private FactDecisions() {}

  /** One article's assertion of a fact: the graph it is in, and its plain triple's ends. */
  private record Stated(Node graph, Node subject, Node predicate, Node object) {}

  /**
   * Records that a fact holds ({@link Decisions.Kind#CONFIRM_FACT}) or does not ({@link
   * Decisions.Kind#REJECT_FACT}), replacing the verdict given before, and applies it.
   *
   * @param fact the fact; its entities may be any IRIs of them, merged or kept
   * @throws DecisionException if no stored article states the fact; nothing is written then
   */
  public static Decisions.Decision decide(
      DatasetGraph store, Decisions.Kind kind, FactKey fact, String by, Instant at, String why) {
    requireNonNull(store, "store");
    requireNonNull(kind, "kind");
    FactKey kept = kept(store, requireNonNull(fact, "fact"));
    List<Stated> stated = statements(store, kept);
    if (stated.isEmpty()) {
      throw new DecisionException(
          Reason.UNKNOWN_FACT,
          "no stored article states the fact <"
              + kept.subject()
              + "> <"
              + kept.predicate()
              + "> "
              + (kept.object() != null ? "<" + kept.object() + ">" : "\"" + kept.value() + "\""));
    }
    String id = Decisions.factDecisionId(kept);
    undo(store, id);
    Decisions.Decision decision = Decisions.recordFact(store, kind, kept, by, at, why);
    if (kind == Decisions.Kind.REJECT_FACT) {
      stated.forEach(s -> hide(store, s));
    }
    return decision;
  }

  /**
   * Removes a decision about a fact; undoing a rejection puts the fact's plain triples back in the
   * article graphs that state it.
   *
   * @return the decision removed, if there was a decision about a fact with this id
   */
  public static Optional<Decisions.Decision> undo(DatasetGraph store, String id) {
    Optional<Decisions.Decision> found =
        Decisions.find(store, id).filter(d -> d.kind().aboutFact());
    found.ifPresent(
        decision -> {
          Decisions.undo(store, id);
          if (decision.kind() == Decisions.Kind.REJECT_FACT) {
            statements(store, decision.fact()).forEach(s -> show(store, s));
          }
        });
    return found;
  }

  /**
   * Takes the plain triples of every rejected fact out of the article graphs: after a write that
   * may have put them back (an ingest) or changed which entities are one (a merge, or its undoing).
   */
  public static void apply(DatasetGraph store) {
    requireNonNull(store, "store");
    for (Decisions.Decision decision : Decisions.read(store).aboutFacts()) {
      if (decision.kind() == Decisions.Kind.REJECT_FACT) {
        statements(store, decision.fact()).forEach(s -> hide(store, s));
      }
    }
  }

  /**
   * Brings the plain triples of the facts about some entities in step with the rejections, after a
   * change of who is who among them (a merge, a "not the same", or the undoing of one): the
   * assertions about them whose fact is rejected now lose their plain triple, and the others have
   * it, so that a fact hidden because a merge made it a rejected one comes back when the merge is
   * undone.
   *
   * @param entities the IRIs whose facts to bring in step: every member of the groups the change
   *     touched, as they were before it and as they are after
   */
  public static void reconcile(DatasetGraph store, Collection<String> entities) {
    requireNonNull(store, "store");
    Set<FactKey> rejected = new HashSet<>();
    for (Decisions.Decision decision : Decisions.read(store).aboutFacts()) {
      if (decision.kind() == Decisions.Kind.REJECT_FACT) {
        rejected.add(kept(store, decision.fact()));
      }
    }
    Set<Stated> about = new LinkedHashSet<>();
    for (String entity : entities) {
      Node node = NodeFactory.createURI(entity);
      for (Node end : List.of(SUBJECT, OBJECT)) {
        store
            .find(Node.ANY, Node.ANY, end, node)
            .forEachRemaining(quad -> stated(store, quad.getGraph(), quad.getSubject(), about));
      }
    }
    for (Stated stated : about) {
      Node o = stated.object();
      String object = o.isURI() ? ResolutionGraph.canonical(store, o.getURI()) : null;
      String value = o.isURI() ? null : o.getLiteralLexicalForm();
      String subject = stated.subject().getURI();
      FactKey fact =
          FactKey.of(
              ResolutionGraph.canonical(store, subject),
              stated.predicate().getURI(),
              object,
              value);
      // A fact rejected about a person's name before namesakes were told apart is about each.
      FactKey ofName =
          Namesakes.plainOf(subject)
              .map(
                  plain ->
                      FactKey.of(
                          ResolutionGraph.canonical(store, plain),
                          stated.predicate().getURI(),
                          object,
                          value))
              .orElse(fact);
      if (rejected.contains(fact) || rejected.contains(ofName)) {
        hide(store, stated);
      } else {
        show(store, stated);
      }
    }
  }

  /** Adds the assertion's statement, if the node is an assertion of a relation in the graph. */
  private static void stated(DatasetGraph store, Node graph, Node assertion, Set<Stated> found) {
    if (!store.contains(graph, assertion, TYPE, ASSERTION)) {
      return;
    }
    Node subject = single(store, graph, assertion, SUBJECT);
    Node predicate = single(store, graph, assertion, PREDICATE);
    Node object = single(store, graph, assertion, OBJECT);
    if (subject != null
        && subject.isURI()
        && predicate != null
        && Relation.of(predicate).isPresent()
        && object != null
        && (object.isURI() || object.isLiteral())) {
      found.add(new Stated(graph, subject, predicate, object));
    }
  }

  private static Node single(DatasetGraph store, Node graph, Node node, Node property) {
    var found = store.find(graph, node, property, Node.ANY);
    return found.hasNext() ? found.next().getObject() : null;
  }

  /** The fact keyed by the entities kept for its subject and object now. */
  private static FactKey kept(DatasetGraph store, FactKey fact) {
    return FactKey.of(
        ResolutionGraph.canonical(store, fact.subject()),
        fact.predicate(),
        fact.object() == null ? null : ResolutionGraph.canonical(store, fact.object()),
        fact.value());
  }

  /**
   * Every article's assertion of the fact, found from the IRIs merged into its subject (and, for a
   * symmetric relation, into its object), and kept when its other end is the fact's too.
   */
  private static List<Stated> statements(DatasetGraph store, FactKey fact) {
    FactKey kept = kept(store, fact);
    Set<Stated> found = new LinkedHashSet<>();
    collect(store, kept, kept.subject(), kept.object(), found);
    if (kept.object() != null && kept.relation().isSymmetric()) {
      collect(store, kept, kept.object(), kept.subject(), found);
    }
    return new ArrayList<>(found);
  }

  private static void collect(
      DatasetGraph store, FactKey kept, String from, String to, Set<Stated> found) {
    Node predicate = NodeFactory.createURI(kept.predicate());
    // A fact about a person's name is about each of the namesakes its articles were parted into.
    Set<String> subjects = new LinkedHashSet<>(ResolutionGraph.members(store, from));
    subjects.addAll(Namesakes.of(store, from));
    for (String member : subjects) {
      Node subject = NodeFactory.createURI(member);
      store
          .find(Node.ANY, Node.ANY, SUBJECT, subject)
          .forEachRemaining(
              quad -> {
                Node graph = quad.getGraph();
                Node assertion = quad.getSubject();
                if (!store.contains(graph, assertion, TYPE, ASSERTION)
                    || !store.contains(graph, assertion, PREDICATE, predicate)) {
                  return;
                }
                store
                    .find(graph, assertion, OBJECT, Node.ANY)
                    .forEachRemaining(
                        o -> {
                          Node object = o.getObject();
                          boolean same =
                              to != null
                                  ? object.isURI()
                                      && ResolutionGraph.canonical(store, object.getURI())
                                          .equals(to)
                                  : object.isLiteral()
                                      && object.getLiteralLexicalForm().equals(kept.value());
                          if (same) {
                            found.add(new Stated(graph, subject, predicate, object));
                          }
                        });
              });
    }
  }

  private static void hide(DatasetGraph store, Stated stated) {
    store.delete(stated.graph(), stated.subject(), stated.predicate(), stated.object());
    if (symmetric(stated)) {
      store.delete(stated.graph(), stated.object(), stated.predicate(), stated.subject());
    }
  }

  private static void show(DatasetGraph store, Stated stated) {
    store.add(stated.graph(), stated.subject(), stated.predicate(), stated.object());
    if (symmetric(stated)) {
      store.add(stated.graph(), stated.object(), stated.predicate(), stated.subject());
    }
  }

  private static boolean symmetric(Stated stated) {
    return stated.object().isURI()
        && Relation.of(stated.predicate()).map(Relation::isSymmetric).orElse(false);
  }
}
