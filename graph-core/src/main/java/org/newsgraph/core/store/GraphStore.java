package org.newsgraph.core.store;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.FactKey;

/**
 * Where Newsgraph keeps its graph: one named graph per article, queried as their union.
 *
 * <p>Every write is one transaction: an article is either wholly stored or not at all, and a failed
 * write leaves the store as it was. Results are copied out of the read transaction, so nothing
 * returned holds the store open. Implementations are thread-safe.
 */
public interface GraphStore extends AutoCloseable {

  /**
   * Stores what was extracted from an article as the article's named graph, replacing whatever an
   * earlier ingest of the same article id stored.
   *
   * @throws org.newsgraph.core.GraphException if the graph breaks the ontology's shapes; nothing is
   *     written then
   */
  default void replaceArticle(Extraction extraction) {
    replaceArticles(List.of(java.util.Objects.requireNonNull(extraction, "extraction")));
  }

  /**
   * Stores several articles in one transaction, each replacing any article with the same id: for
   * bulk ingest, where one commit for many articles is much cheaper than one each. Either all are
   * stored or, if one is refused, none.
   *
   * @throws GraphException if an article's graph breaks the ontology's shapes
   */
  void replaceArticles(List<Extraction> extractions);

  /**
   * Stores article graphs built elsewhere (by {@code extract --nquads} or the Spark job), each
   * replacing the stored graph of the same name, in one transaction: either all are stored or none.
   * They are stored as they are; they were checked against the shapes when they were built.
   *
   * @param articles named graphs whose names are article IRIs
   * @throws GraphException if a graph's name is not an article IRI; nothing is written then
   */
  void replaceGraphs(DatasetGraph articles);

  /**
   * Removes an article's named graph, and with it the entities that only this article mentioned.
   *
   * @return whether the article was there
   */
  boolean deleteArticle(String articleId);

  /** Returns whether an article with this id is stored. */
  boolean containsArticle(String articleId);

  /**
   * Returns the SHA-256 of the stored text of an article ({@link
   * org.newsgraph.core.Article#contentHash()}), if the article is stored.
   */
  Optional<String> contentHash(String articleId);

  /** Returns the ids of the stored articles, in id order. */
  List<String> articleIds();

  /** Returns a copy of an article's named graph, if the article is stored. */
  Optional<Model> articleGraph(String articleId);

  /**
   * Runs a SPARQL query over the union of the article graphs, within the limits.
   *
   * @throws QueryLimitException if the query runs too long, returns too many results or builds too
   *     large values; it is stopped
   * @throws QueryRefusedException if it calls an endpoint or a function that is not allowed
   */
  SparqlAnswer query(Query query, QueryLimits limits);

  /**
   * Finds entities by name or alias, best match first: every word of the text must occur in a name,
   * the last one possibly as the start of a word ("sam alt" finds "Sam Altman").
   *
   * @param text what the user typed; its characters are words to find, never query syntax
   * @param type the type wanted, or {@code null} for any
   * @param limit how many to return at most
   * @param offset how many of the best to skip
   */
  List<EntityHit> searchEntities(String text, EntityType type, int limit, int offset);

  /**
   * Whether {@link #searchArticles} works here: a TDB2 store keeps a text index of the articles; a
   * remote store has none.
   */
  boolean indexesArticleText();

  /**
   * Finds articles by their text, best match first, each with the passage around its first match:
   * every word must occur in the text, the last one possibly as the start of a word, as in {@link
   * #searchEntities}. Finds words that no entity carries.
   *
   * @param text what the user typed; its characters are words to find, never query syntax
   * @param limit how many to return at most
   * @param offset how many of the best to skip
   * @throws org.newsgraph.core.GraphException if the store has no text index ({@link
   *     #indexesArticleText})
   */
  List<ArticleHit> searchArticles(String text, int limit, int offset);

  /**
   * Writes every article graph in a format that holds named graphs (N-Quads, TriG), from one read
   * transaction: a consistent snapshot while writes go on.
   *
   * @throws IllegalArgumentException if the format cannot hold named graphs
   */
  void export(OutputStream out, Lang lang);

  /**
   * Runs a SPARQL update in one write transaction: all of it is applied, or none. It is held to the
   * limits as a query is, and may load only from the hosts of their allowed endpoints.
   *
   * @throws QueryRefusedException if it loads from a file or a host that is not allowed, or calls
   *     an endpoint or a function that is not; nothing is written then
   * @throws QueryLimitException if it runs too long or builds too much; nothing is written then
   */
  void update(UpdateRequest request, QueryLimits limits);

  /**
   * Returns the IRI an entity IRI stands as now: the entity it was merged into, by a rule or an
   * analyst ({@link org.newsgraph.core.resolve.ResolutionGraph}), else itself.
   */
  String keptEntity(String iri);

  /** Returns the IRIs merged into a kept entity IRI, directly or through others, itself first. */
  List<String> mergedInto(String kept);

  /**
   * Returns, for the plain IRI of a person's name ({@code …/person/priya-raman}) that several
   * people share, the IRIs each of them has now ({@link org.newsgraph.core.resolve.Namesakes}); an
   * empty list for any other IRI, and from a store that does not decide who is who.
   */
  default List<String> namesakes(String plainIri) {
    return List.of();
  }

  /**
   * Returns the IRI an article's graph gives an entity whose article alone gives it this IRI: the
   * same, unless the entity is one of several people of one name, told apart by a qualified IRI
   * ({@link org.newsgraph.core.resolve.Namesakes}). A store that does not decide who is who returns
   * the IRI as it is.
   */
  default String articleEntity(String articleId, String iri) {
    return iri;
  }

  /**
   * Whether this store decides who is who across articles and keeps analysts' decisions (a TDB2
   * store does; a remote store holds article graphs only, and refuses {@link #decide} and {@link
   * #decideFact}).
   */
  boolean decidesIdentity();

  /**
   * Records an analyst's decision about entities, in one write transaction, and applies it at once
   * and on every later ingest.
   *
   * @param second the entity kept by a merge, or the other of a "not the same"; {@code null} for a
   *     rename
   * @param name the new name of a rename, else {@code null}
   * @param by who decided
   * @param why in the analyst's words, or {@code null}
   * @throws org.newsgraph.core.resolve.DecisionException if an entity is unknown or the decision
   *     contradicts the graph; nothing is written then
   */
  Decisions.Decision decide(
      Decisions.Kind kind, String first, String second, String name, String by, String why);

  /**
   * Records an analyst's verdict on a fact, in one write transaction, replacing the verdict given
   * on it before: that it holds ({@link Decisions.Kind#CONFIRM_FACT}), or that it does not ({@link
   * Decisions.Kind#REJECT_FACT}), which takes its plain triple out of every article graph that
   * states it, now and on every later ingest, and keeps their assertions of it ({@link
   * org.newsgraph.core.resolve.FactDecisions}).
   *
   * @param fact the fact; its entities may be any of their IRIs, merged or kept
   * @param by who decided
   * @param why in the analyst's words, or {@code null}
   * @throws org.newsgraph.core.resolve.DecisionException if no stored article states the fact;
   *     nothing is written then
   */
  Decisions.Decision decideFact(Decisions.Kind kind, FactKey fact, String by, String why);

  /**
   * Undoes an analyst's decision, in one write transaction; undoing a rejected fact puts its plain
   * triples back.
   *
   * @return the decision undone, if there was one with this id
   */
  Optional<Decisions.Decision> undoDecision(String id);

  /** Returns the analysts' decisions, newest first. */
  List<Decisions.Decision> decisions();

  /**
   * Returns a number that changes with every committed write to this store, so that readers can
   * keep what they computed from it until it changes.
   */
  long version();

  /**
   * Cancels the queries and updates running now, as a server does before it stops; those that come
   * later run as usual. A store whose requests end by themselves does nothing.
   */
  default void cancelRunning() {}

  /**
   * Closes the store, once (closing it again does nothing): cancels the queries and updates still
   * running and releases what it holds; a TDB2 folder can then be opened again.
   */
  @Override
  void close();
}
