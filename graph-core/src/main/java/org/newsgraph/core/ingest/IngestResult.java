package org.newsgraph.core.ingest;

import org.newsgraph.core.Extraction;
import org.newsgraph.ontology.IriMinter;

/**
 * What ingesting one article did.
 *
 * @param id the article's id
 * @param iri the article's IRI, which also names its graph
 * @param entities how many entities the article names
 * @param facts how many facts were stored
 * @param events how many events were stored
 * @param quotes how many quotes were stored
 * @param unchanged whether the article was already stored with the same text, and left as it was
 */
public record IngestResult(
    String id, String iri, int entities, int facts, int events, int quotes, boolean unchanged) {

  /** Returns what storing an extraction did. */
  public static IngestResult of(Extraction extraction) {
    String id = extraction.article().id();
    return new IngestResult(
        id,
        IriMinter.article(id).getURI(),
        extraction.entities().size(),
        extraction.facts().size(),
        extraction.events().size(),
        extraction.quotes().size(),
        false);
  }

  /** Returns the result for an article left as it was. */
  public static IngestResult unchanged(String id) {
    return new IngestResult(id, IriMinter.article(id).getURI(), 0, 0, 0, 0, true);
  }
}
