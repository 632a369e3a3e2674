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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.store.FSDirectory;
import org.newsgraph.core.GraphException;
import org.newsgraph.ontology.NG;

/**
 * The Lucene index of entity names ({@code rdfs:label}) and aliases ({@code ng:alias}) that Jena's
 * text extension keeps beside a dataset: written in the dataset's own write transactions, so it is
 * always in step with the graph, and queried in SPARQL with {@code text:query}.
 *
 * <p>Each document records its named graph, so that removing one article's graph removes only that
 * article's names.
 */
final class EntityNameIndex {

  /** The Lucene field that holds names and aliases. */
  static final String FIELD = "name";

  private EntityNameIndex() {}

  /** Returns the dataset with a name index in the folder, created if missing. */
  static Dataset wrap(Dataset dataset, Path folder) {
    EntityDefinition definition = new EntityDefinition("uri", FIELD, RDFS.label);
    definition.set(FIELD, NG.alias.asNode());
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
          "cannot open the name index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes the index hold exactly the dataset's names: rebuilds it when the number of names it holds
   * differs from the dataset's. That happens to a store made before it had an index, one whose
   * index folder was removed, or one whose process died between the store's commit and the index's.
   * Runs in its own write transaction.
   *
   * @return whether the index was rebuilt
   */
  static boolean bringInStep(Dataset dataset, TextIndex index) {
    return dataset.calculateWrite(
        () -> {
          IndexWriter writer = ((TextIndexLucene) index).getIndexWriter();
          // Counting touches only the indexes' ids; names are read only when a rebuild is due.
          if (writer.getDocStats().numDocs == countNames(dataset)) {
            return false;
          }
          EntityDefinition definition = index.getDocDef();
          List<Quad> names = new ArrayList<>();
          for (Node predicate : definition.getPredicates(FIELD)) {
            dataset
                .asDatasetGraph()
                .find(Node.ANY, Node.ANY, predicate, Node.ANY)
                .forEachRemaining(names::add);
          }
          try {
            writer.deleteAll();
          } catch (IOException e) {
            throw new GraphException("cannot rebuild the name index: " + e.getMessage(), e);
          }
          for (Quad quad : names) {
            var entity = TextQueryFuncs.entityFromQuad(definition, quad);
            if (entity != null) {
              index.addEntity(entity);
            }
          }
          return true;
        });
  }

  private static long countNames(Dataset dataset) {
    String count =
        "SELECT (COUNT(*) AS ?n) { GRAPH ?g { { ?s <%s> ?o } UNION { ?s <%s> ?o } } }"
            .formatted(RDFS.label.getURI(), NG.alias.getURI());
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
