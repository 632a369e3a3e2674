package org.newsgraph.core.resolve;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Relation;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;

/**
 * People who share a name but not an organisation. A person no article could link gets the plain
 * IRI of their name ({@code person/priya-raman}) in every article, and a plain IRI can only be
 * merged with others, never split; so beside the rules of {@link EntityResolution}, which merge,
 * this class decides whether the articles that name a person by that IRI speak of one person or of
 * several ({@link ResolutionGraph#refresh} runs both).
 *
 * <p>A name is <em>contested</em> when the organisations its articles say the person belongs to
 * (works for, heads, founded, is a member of: {@link #AFFILIATIONS}), each compared by the IRI kept
 * for it, fall into two or more groups that share none: the articles that share an organisation are
 * one group, joined through any article that states two. Each group is then one person with an IRI
 * of its own, the plain one qualified by the organisation most of the group's articles state
 * ({@code person/priya-raman--lumora-labs}, {@link EntityKey#qualified}): taken from what the
 * articles state, never guessed. An article that names the person but states no organisation goes
 * to the one group whose organisation it names elsewhere, if exactly one; otherwise it keeps the
 * plain IRI, which the rules pair as possibly the same as each qualified person. A name that is not
 * contested keeps the plain IRI in every article, so nothing changes for the many names no conflict
 * touches.
 *
 * <p>The store rewrites the person's IRI in the article graphs, inside the write that changed them
 * ({@link #settle}); the decision reads only the stored articles of the name, so it is the same in
 * any order of the articles, and made again whenever one comes or goes. A qualified IRI that no
 * longer names anyone is kept as {@code owl:sameAs} the plain one (an {@code ng:Merge} of rule
 * {@value #RULE}), so that links to it keep answering.
 *
 * <p>Stateless and thread-safe; the store methods work inside the caller's write transaction.
 */
public final class Namesakes {

  /** The rule that retires a qualified IRI into the plain one. */
  public static final String RULE = "namesakes";

  /** The relations by which an article says which organisation a person belongs to. */
  public static final Set<Relation> AFFILIATIONS =
      Set.of(Relation.WORKS_FOR, Relation.HEADS, Relation.FOUNDED, Relation.MEMBER_OF);

  private static final Node RESOLUTION = NodeFactory.createURI(IriMinter.RESOLUTION_GRAPH);
  private static final Node SAME_AS = OWL.sameAs.asNode();
  private static final Node TYPE = RDF.type.asNode();
  private static final Node PERSON = NG.Person.asNode();
  private static final Node NAME_KEY = NG.nameKey.asNode();
  private static final Node MENTIONS = NG.mentions.asNode();
  private static final Node MERGED = NG.mergedEntity.asNode();
  private static final Node KEPT = NG.keptEntity.asNode();
  private static final Node RULE_PROPERTY = NG.rule.asNode();
  private static final Node REASON = NG.reason.asNode();
  private static final List<Node> AFFILIATION_PROPERTIES =
      AFFILIATIONS.stream().map(r -> r.property().asNode()).toList();

  private Namesakes() {}

  /**
   * What one article says about a person it names by a plain IRI.
   *
   * @param article the article's IRI
   * @param stated the organisations it says the person belongs to, each by the IRI kept for it
   * @param named every entity it names, each by the IRI kept for it
   */
  public record Statement(String article, Set<String> stated, Set<String> named) {

    public Statement {
      requireNonNull(article, "article");
      stated = Set.copyOf(stated);
      named = Set.copyOf(named);
    }
  }

  /**
   * Decides the IRI the person gets in each article: the plain one, or for a contested name the one
   * of the group of articles the article belongs to.
   *
   * @param plain the person's plain key ({@code person/priya-raman})
   * @param articles what each article that names the person says
   * @return the IRI for each article, by the article's IRI
   */
  public static Map<String, String> decide(EntityKey plain, Collection<Statement> articles) {
    requireNonNull(plain, "plain");
    Map<String, String> iris = new TreeMap<>();
    String plainIri = plain.iri().getURI();
    articles.forEach(a -> iris.put(a.article(), plainIri));
    List<Group> groups = groups(articles);
    if (groups.size() < 2) {
      return iris;
    }
    Set<String> parts = new HashSet<>();
    for (Group group : groups) {
      EntityKey organisation = EntityKey.ofIri(group.organisation()).orElse(null);
      String part =
          organisation == null ? IriMinter.slug(group.organisation()) : organisation.key();
      if (!parts.add(part) && organisation != null) {
        // Two organisations of one key in different namespaces (a company and a linked page).
        part = organisation.namespace() + "-" + organisation.key();
        parts.add(part);
      }
      group.iri = plain.qualified(part).iri().getURI();
    }
    for (Statement article : articles) {
      List<Group> matching =
          groups.stream()
              .filter(
                  g ->
                      article.stated().isEmpty()
                          ? g.organisations.stream().anyMatch(article.named()::contains)
                          : g.organisations.containsAll(article.stated()))
              .toList();
      if (matching.size() == 1) {
        iris.put(article.article(), matching.get(0).iri);
      }
    }
    return iris;
  }

  /** Articles of one person: the organisations they state, and how many articles state each. */
  private static final class Group {
    final Set<String> organisations = new TreeSet<>();
    final Map<String, Integer> stating = new TreeMap<>();
    String iri;

    /** The organisation the most of its articles state, then the smallest IRI. */
    String organisation() {
      return stating.entrySet().stream()
          .max(
              Map.Entry.<String, Integer>comparingByValue()
                  .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow()
          .getKey();
    }
  }

  /**
   * The groups of the articles that state an organisation, articles sharing one in one group, in
   * the order of the organisation each is known by.
   */
  private static List<Group> groups(Collection<Statement> articles) {
    Map<String, String> parent = new HashMap<>();
    for (Statement article : articles) {
      String first = null;
      for (String organisation : new TreeSet<>(article.stated())) {
        parent.putIfAbsent(organisation, organisation);
        if (first == null) {
          first = organisation;
        } else {
          parent.put(root(parent, organisation), root(parent, first));
        }
      }
    }
    Map<String, Group> byRoot = new TreeMap<>();
    for (String organisation : parent.keySet()) {
      byRoot
          .computeIfAbsent(root(parent, organisation), r -> new Group())
          .organisations
          .add(organisation);
    }
    for (Statement article : articles) {
      for (String organisation : article.stated()) {
        byRoot.get(root(parent, organisation)).stating.merge(organisation, 1, Integer::sum);
      }
    }
    return byRoot.values().stream().sorted(Comparator.comparing(Group::organisation)).toList();
  }

  private static String root(Map<String, String> parent, String organisation) {
    String at = organisation;
    while (!parent.get(at).equals(at)) {
      at = parent.get(at);
    }
    return at;
  }

  /**
   * Returns the plain IRI of the person an entity IRI names, if it is an unlinked person's (plain
   * or qualified).
   */
  static Optional<String> plainOf(String iri) {
    return EntityKey.ofIri(iri)
        .filter(k -> k.type().orElse(null) == EntityType.PERSON)
        .map(k -> k.plain().iri().getURI());
  }

  /** Returns the plain IRIs of the people an article graph names. */
  static Set<String> peopleOf(DatasetGraph store, Node articleGraph) {
    Set<String> people = new TreeSet<>();
    store
        .find(articleGraph, Node.ANY, TYPE, PERSON)
        .forEachRemaining(q -> plainOf(q.getSubject().getURI()).ifPresent(people::add));
    return people;
  }

  /**
   * Returns the plain IRIs of the people that some article says belong to one of these entities:
   * when the IRI kept for an organisation changes, their names may be contested, or no longer.
   */
  static Set<String> affiliatedWith(DatasetGraph store, Collection<String> organisations) {
    Set<String> people = new TreeSet<>();
    for (String organisation : organisations) {
      Node node = NodeFactory.createURI(organisation);
      for (Node property : AFFILIATION_PROPERTIES) {
        store
            .find(Node.ANY, Node.ANY, property, node)
            .forEachRemaining(
                q -> {
                  if (q.getSubject().isURI()) {
                    plainOf(q.getSubject().getURI()).ifPresent(people::add);
                  }
                });
      }
    }
    return people;
  }

  /**
   * Decides each of these names again from the stored articles, and rewrites the person's IRI in
   * the article graphs whose IRI changed. Run it inside the write transaction that changed the
   * articles, after the organisations' groups are decided.
   *
   * @param plains the plain IRIs of the people
   * @return the IRIs that left or entered an article graph, whose groups the rules must decide
   *     again
   */
  static Set<String> settle(DatasetGraph store, Collection<String> plains) {
    Set<String> moved = new TreeSet<>();
    Decisions decisions = null;
    for (String plainIri : plains) {
      EntityKey plain = EntityKey.ofIri(plainIri).orElseThrow();
      Map<String, String> now = articlesOf(store, plain);
      if (now.isEmpty()) {
        continue;
      }
      List<Statement> statements = new ArrayList<>();
      now.forEach((article, iri) -> statements.add(statement(store, article, iri, false)));
      boolean split = now.values().stream().anyMatch(iri -> !iri.equals(plainIri));
      if (!split && groups(statements).size() < 2) {
        // One person, as every article says already: nothing to rewrite. Most names end here,
        // before each article's other names are read.
        continue;
      }
      statements.clear();
      now.forEach((article, iri) -> statements.add(statement(store, article, iri, true)));
      Map<String, String> decided = decide(plain, statements);
      Set<String> before = new TreeSet<>(now.values());
      for (Map.Entry<String, String> article : decided.entrySet()) {
        String was = now.get(article.getKey());
        if (!was.equals(article.getValue())) {
          rename(store, NodeFactory.createURI(article.getKey()), was, article.getValue());
          moved.add(was);
          moved.add(article.getValue());
        }
      }
      Set<String> after = new TreeSet<>(decided.values());
      for (String iri : after) {
        unretire(store, iri);
      }
      for (String iri : before) {
        if (!after.contains(iri) && !iri.equals(plainIri)) {
          if (decisions == null) {
            decisions = Decisions.read(store);
          }
          // An analyst's merge of the same IRI stands.
          if (decisions.mergedInto(iri).isEmpty()) {
            retire(store, iri, plainIri);
          }
        }
      }
    }
    return moved;
  }

  /**
   * Returns the articles that name the person of a plain key, each with the IRI its graph gives the
   * person (the plain one or a qualified one).
   */
  private static Map<String, String> articlesOf(DatasetGraph store, EntityKey plain) {
    Map<String, String> articles = new TreeMap<>();
    Node nameKey = NodeFactory.createLiteralString(nameKey(plain));
    store
        .find(Node.ANY, Node.ANY, NAME_KEY, nameKey)
        .forEachRemaining(
            q -> {
              String iri = q.getSubject().getURI();
              boolean article =
                  q.getGraph().isURI() && q.getGraph().getURI().startsWith(IriMinter.ARTICLE_BASE);
              if (article
                  && store.contains(q.getGraph(), q.getSubject(), TYPE, PERSON)
                  && EntityKey.ofIri(iri).map(k -> k.plain().equals(plain)).orElse(false)) {
                articles.merge(q.getGraph().getURI(), iri, (a, b) -> a.compareTo(b) <= 0 ? a : b);
              }
            });
    return articles;
  }

  /**
   * The name key of a person's plain key: the plain key is the name folded as a person's, and the
   * name key folds it further as an organisation's, so folding the key gives the name's.
   */
  private static String nameKey(EntityKey plain) {
    return EntityResolution.nameKey(plain.key());
  }

  /**
   * What an article says about the person it names by an IRI, organisations by their kept IRI.
   *
   * @param withNames whether to read the other entities an article that states no organisation
   *     names, which only a contested name needs
   */
  private static Statement statement(
      DatasetGraph store, String article, String iri, boolean withNames) {
    Node graph = NodeFactory.createURI(article);
    Node person = NodeFactory.createURI(iri);
    Set<String> stated = new TreeSet<>();
    for (Node property : AFFILIATION_PROPERTIES) {
      store
          .find(graph, person, property, Node.ANY)
          .forEachRemaining(
              q -> {
                if (q.getObject().isURI()) {
                  stated.add(ResolutionGraph.canonical(store, q.getObject().getURI()));
                }
              });
    }
    Set<String> named = new TreeSet<>();
    if (withNames && stated.isEmpty()) {
      store
          .find(graph, graph, MENTIONS, Node.ANY)
          .forEachRemaining(
              q -> named.add(ResolutionGraph.canonical(store, q.getObject().getURI())));
    }
    return new Statement(article, stated, named);
  }

  /** Replaces an entity's IRI by another everywhere in one article graph. */
  private static void rename(DatasetGraph store, Node graph, String from, String to) {
    Node old = NodeFactory.createURI(from);
    Node now = NodeFactory.createURI(to);
    Set<Quad> quads = new LinkedHashSet<>();
    store.find(graph, old, Node.ANY, Node.ANY).forEachRemaining(quads::add);
    store.find(graph, Node.ANY, Node.ANY, old).forEachRemaining(quads::add);
    quads.forEach(store::delete);
    for (Quad quad : quads) {
      store.add(
          graph,
          quad.getSubject().equals(old) ? now : quad.getSubject(),
          quad.getPredicate(),
          quad.getObject().equals(old) ? now : quad.getObject());
    }
  }

  /**
   * Returns the qualified IRIs that currently name one of the namesakes of a plain IRI, in order:
   * where a reader is sent who asks for the plain IRI of a contested name that no article names
   * plainly.
   */
  public static List<String> of(DatasetGraph store, String plainIri) {
    requireNonNull(plainIri, "plainIri");
    Optional<EntityKey> plain =
        EntityKey.ofIri(plainIri).filter(k -> k.type().orElse(null) == EntityType.PERSON);
    if (plain.isEmpty() || plain.get().isQualified()) {
      return List.of();
    }
    return articlesOf(store, plain.get()).values().stream()
        .filter(iri -> !iri.equals(plainIri))
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Returns the IRI an article graph gives the entity whose plain IRI this is: the same, unless the
   * graph names the person by a qualified IRI.
   */
  public static String inArticle(DatasetGraph store, Node articleGraph, String iri) {
    requireNonNull(iri, "iri");
    Optional<EntityKey> plain =
        EntityKey.ofIri(iri).filter(k -> k.type().orElse(null) == EntityType.PERSON);
    if (plain.isEmpty() || store.contains(articleGraph, NodeFactory.createURI(iri), TYPE, PERSON)) {
      return iri;
    }
    Node nameKey = NodeFactory.createLiteralString(nameKey(plain.get()));
    var found = store.find(articleGraph, Node.ANY, NAME_KEY, nameKey);
    while (found.hasNext()) {
      String named = found.next().getSubject().getURI();
      if (EntityKey.ofIri(named).map(k -> k.plain().equals(plain.get())).orElse(false)) {
        return named;
      }
    }
    return iri;
  }

  /** Returns the plain IRI a retired qualified IRI stands for now, if it was retired. */
  static Optional<String> retiredInto(DatasetGraph store, String iri) {
    Node node = retirement(iri);
    var kept = store.find(RESOLUTION, node, KEPT, Node.ANY);
    return kept.hasNext() ? Optional.of(kept.next().getObject().getURI()) : Optional.empty();
  }

  /** Keeps a qualified IRI no article uses any more answering: the same as the plain one. */
  private static void retire(DatasetGraph store, String iri, String plainIri) {
    Node node = retirement(iri);
    Node from = NodeFactory.createURI(iri);
    Node to = NodeFactory.createURI(plainIri);
    store.add(RESOLUTION, node, TYPE, NG.Merge.asNode());
    store.add(RESOLUTION, node, MERGED, from);
    store.add(RESOLUTION, node, KEPT, to);
    store.add(RESOLUTION, node, RULE_PROPERTY, NodeFactory.createLiteralString(RULE));
    store.add(
        RESOLUTION,
        node,
        REASON,
        NodeFactory.createLiteralString(
            "no article tells this person apart from namesakes any more: its articles name the"
                + " person by the plain IRI, or by another organisation"));
    store.deleteAny(RESOLUTION, from, SAME_AS, Node.ANY);
    store.add(RESOLUTION, from, SAME_AS, to);
  }

  /** A qualified IRI that names someone again is no longer the same as the plain one. */
  private static void unretire(DatasetGraph store, String iri) {
    Node node = retirement(iri);
    if (!store.contains(RESOLUTION, node, TYPE, NG.Merge.asNode())) {
      return;
    }
    Node from = NodeFactory.createURI(iri);
    List<Quad> quads = new ArrayList<>();
    store.find(RESOLUTION, node, Node.ANY, Node.ANY).forEachRemaining(quads::add);
    for (Quad quad : quads) {
      if (quad.getPredicate().equals(KEPT)) {
        store.delete(RESOLUTION, from, SAME_AS, quad.getObject());
      }
      store.delete(quad);
    }
  }

  /** The node of a qualified IRI's retirement, named by the IRI so that it is written once. */
  private static Node retirement(String iri) {
    return NodeFactory.createURI(
        IriMinter.RESOLUTION_GRAPH
            + "/merge/"
            + IriMinter.sha256(RULE + "\n" + iri).substring(0, 24));
  }
}
