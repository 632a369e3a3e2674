package org.newsgraph.spark;

import java.io.Serializable;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.newsgraph.core.Entity;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.rdf.ArticleGraph;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.extract.json.RecordWriter;
import org.newsgraph.ontology.IriMinter;

/**
 * What the job makes of one article: its named graph as N-Quads, its evaluation records as JSON
 * lines (eval/FORMAT.md), and the entities it names; or why it was refused.
 */
public class ExtractedRow implements Serializable {

  private static final EntityResolver RESOLVER = EntityResolver.minting();

  private String id;
  private String nquads;
  private String records;
  private List<EntityRow> entities = new ArrayList<>();
  private String error;

  /** For Spark's encoder. */
  public ExtractedRow() {}

  /**
   * Builds the row of an extraction: the graph the TDB2 store would hold for it (checked against
   * the shapes the same way), the records {@code newsgraph extract} would write.
   *
   * @param ingested the time stamped on the graph, one for the whole run
   * @throws org.newsgraph.core.GraphException if the graph breaks the ontology's shapes
   */
  static ExtractedRow of(Extraction extraction, Instant ingested) {
    String id = extraction.article().id();
    Model graph = ArticleGraph.checked(extraction, RESOLVER, ingested);
    DatasetGraph named = DatasetGraphFactory.create();
    named.addGraph(IriMinter.article(id).asNode(), graph.getGraph());
    StringWriter quads = new StringWriter();
    RDFDataMgr.write(quads, named, Lang.NQUADS);
    StringWriter records = new StringWriter();
    RecordWriter writer = new RecordWriter(records, RESOLVER);
    writer.write(extraction);
    writer.flush();
    ExtractedRow row = new ExtractedRow();
    row.id = id;
    row.nquads = quads.toString().strip();
    row.records = records.toString().strip();
    for (Entity entity : extraction.entities()) {
      row.entities.add(
          new EntityRow(
              id, RESOLVER.resolve(entity).getURI(), entity.type().name(), entity.name()));
    }
    return row;
  }

  static ExtractedRow refused(String id, String error) {
    ExtractedRow row = new ExtractedRow();
    row.id = id;
    row.error = error;
    return row;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getNquads() {
    return nquads;
  }

  public void setNquads(String nquads) {
    this.nquads = nquads;
  }

  public String getRecords() {
    return records;
  }

  public void setRecords(String records) {
    this.records = records;
  }

  public List<EntityRow> getEntities() {
    return entities;
  }

  public void setEntities(List<EntityRow> entities) {
    this.entities = entities;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
