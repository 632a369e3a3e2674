package org.newsgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
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

  /**
   * Jena's parallel bulk loader over the quads of a Newsgraph store.
   *
   * @param quads how many quads were loaded
   * @param seconds how long the loading took (exporting the quads is not timed)
   */
  record BulkLoad(long quads, double seconds) {}

  /**
   * Exports a store's quads to N-Quads and times Jena's parallel bulk loader loading them into an
   * empty TDB2 database, the fastest way into TDB2 there is: the reference for storing.
   *
   * @param store the folder of the Newsgraph store, closed
   * @param name the stem of the files made in {@code work}
   */
  static BulkLoad bulkLoad(Path store, Path work, String name) throws IOException {
    Path quads = work.resolve(name + ".nq");
    try (Tdb2GraphStore source = Tdb2GraphStore.open(store);
        var out = Files.newOutputStream(quads)) {
      source.export(out, Lang.NQUADS);
    }
    long count;
    try (var lines = Files.lines(quads)) {
      count = lines.count();
    }
    long start = System.nanoTime();
    DatasetGraph target = DatabaseMgr.connectDatasetGraph(work.resolve(name + "-bulk").toString());
    try {
      DataLoader loader = LoaderFactory.parallelLoader(target, (format, arguments) -> {});
      loader.startBulk();
      loader.load(quads.toString());
      loader.finishBulk();
    } finally {
      TDBInternal.expel(target);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.delete(quads);
    return new BulkLoad(count, seconds);
  }

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

    BulkLoad bulk = bulkLoad(batched, work, "ingest");
    long quadCount = bulk.quads();
    double bulkSeconds = bulk.seconds();

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
