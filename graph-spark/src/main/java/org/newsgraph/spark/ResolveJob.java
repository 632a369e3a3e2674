package org.newsgraph.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.resolve.EntityMerges;
import org.newsgraph.core.resolve.EntityMerges.Candidate;

/**
 * The corpus-wide entity resolution pass, on Spark: reads what {@link ExtractJob} wrote, decides
 * the merges group by group ({@link EntityMerges}), and writes under the output folder:
 *
 * <ul>
 *   <li>{@code graphs/}: every article graph with the merges applied, N-Quads for {@code newsgraph
 *       load};
 *   <li>{@code merges/}: each merge, as JSON lines: the IRI that went, the one kept, both names and
 *       the rule.
 * </ul>
 *
 * <p>Each rule decides within a group of candidates that share a key, and a choice depends on the
 * group alone, so the merges are the same however the corpus is split across machines.
 */
public final class ResolveJob {

  private ResolveJob() {}

  /**
   * Runs the pass.
   *
   * @param extracted the output folder of {@link ExtractJob}
   * @return how many merges were made
   */
  public static long run(SparkSession spark, String extracted, String output) {
    Dataset<Row> articles =
        spark.read().parquet(extracted + "/articles").filter(col("error").isNull());
    Dataset<Row> entities = articles.select(explode(col("entities")).as("e")).select("e.*");
    // One candidate per IRI: names that differ only in what the IRI leaves out ("Sam-Altman",
    // "Sam Altman") are one entity already; the smallest name stands for it.
    Dataset<Row> candidates =
        entities
            .groupBy("iri", "type")
            .agg(min("name").as("name"), countDistinct("article").as("articles"));

    Dataset<MergeRow> sameName = merges(candidates, Rule.SAME_NAME);
    Dataset<Row> kept =
        candidates.join(sameName, candidates.col("iri").equalTo(sameName.col("from")), "left_anti");
    Dataset<MergeRow> surname =
        merges(kept.filter(col("type").equalTo(EntityType.PERSON.name())), Rule.SURNAME);
    // A name merged into one that the surname rule then merged goes straight to the last.
    Dataset<Row> chained =
        sameName
            .as("first")
            .join(surname.as("then"), col("first.to").equalTo(col("then.from")), "left")
            .select(
                col("first.from").as("from"),
                coalesce(col("then.to"), col("first.to")).as("to"),
                col("first.fromName").as("fromName"),
                coalesce(col("then.toName"), col("first.toName")).as("toName"),
                col("first.rule").as("rule"));
    Dataset<MergeRow> all =
        chained.as(Encoders.bean(MergeRow.class)).unionByName(surname).orderBy("from").cache();
    all.write().mode(SaveMode.ErrorIfExists).json(output + "/merges");

    Dataset<Row> byArticle =
        entities
            .join(all, entities.col("iri").equalTo(all.col("from")))
            .groupBy(col("article"))
            .agg(collect_list(struct("from", "to", "fromName", "toName", "rule")).as("merges"));
    Dataset<Row> resolved =
        articles
            .join(byArticle, articles.col("id").equalTo(byArticle.col("article")), "left")
            .select(col("nquads"), col("merges"));
    MapPartitionsFunction<Row, String> apply = ResolveJob::apply;
    PartFiles.writeText(
        resolved.mapPartitions(apply, Encoders.STRING()), output + "/graphs", ".nq.gz", true);
    return all.count();
  }

  /** The rules of the pass, each with the key it groups by: enums travel to executors. */
  private enum Rule {
    SAME_NAME {
      @Override
      String key(Candidate candidate) {
        return EntityMerges.sameNameKey(candidate.type(), candidate.name());
      }

      @Override
      List<EntityMerges.Merge> decide(List<Candidate> group) {
        return EntityMerges.sameName(group);
      }
    },
    SURNAME {
      @Override
      String key(Candidate candidate) {
        return EntityMerges.surnameKey(candidate.type(), candidate.name()).orElseThrow();
      }

      @Override
      List<EntityMerges.Merge> decide(List<Candidate> group) {
        return EntityMerges.surname(group);
      }
    };

    abstract String key(Candidate candidate);

    abstract List<EntityMerges.Merge> decide(List<Candidate> group);
  }

  /** Groups the candidates by the rule's key and lets the rule decide within each group. */
  private static Dataset<MergeRow> merges(Dataset<Row> candidates, Rule rule) {
    MapFunction<Row, String> key = row -> rule.key(candidate(row));
    FlatMapGroupsFunction<String, Row, MergeRow> decide =
        (name, rows) -> {
          List<Candidate> group = new ArrayList<>();
          rows.forEachRemaining(row -> group.add(candidate(row)));
          return rule.decide(group).stream().map(MergeRow::of).iterator();
        };
    return candidates
        .groupByKey(key, Encoders.STRING())
        .flatMapGroups(decide, Encoders.bean(MergeRow.class));
  }

  private static Candidate candidate(Row row) {
    return new Candidate(
        row.getAs("iri"),
        EntityType.valueOf(row.getAs("type")),
        row.getAs("name"),
        row.<Long>getAs("articles"));
  }

  private static Iterator<String> apply(Iterator<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEachRemaining(
        row -> {
          String nquads = row.getAs("nquads");
          List<Row> merges = row.getAs("merges") == null ? List.of() : row.getList(1);
          if (merges.isEmpty()) {
            out.add(nquads);
            return;
          }
          Map<String, EntityMerges.Merge> byFrom = new HashMap<>();
          for (Row merge : merges) {
            byFrom.put(
                merge.getAs("from"),
                new EntityMerges.Merge(
                    merge.getAs("from"),
                    merge.getAs("to"),
                    merge.getAs("fromName"),
                    merge.getAs("toName"),
                    merge.getAs("rule")));
          }
          DatasetGraph article = DatasetGraphFactory.create();
          RDFParser.fromString(nquads, Lang.NQUADS).parse(article);
          DatasetGraph merged = DatasetGraphFactory.create();
          for (Iterator<Node> names = article.listGraphNodes(); names.hasNext(); ) {
            Node name = names.next();
            merged.addGraph(name, EntityMerges.apply(article.getGraph(name), byFrom));
          }
          StringWriter written = new StringWriter();
          RDFDataMgr.write(written, merged, Lang.NQUADS);
          out.add(written.toString().strip());
        });
    return out.iterator();
  }
}
