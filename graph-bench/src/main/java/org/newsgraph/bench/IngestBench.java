package org.newsgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.core.Article;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.Tdb2GraphStore;

/**
 * Writing extracted articles into TDB2, Newsgraph's way (an article a transaction, and batches of
 * articles a transaction), against Jena's parallel bulk loader loading the very same quads into an
 * empty TDB2 database.
 */
final class IngestBench {

  static final int BATCH = IngestPipeline.DEFAULT_BATCH;

  private IngestBench() {}

  static Map<String, Object> run(List<Extraction> extracted, int copies, Path work)
      throws Exception {
    List<Extraction> articles = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (Extraction e : extracted) {
        Article a = e.article();
        articles.add(
            new Extraction(
                new Article(a.id() + "-" + copy, a.text(), a.title(), a.url(), a.published()),
                e.entities(),
                e.facts(),
                e.events(),
                e.quotes()));
      }
    }
    long facts = articles.stream().mapToLong(e -> e.facts().size()).sum();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("articles", articles.size());
    figures.put("facts", facts);

    // The pipeline every way in uses, its extraction done already: what is timed is storing.
    Map<String, Extraction> extractions = new HashMap<>();
    articles.forEach(e -> extractions.put(e.article().id(), e));
    List<Article> texts = articles.stream().map(Extraction::article).toList();

    Path single = work.resolve("ingest-single");
    long start = System.nanoTime();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(single)) {
      IngestPipeline pipeline =
          IngestPipeline.into(store).extractor(a -> extractions.get(a.id())).build();
      texts.forEach(pipeline::ingest);
    }
    double singleSeconds = (System.nanoTime() - start) / 1e9;

    Path batched = work.resolve("ingest-batched");
    start = System.nanoTime();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(batched)) {
      IngestPipeline pipeline =
          IngestPipeline.into(store)
              .extractor(a -> extractions.get(a.id()))
              .threads(1)
              .batchSize(BATCH)
              .build();
      pipeline.ingest(texts, (outcome, progress) -> {});
    }
    double batchedSeconds = (System.nanoTime() - start) / 1e9;

    Path quads = work.resolve("ingest.nq");
    try (Tdb2GraphStore store = Tdb2GraphStore.open(batched);
        var out = Files.newOutputStream(quads)) {
      store.export(out, Lang.NQUADS);
    }
    long quadCount;
    try (var lines = Files.lines(quads)) {
      quadCount = lines.count();
    }
    Path bulk = work.resolve("ingest-bulk");
    start = System.nanoTime();
    Dataset dataset = TDB2Factory.connectDataset(bulk.toString());
    DataLoader loader =
        LoaderFactory.parallelLoader(dataset.asDatasetGraph(), (format, arguments) -> {});
    loader.startBulk();
    loader.load(quads.toString());
    loader.finishBulk();
    double bulkSeconds = (System.nanoTime() - start) / 1e9;
    org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());

    figures.put("quads", quadCount);
    figures.put("singleSeconds", singleSeconds);
    figures.put("batchedSeconds", batchedSeconds);
    figures.put("bulkSeconds", bulkSeconds);
    figures.put("singleFactsPerSecond", facts / singleSeconds);
    figures.put("batchedFactsPerSecond", facts / batchedSeconds);
    figures.put("bulkFactsPerSecond", facts / bulkSeconds);
    figures.put("singleQuadsPerSecond", quadCount / singleSeconds);
    figures.put("batchedQuadsPerSecond", quadCount / batchedSeconds);
    figures.put("bulkQuadsPerSecond", quadCount / bulkSeconds);
    return figures;
  }
}
