package org.newsgraph.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.store.FSDirectory;
import org.newsgraph.core.GraphException;
import org.newsgraph.ontology.NG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index that Jena's text extension keeps beside a dataset, of entity names ({@code
 * rdfs:label}) and aliases ({@code ng:alias}) in one field and of the articles' text ({@code
 * ng:text}) in another: written in the dataset's own write transactions, so it is always in step
 * with the graph, and queried in SPARQL with {@code text:query}.
 *
 * <p>Each document records its named graph, so that removing one article's graph removes only that
 * article's names and text. Only the words are indexed, not the text itself: a passage is cut from
 * the text in the store ({@link Passages}).
 */
final class SearchIndex {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  /** The Lucene field that holds names and aliases. */
  static final String FIELD = "name";

  /** The Lucene field that holds the articles' text. */
  static final String TEXT_FIELD = "text";

  /** How many documents a rebuild indexes between two lines of progress in the log. */
  private static final int PROGRESS_EVERY = 20_000;

  private SearchIndex() {}

  /** Returns the dataset with a search index in the folder, created if missing. */
  static Dataset wrap(Dataset dataset, Path folder) {
    EntityDefinition definition = new EntityDefinition("uri", FIELD, RDFS.label);
    definition.set(FIELD, NG.alias.asNode());
    definition.set(TEXT_FIELD, NG.text.asNode());
    definition.setGraphField("graph");
    definition.setUidField("uid");
    TextIndexConfig config = new TextIndexConfig(definition);
    try {
      // Over a plain wrapper, not TDB2's own dataset graph: jena-text then commits the index
      // itself, after TDB2, rather than as a component of TDB2's transactions, which breaks when
      // queries that time out at once abort their transactions. An index that missed a commit (a
      // crash between the two) is rebuilt on opening (bringInStep).
      Dataset plain = DatasetFactory.wrap(new DatasetGraphWrapper(dataset.asDatasetGraph()));
      return TextDatasetFactory.createLucene(plain, FSDirectory.open(folder), config);
    } catch (IOException e) {
      throw new GraphException(
          "cannot open the search index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes the index hold exactly the dataset's names and article texts: rebuilds it when the number
   * of documents it holds differs from the number of those triples in the dataset. That happens to
   * a store made before it had an index, or before the index held article text, one whose index
   * folder was removed, or one whose process died between the store's commit and the index's. Runs
   * in its own write transaction; a rebuild logs its progress.
   *
   * @return whether the index was rebuilt
   */
  static boolean bringInStep(Dataset dataset, TextIndex index) {
    return dataset.calculateWrite(
        () -> {
          IndexWriter writer = ((TextIndexLucene) index).getIndexWriter();
          EntityDefinition definition = index.getDocDef();
          List<Node> predicates = predicates(definition);
          // Counting touches only the indexes' ids; texts are read only when a rebuild is due.
          long wanted = count(dataset, predicates);
          int held = writer.getDocStats().numDocs;
          if (held == wanted) {
            return false;
          }
          log.info(
              "search index holds {} documents, the store {} names and article texts: rebuilding",
              held,
              wanted);
          try {
            writer.deleteAll();
          } catch (IOException e) {
            throw new GraphException("cannot rebuild the search index: " + e.getMessage(), e);
          }
          // Streamed from the store, one document at a time: article texts do not fit in memory
          // all at once in a large store.
          long done = 0;
          for (Node predicate : predicates) {
            var quads = dataset.asDatasetGraph().find(Node.ANY, Node.ANY, predicate, Node.ANY);
            while (quads.hasNext()) {
              var entity = TextQueryFuncs.entityFromQuad(definition, quads.next());
              if (entity != null) {
                index.addEntity(entity);
              }
              if (++done % PROGRESS_EVERY == 0) {
                log.info("search index: {} of {} documents indexed", done, wanted);
              }
            }
          }
          return true;
        });
  }

  /** The predicates whose objects the index holds, names and aliases first. */
  private static List<Node> predicates(EntityDefinition definition) {
    List<Node> predicates = new ArrayList<>(definition.getPredicates(FIELD));
    predicates.addAll(definition.getPredicates(TEXT_FIELD));
    return predicates;
  }

  private static long count(Dataset dataset, List<Node> predicates) {
    StringBuilder union = new StringBuilder();
    for (Node predicate : predicates) {
      union
          .append(union.isEmpty() ? "" : " UNION ")
          .append("{ ?s <%s> ?o }".formatted(predicate.getURI()));
    }
    String count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { %s } }".formatted(union);
    try (QueryExecution execution = QueryExecution.create(count, dataset)) {
      return execution.execSelect().next().getLiteral("n").getLong();
    }
  }

  /**
   * Turns what a user typed into a Lucene query that finds names containing each word, the last one
   * as a prefix ("sam alt" finds "Sam Altman"). Every character that Lucene's syntax gives a
   * meaning is escaped, so the text can change nothing but the words sought.
   *
   * @return the query, or empty if the text has no word
   */
  static String luceneQuery(String text) {
    List<String> words = new ArrayList<>();
    for (String word : words(text)) {
      words.add(QueryParser.escape(word));
    }
    if (words.isEmpty()) {
      return "";
    }
    int last = words.size() - 1;
    words.set(last, "(" + words.get(last) + " OR " + words.get(last) + "*)");
    return String.join(" AND ", words);
  }

  /**
   * Returns the words of what a user typed, in lower case: split at spaces and at punctuation other
   * than apostrophes and ampersands, which belong to names ("O'Brien", "AT&T").
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}&&[^'&]]+")) {
      if (!word.isBlank()) {
        words.add(word);
      }
    }
    return words;
  }
}
