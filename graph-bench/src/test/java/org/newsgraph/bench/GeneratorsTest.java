package org.newsgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.read.EnglishText;

/** The benchmarks' made-up input: the same for the same seed, and what real input looks like. */
class GeneratorsTest {

  @Test
  void theNewsCorpusIsTheSameForTheSameSeedAndReadsAsEnglish() {
    List<Article> first = new NewsCorpus(42).articles(16);
    List<Article> again = new NewsCorpus(42).articles(16);

    assertThat(first).isEqualTo(again);
    assertThat(first).extracting(Article::text).doesNotHaveDuplicates();
    first.forEach(EnglishText::require);
  }

  @Test
  void syntheticArticlesSatisfyTheShapesAndShareEntities(@TempDir Path folder) {
    SyntheticGraph graph = new SyntheticGraph(7, 40);
    List<Extraction> articles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      articles.add(graph.article(i));
    }

    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder)) {
      store.replaceArticles(articles);

      assertThat(store.articleIds()).hasSize(40);
      SparqlAnswer.Rows shared =
          (SparqlAnswer.Rows)
              store.query(
                  org.apache.jena.query.QueryFactory.create(
                      "PREFIX ng: <https://newsgraph.org/ontology#> SELECT ?e WHERE {"
                          + " ?a ng:mentions ?e . ?b ng:mentions ?e FILTER(?a != ?b) } LIMIT 1"),
                  QueryLimits.DEFAULT);
      assertThat(shared.rows().hasNext()).as("an entity mentioned by two articles").isTrue();
    }
  }
}
