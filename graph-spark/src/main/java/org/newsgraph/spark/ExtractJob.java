package org.newsgraph.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.newsgraph.core.Article;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.ArticleReader;

/**
 * Extraction on Spark: articles from any path Spark reads, Newsgraph's extractor run on each with
 * one pipeline per executor, and out of it, under the output folder:
 *
 * <ul>
 *   <li>{@code graphs/}: N-Quads, one named graph per article, gzipped parts for {@code newsgraph
 *       load};
 *   <li>{@code records/}: the evaluation records (eval/FORMAT.md) as JSON lines;
 *   <li>{@code articles/}: all of it per article, in Parquet, which the resolution pass reads;
 *   <li>{@code errors/}: each article refused, with the reason, as JSON lines.
 * </ul>
 */
public final class ExtractJob {

  /** How the articles are stored. */
  public enum Format {
    /** JSON lines with {@code id} and {@code text} (title, url, published optional). */
    JSONL,
    /** Parquet with the same columns. */
    PARQUET,
    /** Folders of files: JSON, JSON lines, HTML or text, one article per HTML or text file. */
    FILES
  }

  /** The extractors of this JVM (an executor), one per threshold: the NLP pipeline is shared. */
  private static final Map<Double, ArticleExtractor> EXTRACTORS = new ConcurrentHashMap<>();

  private static final List<String> COLUMNS = List.of("id", "text", "title", "url", "published");

  private ExtractJob() {}

  /**
   * Runs the extraction.
   *
   * @param ingested the time stamped on every article graph of this run
   * @param partitions how many parts to split the articles into, or 0 to keep Spark's split
   * @return how many articles were extracted and how many refused
   */
  public static long[] run(
      SparkSession spark,
      String input,
      Format format,
      String output,
      Instant ingested,
      double threshold,
      int partitions) {
    Dataset<ArticleRow> articles = read(spark, input, format);
    if (partitions > 0) {
      articles = articles.repartition(partitions);
    }
    MapPartitionsFunction<ArticleRow, ExtractedRow> extract =
        rows -> extract(rows, ingested, threshold);
    Dataset<ExtractedRow> extracted =
        articles.mapPartitions(extract, Encoders.bean(ExtractedRow.class));
    extracted.write().mode(SaveMode.ErrorIfExists).parquet(output + "/articles");
    Dataset<Row> stored = spark.read().parquet(output + "/articles");
    Dataset<Row> done = stored.filter(col("error").isNull());
    PartFiles.writeText(
        done.select("nquads").as(Encoders.STRING()), output + "/graphs", ".nq.gz", true);
    PartFiles.writeText(
        done.filter(col("records").notEqual("")).select("records").as(Encoders.STRING()),
        output + "/records",
        ".jsonl",
        false);
    Dataset<Row> refused = stored.filter(col("error").isNotNull()).select("id", "error");
    refused.write().mode(SaveMode.ErrorIfExists).json(output + "/errors");
    return new long[] {done.count(), refused.count()};
  }

  /** Reads the articles, each input that is not an article becoming a row with its error. */
  static Dataset<ArticleRow> read(SparkSession spark, String input, Format format) {
    return switch (format) {
      case JSONL -> {
        Dataset<Row> lines = spark.read().text(input).withColumn("file", input_file_name());
        yield fromJsonLines(lines.filter(col("value").rlike("\\S")));
      }
      case PARQUET -> {
        Dataset<Row> table = spark.read().parquet(input);
        List<String> present = new ArrayList<>(Arrays.asList(table.columns()));
        Column[] columns =
            COLUMNS.stream().filter(present::contains).map(c -> col(c)).toArray(Column[]::new);
        yield fromJsonLines(
            table.select(to_json(struct(columns)).as("value"), input_file_name().as("file")));
      }
      case FILES -> {
        Dataset<Row> files =
            spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input);
        MapPartitionsFunction<Row, ArticleRow> parse = rows -> parse(rows, false);
        yield files.select("path", "content").mapPartitions(parse, Encoders.bean(ArticleRow.class));
      }
    };
  }

  private static Dataset<ArticleRow> fromJsonLines(Dataset<Row> lines) {
    MapPartitionsFunction<Row, ArticleRow> parse = rows -> parse(rows, true);
    return lines.select("value", "file").mapPartitions(parse, Encoders.bean(ArticleRow.class));
  }

  /**
   * Reads the articles of a partition's rows: JSON lines ({@code value}, {@code file}) or whole
   * files ({@code path}, {@code content}). What cannot be read becomes a row with the reason.
   */
  private static Iterator<ArticleRow> parse(Iterator<Row> rows, boolean jsonLines) {
    ArticleReader reader = new ArticleReader();
    List<ArticleRow> out = new ArrayList<>();
    rows.forEachRemaining(
        row -> {
          String where = row.getAs(jsonLines ? "file" : "path");
          try {
            List<Article> articles =
                jsonLines
                    ? reader.parseJsonLines(where, row.getAs("value"))
                    : reader.parseFile(where, row.getAs("content"));
            articles.stream().map(ArticleRow::of).forEach(out::add);
          } catch (RuntimeException e) {
            out.add(ArticleRow.refused(where, e.getMessage()));
          }
        });
    return out.iterator();
  }

  /** Extracts a partition's articles, lazily, with this executor's extractor. */
  private static Iterator<ExtractedRow> extract(
      Iterator<ArticleRow> rows, Instant ingested, double threshold) {
    ArticleExtractor extractor =
        EXTRACTORS.computeIfAbsent(threshold, ArticleExtractor::withThreshold);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public ExtractedRow next() {
        ArticleRow row = rows.next();
        if (row.getError() != null) {
          return ExtractedRow.refused(row.getId(), row.getError());
        }
        try {
          Article article = row.article();
          return ExtractedRow.of(extractor.extract(article), ingested);
        } catch (RuntimeException e) {
          return ExtractedRow.refused(row.getId(), e.getMessage());
        }
      }
    };
  }
}
