package org.newsgraph.api.graph;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.newsgraph.api.rest.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Content negotiation between the API's JSON and JSON-LD, and the JSON-LD answers. */
public final class JsonLd {

  /** The JSON-LD media type, as the {@code produces} of a mapping names it. */
  public static final String MEDIA_TYPE_VALUE = "application/ld+json";

  /** The JSON-LD media type. */
  public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(MEDIA_TYPE_VALUE);

  private JsonLd() {}

  /**
   * Returns whether the Accept header prefers JSON-LD to plain JSON: it names JSON-LD with a
   * quality at least that of every JSON type it names.
   */
  public static boolean wanted(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (RuntimeException e) {
      return false;
    }
    double jsonLd = 0;
    double json = 0;
    for (MediaType type : types) {
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        continue;
      }
      if (type.isCompatibleWith(MEDIA_TYPE)) {
        jsonLd = Math.max(jsonLd, type.getQualityValue());
      } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        json = Math.max(json, type.getQualityValue());
      }
    }
    return jsonLd > 0 && jsonLd >= json;
  }

  /**
   * Answers 200 with what was asked for: the graph as JSON-LD if the Accept header prefers it, else
   * the view as JSON. Only the one asked for is computed.
   */
  public static ResponseEntity<?> negotiate(
      String accept, Supplier<Model> graph, Supplier<Object> view) {
    if (wanted(accept)) {
      return answer(graph.get());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(view.get());
  }

  /**
   * Answers 200 with a page of a listing: the page as JSON, or, if the Accept header prefers it,
   * the graph of its items as JSON-LD. A JSON-LD document has no room for the page's own fields, so
   * a Link header names the next page instead. Only the one asked for is computed.
   */
  public static ResponseEntity<?> negotiatePage(
      String accept, Page<?> page, Supplier<Model> graph) {
    if (!wanted(accept) || page.next() == null) {
      return negotiate(accept, graph, () -> page);
    }
    ResponseEntity<byte[]> answer = answer(graph.get());
    return ResponseEntity.ok()
        .headers(answer.getHeaders())
        .header(HttpHeaders.LINK, "<" + page.next() + ">; rel=\"next\"")
        .body(answer.getBody());
  }

  /** Returns a 200 answer with the model as compact JSON-LD, the ontology's prefixes as context. */
  public static ResponseEntity<byte[]> answer(Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, RDFFormat.JSONLD11_PRETTY);
    return ResponseEntity.ok()
        .contentType(MEDIA_TYPE)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(out.toByteArray());
  }
}
