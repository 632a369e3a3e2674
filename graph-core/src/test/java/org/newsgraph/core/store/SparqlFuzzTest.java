package org.newsgraph.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.core.Fixtures;

/**
 * Coverage-guided fuzzing (Jazzer) of what a SPARQL endpoint takes from anyone: query and update
 * text, whole or as the expression or pattern of a query. Whatever the text, the store answers it,
 * or refuses it, or stops it at its limits, each with a message; it never fails otherwise, never
 * runs past its limits (the fuzzer's own timeout would catch a hang), and never reaches outside.
 * Inputs that once failed are kept beside this class and replayed in every build.
 */
class SparqlFuzzTest {

  private static final QueryLimits LIMITS =
      new QueryLimits(Duration.ofSeconds(1), 1_000, 10_000, 100_000, Set.of());

  private static Tdb2GraphStore store;

  private static synchronized Tdb2GraphStore store() throws IOException {
    if (store == null) {
      Path folder = Files.createTempDirectory("newsgraph-sparql-fuzz");
      store = Tdb2GraphStore.open(folder);
      store.replaceArticle(Fixtures.nordvik());
      Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    }
    return store;
  }

  @FuzzTest(maxDuration = "30s")
  void anyTextIsAnsweredRefusedOrStoppedWithAMessage(FuzzedDataProvider data) throws IOException {
    int shape = data.consumeInt(0, 4);
    String text = data.consumeRemainingAsString();
    String sparql =
        GraphStoreContract.PREFIXES
            + switch (shape) {
              case 1 -> "SELECT * WHERE { ?s ?p ?o FILTER(" + text + ") } LIMIT 5";
              case 2 -> "SELECT * WHERE { ?s ?p ?o BIND(" + text + " AS ?x) } LIMIT 5";
              case 3 -> "SELECT * WHERE { " + text + " } LIMIT 5";
              default -> text;
            };
    try {
      if (shape == 4) {
        UpdateRequest update = UpdateFactory.create(sparql);
        store().update(update, LIMITS);
      } else {
        Query query = QueryFactory.create(sparql);
        store().query(query, LIMITS);
      }
    } catch (QueryRefusedException | QueryLimitException | QueryException e) {
      // Refused, stopped, or not SPARQL at all: said so in words.
      assertThat(e.getMessage()).isNotBlank();
    } catch (StackOverflowError e) {
      // Nested too deeply: the endpoint answers 400 (SparqlQueries.nestingChecked).
    }
  }
}
