package org.newsgraph.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.rdf.ArticleGraph;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.extract.json.RecordWriter;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.ArticleReader;
import org.newsgraph.extract.read.SampleCorpus;
import org.newsgraph.ontology.IriMinter;

/**
 * The Spark job in local mode on two cores, against the single-machine extraction of the same
 * articles in this JVM: the job must write what {@code newsgraph extract} writes and the graphs the
 * store would hold. The NLP pipeline is loaded once and shared by both, as on an executor.
 */
class SparkJobTest {

  private static final Instant INGESTED = Instant.parse("2026-11-28T12:00:00Z");

  @TempDir static Path folder;
  private static SparkSession spark;
  private static List<Article> corpus;
  private static List<String> singleMachineRecords;
  private static Path extracted;

  @BeforeAll
  static void extractTheSampleCorpusBothWays() throws IOException {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("newsgraph-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    corpus = SampleCorpus.articles();
    ArticleExtractor extractor = ArticleExtractor.standard();
    StringWriter records = new StringWriter();
    RecordWriter writer = new RecordWriter(records, EntityResolver.minting());
    for (Article article : corpus) {
      writer.write(extractor.extract(article));
    }
    writer.flush();
    singleMachineRecords = sortedLines(records.toString());

    Path input = folder.resolve("articles.jsonl");
    Files.writeString(input, ArticleReader.jsonLines(corpus));
    extracted = folder.resolve("extracted");
    long[] counts =
        ExtractJob.run(
            spark,
            input.toString(),
            ExtractJob.Format.JSONL,
            extracted.toString(),
            INGESTED,
            ArticleExtractor.DEFAULT_THRESHOLD,
            3);
    assertThat(counts).containsExactly(corpus.size(), 0);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void theRecordsAreThoseOfTheSingleMachineExtraction() {
    assertThat(singleMachineRecords).hasSizeGreaterThan(corpus.size());
    assertThat(sortedLines(readParts(extracted.resolve("records"), ".jsonl")))
        .isEqualTo(singleMachineRecords);
  }

  @Test
  void eachArticleIsOneNamedGraphAsTheStoreWouldHoldIt() {
    DatasetGraph graphs = quads(extracted.resolve("graphs"));
    ArticleExtractor extractor = ArticleExtractor.standard();

    assertThat(graphs.size()).isEqualTo(corpus.size());
    for (Article article : corpus.subList(0, 3)) {
      Graph expected =
          ArticleGraph.of(extractor.extract(article), EntityResolver.minting(), INGESTED)
              .getGraph();
      Graph written = graphs.getGraph(IriMinter.article(article.id()).asNode());

      assertThat(written.isIsomorphicWith(expected)).as(article.id()).isTrue();
    }
  }

  @Test
  void parquetInputGivesTheSameRecords() {
    Path parquet = folder.resolve("articles.parquet");
    List<ArticleRow> rows = corpus.stream().map(ArticleRow::of).toList();
    spark
        .createDataset(rows, Encoders.bean(ArticleRow.class))
        .drop("error")
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(parquet.toString());
    Path out = folder.resolve("from-parquet");

    ExtractJob.run(
        spark,
        parquet.toString(),
        ExtractJob.Format.PARQUET,
        out.toString(),
        INGESTED,
        ArticleExtractor.DEFAULT_THRESHOLD,
        0);

    assertThat(sortedLines(readParts(out.resolve("records"), ".jsonl")))
        .isEqualTo(singleMachineRecords);
  }

  @Test
  void inputThatIsNotAnArticleIsRecordedWithItsReasonAndTheRestGoesOn() throws IOException {
    Path files = Files.createDirectories(folder.resolve("files"));
    Article first = corpus.get(0);
    Files.writeString(files.resolve(first.id() + ".txt"), first.text());
    Files.writeString(files.resolve("empty.txt"), "  \n");
    Files.write(files.resolve("binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    Path out = folder.resolve("from-files");

    long[] counts =
        ExtractJob.run(
            spark,
            files.toString(),
            ExtractJob.Format.FILES,
            out.toString(),
            INGESTED,
            ArticleExtractor.DEFAULT_THRESHOLD,
            0);

    assertThat(counts).containsExactly(1, 2);
    String errors = readParts(out.resolve("errors"), ".json");
    assertThat(errors).contains("empty.txt").contains("binary.txt").contains("not UTF-8");
    assertThat(quads(out.resolve("graphs")).size()).isEqualTo(1);
  }

  @Test
  void theResolutionPassMergesAcrossArticlesTheSameWayHoweverTheCorpusIsSplit() throws IOException {
    // Three hand-made articles: a full name, the surname alone, and a company with a legal form.
    Extraction full = Fixtures.nordvik();
    Extraction surnameOnly =
        byHand("lindqvist-only", new Entity(EntityType.PERSON, "Lindqvist", List.of(), List.of()));
    Extraction legalForm =
        byHand(
            "nordvik-inc",
            new Entity(EntityType.ORGANIZATION, "Nordvik Robotics Inc.", List.of(), List.of()));
    List<String> firstMerges = null;
    for (int partitions : new int[] {1, 3}) {
      Path in = folder.resolve("hand-made-" + partitions);
      spark
          .createDataset(
              Stream.of(legalForm, full, surnameOnly)
                  .map(e -> ExtractedRow.of(e, INGESTED))
                  .toList(),
              Encoders.bean(ExtractedRow.class))
          .repartition(partitions)
          .write()
          .parquet(in.resolve("articles").toString());
      Path out = folder.resolve("resolved-" + partitions);

      long merges = ResolveJob.run(spark, in.toString(), out.toString());

      // The surname is merged by the pass; the legal form needs no merge, as its key is the
      // company's own (organization/nordvik-robotics) from the start.
      assertThat(merges).isEqualTo(1);
      List<String> lines = sortedLines(readParts(out.resolve("merges"), ".json"));
      if (firstMerges == null) {
        firstMerges = lines;
      }
      assertThat(lines).isEqualTo(firstMerges);
      DatasetGraph graphs = quads(out.resolve("graphs"));
      String person = IriMinter.entity(EntityType.PERSON.ontologyClass(), "Lindqvist").getURI();
      String company =
          IriMinter.entity(EntityType.ORGANIZATION.ontologyClass(), "Nordvik Robotics Inc.")
              .getURI();
      assertThat(graphs.size()).isEqualTo(3);
      assertThat(graphs.stream().anyMatch(q -> q.getSubject().toString().equals(person))).isFalse();
      assertThat(graphs.stream().anyMatch(q -> q.getSubject().toString().equals(company)))
          .isFalse();
      assertThat(
              graphs.contains(
                  IriMinter.article("lindqvist-only").asNode(),
                  IriMinter.entity(EntityType.PERSON.ontologyClass(), "Maria Lindqvist").asNode(),
                  org.newsgraph.ontology.NG.alias.asNode(),
                  org.apache.jena.graph.NodeFactory.createLiteralString("Lindqvist")))
          .isTrue();
      assertThat(
              graphs
                  .find(
                      IriMinter.article("nordvik-inc").asNode(),
                      org.newsgraph.core.EntityKey.of(
                              Entity.named(EntityType.ORGANIZATION, "Nordvik Robotics"))
                          .iri()
                          .asNode(),
                      org.apache.jena.graph.Node.ANY,
                      org.apache.jena.graph.Node.ANY)
                  .hasNext())
          .isTrue();
    }
    assertThat(String.join("\n", firstMerges))
        .contains("\"fromName\":\"Lindqvist\"", "\"toName\":\"Maria Lindqvist\"", "surname")
        .doesNotContain("Nordvik Robotics Inc.");
  }

  /** An article whose only entity is the one given, named in its text. */
  private static Extraction byHand(String id, Entity entity) {
    Article article = Article.of(id, entity.name() + " said nothing new on Monday.");
    return new Extraction(article, List.of(entity), List.of(), List.of(), List.of());
  }

  private static DatasetGraph quads(Path parts) {
    DatasetGraph graphs = DatasetGraphFactory.create();
    RDFParser.fromString(readParts(parts, ".nq.gz"), Lang.NQUADS).parse(graphs);
    return graphs;
  }

  /** The text of every part file with the extension in the folder, gunzipped if need be. */
  private static String readParts(Path parts, String extension) {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(parts)) {
      for (Path part : files.filter(p -> p.toString().endsWith(extension)).sorted().toList()) {
        try (InputStream in =
            extension.endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(part))
                : Files.newInputStream(part)) {
          text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          text.append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static List<String> sortedLines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    lines.removeIf(String::isBlank);
    lines.sort(null);
    return lines;
  }
}
