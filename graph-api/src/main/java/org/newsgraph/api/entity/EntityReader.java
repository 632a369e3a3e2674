package org.newsgraph.api.entity;

import static java.util.Objects.requireNonNull;
import static org.newsgraph.api.graph.Views.MAX_LISTED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.newsgraph.api.event.EventReader;
import org.newsgraph.api.event.EventReader.EventFilter;
import org.newsgraph.api.graph.ArticleRefs;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.graph.FactReader;
import org.newsgraph.api.graph.Sparql;
import org.newsgraph.api.graph.Views;
import org.newsgraph.api.graph.Views.ArticleRef;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.store.EntityHit;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.Ontology;
import org.springframework.stereotype.Component;

/**
 * Reads entities: search by name, everything the graph says about one, and its triples as RDF. The
 * ways entities connect are {@link ConnectionReader}'s. Thread-safe.
 */
@Component
class EntityReader {

  private static final Query ALIASES = Sparql.load(EntityReader.class, "aliases.rq");
  private static final Query LINKS =
      Sparql.bind(
          Sparql.load(EntityReader.class, "links.rq"),
          Map.of("newsgraph", NodeFactory.createLiteralString(IriMinter.BASE)));
  private static final Query MENTIONING = Sparql.load(EntityReader.class, "mentioning.rq");
  private static final Query ENTITY_GRAPH = Sparql.load(EntityReader.class, "entity-graph.rq");
  private static final Query SEARCH_GRAPH = Sparql.load(EntityReader.class, "search-graph.rq");

  private final GraphStore store;
  private final QueryLimits limits;
  private final EntityNames names;
  private final FactReader facts;
  private final EventReader events;

  EntityReader(
      GraphStore store,
      QueryLimits limits,
      EntityNames names,
      FactReader facts,
      EventReader events) {
    this.store = requireNonNull(store, "store");
    this.limits = requireNonNull(limits, "limits");
    this.names = requireNonNull(names, "names");
    this.facts = requireNonNull(facts, "facts");
    this.events = requireNonNull(events, "events");
  }

  /** Finds entities by name or alias, best first. */
  List<Views.Match> search(String text, EntityType type, int limit, int offset) {
    List<Views.Match> matches = new ArrayList<>();
    List<EntityHit> hits = store.searchEntities(text, type, limit, offset);
    Map<String, EntityRef> named =
        names.of(hits.stream().map(hit -> NodeFactory.createURI(hit.iri())).toList());
    Set<String> seen = new HashSet<>();
    for (EntityHit hit : hits) {
      // A name of an entity merged into another finds the one kept, once.
      EntityRef entity = named.get(hit.iri());
      if (entity != null && seen.add(entity.id())) {
        matches.add(new Views.Match(entity, hit.score()));
      }
    }
    return matches;
  }

  /**
   * Returns the entity an id now stands for, when it was merged into another: its readers are sent
   * there.
   */
  Optional<EntityRef> mergedInto(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    String kept = store.keptEntity(iri.get());
    if (kept.equals(iri.get())) {
      return Optional.empty();
    }
    return Optional.ofNullable(names.of(List.of(NodeFactory.createURI(kept))).get(kept));
  }

  /**
   * Returns the people who share the name of a plain person id, when no article names the person
   * plainly but several are told apart by their organisations: where a reader of the plain id is
   * sent.
   */
  List<EntityRef> namesakes(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return List.of();
    }
    List<String> namesakes = store.namesakes(iri.get());
    Map<String, EntityRef> named =
        names.of(namesakes.stream().map(NodeFactory::createURI).toList());
    return namesakes.stream().map(named::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Returns everything the graph says about an entity, if it is stored: with what it says about the
   * entities merged into it.
   */
  Optional<Views.Entity> entity(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Node self = NodeFactory.createURI(iri.get());
    EntityRef ref = names.of(List.of(self)).get(iri.get());
    if (ref == null || !ref.iri().equals(iri.get())) {
      return Optional.empty();
    }
    List<String> members = store.mergedInto(iri.get());
    Set<String> aliases = new TreeSet<>();
    Set<Views.Event> took = new LinkedHashSet<>();
    Set<Views.Quote> said = new LinkedHashSet<>();
    Map<String, ArticleRef> articles = new LinkedHashMap<>();
    for (String member : members) {
      Node entity = NodeFactory.createURI(member);
      Map<String, Node> values = Map.of("entity", entity);
      select(Sparql.bind(ALIASES, values))
          .forEach(row -> aliases.add(row.getLiteral("alias").getString()));
      took.addAll(events.events(EventFilter.withParticipant(entity), MAX_LISTED, 0));
      said.addAll(facts.quotesBy(entity, MAX_LISTED));
      Query mentioning = Sparql.bind(MENTIONING, values);
      mentioning.setLimit(MAX_LISTED);
      select(mentioning).stream()
          .map(ArticleRefs::of)
          .forEach(article -> articles.putIfAbsent(article.iri(), article));
    }
    List<ArticleRef> newestFirst =
        articles.values().stream()
            .sorted(
                Comparator.comparing((ArticleRef a) -> a.published() == null ? "" : a.published())
                    .reversed()
                    .thenComparing(ArticleRef::iri))
            .limit(MAX_LISTED)
            .toList();
    List<String> sameAs = new ArrayList<>(members.stream().skip(1).toList());
    if (EntityKey.ofIri(iri.get()).map(EntityKey::linked).orElse(false)) {
      select(Sparql.bind(LINKS, Map.of("entity", self)))
          .forEach(row -> sameAs.add(row.getResource("link").getURI()));
    }
    return Optional.of(
        new Views.Entity(
            ref,
            List.copyOf(aliases),
            sameAs.stream().distinct().toList(),
            facts.factsAbout(members.stream().map(NodeFactory::createURI).toList(), MAX_LISTED),
            took.stream().limit(MAX_LISTED).toList(),
            said.stream().limit(MAX_LISTED).toList(),
            newestFirst));
  }

  /**
   * Returns an entity's triples as RDF: its types, names and relations both ways, with the names of
   * the entities it relates to.
   */
  Optional<Model> entityGraph(String id) {
    Optional<String> iri = EntityRef.iriOf(id);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    Query query = Sparql.bind(ENTITY_GRAPH, Map.of("entity", NodeFactory.createURI(iri.get())));
    Model model = Sparql.construct(store, query, limits);
    return model.isEmpty() ? Optional.empty() : Optional.of(model);
  }

  /**
   * Returns what a search found as RDF: each entity's types, names and the IRIs it is the same as,
   * and no more, since a search lists entities and each one's page gives what is known of it.
   */
  Model matchesGraph(List<Views.Match> matches) {
    if (matches.isEmpty()) {
      return ModelFactory.createDefaultModel().setNsPrefixes(Ontology.prefixes());
    }
    return Sparql.construct(
        store,
        Sparql.withValues(
            SEARCH_GRAPH,
            "entity",
            matches.stream().map(m -> NodeFactory.createURI(m.entity().iri())).toList()),
        limits);
  }

  private List<QuerySolution> select(Query query) {
    return Sparql.select(store, query, limits);
  }
}
