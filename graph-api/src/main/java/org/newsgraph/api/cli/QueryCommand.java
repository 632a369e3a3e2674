package org.newsgraph.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.newsgraph.api.sparql.SparqlQueries;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.SparqlAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph query}: a SPARQL query against the store. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a SPARQL 1.1 query over the union of the article graphs and prints the answer.",
      "The ontology's prefixes (ng:, schema:, foaf:, org:, prov:, rdfs:, ...) are declared already."
          + " Give the query itself, or @FILE to read it from a file."
    })
public final class QueryCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format {
    table,
    json,
    csv,
    tsv,
    xml,
    turtle,
    ntriples,
    jsonld
  }

  @Parameters(index = "0", paramLabel = "SPARQL", description = "The query, or @FILE.")
  String sparql;

  @Option(
      names = "--format",
      description =
          "table, json, csv, tsv or xml for SELECT and ASK; turtle, ntriples or jsonld for"
              + " CONSTRUCT and DESCRIBE (default: table, or turtle for graphs).")
  Format format;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop the query after this long (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  long timeoutSeconds;

  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String text = sparql.startsWith("@") ? Files.readString(Path.of(sparql.substring(1))) : sparql;
    Query query = SparqlQueries.parse(text);
    try (GraphStore graph = store.openExisting()) {
      SparqlAnswer answer =
          graph.query(
              query,
              new QueryLimits(Duration.ofSeconds(timeoutSeconds), QueryLimits.DEFAULT.maxRows()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (answer instanceof SparqlAnswer.Rows rows) {
        writeRows(out, rows.rows(), query);
      } else if (answer instanceof SparqlAnswer.Bool bool) {
        if (format == null || format == Format.table) {
          out.writeBytes((bool.value() + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
          ResultSetFormatter.output(out, bool.value(), resultsLang());
        }
      } else if (answer instanceof SparqlAnswer.Graph graphAnswer) {
        RDFDataMgr.write(out, graphAnswer.model(), graphLang());
      }
      spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private void writeRows(ByteArrayOutputStream out, ResultSetRewindable rows, Query query) {
    rows.reset();
    if (format == null || format == Format.table) {
      ResultSetFormatter.out(out, rows, query.getPrefixMapping());
    } else {
      ResultSetMgr.write(out, rows, resultsLang());
    }
  }

  private Lang resultsLang() {
    return switch (format) {
      case json -> ResultSetLang.RS_JSON;
      case csv -> ResultSetLang.RS_CSV;
      case tsv -> ResultSetLang.RS_TSV;
      case xml -> ResultSetLang.RS_XML;
      default ->
          throw new IllegalArgumentException(
              "--format " + format + " is for graphs; use table, json, csv, tsv or xml");
    };
  }

  private Lang graphLang() {
    if (format == null) {
      return RDFLanguages.TURTLE;
    }
    return switch (format) {
      case turtle -> RDFLanguages.TURTLE;
      case ntriples -> RDFLanguages.NTRIPLES;
      case jsonld -> RDFLanguages.JSONLD;
      default ->
          throw new IllegalArgumentException(
              "--format " + format + " is for SELECT and ASK; use turtle, ntriples or jsonld");
    };
  }
}
