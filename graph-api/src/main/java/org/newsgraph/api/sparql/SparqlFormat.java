package org.newsgraph.api.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A format a SPARQL answer can be written in, and the content negotiation that picks one from an
 * Accept header.
 *
 * @param mediaType the media type of the response
 * @param lang Jena's name for the format
 */
public record SparqlFormat(MediaType mediaType, Lang lang) {

  /** Formats for SELECT and ASK answers; the first is the default. */
  public static final List<SparqlFormat> RESULTS =
      List.of(
          new SparqlFormat(
              MediaType.parseMediaType("application/sparql-results+json"), ResultSetLang.RS_JSON),
          new SparqlFormat(
              MediaType.parseMediaType("application/sparql-results+xml"), ResultSetLang.RS_XML),
          new SparqlFormat(MediaType.parseMediaType("text/csv"), ResultSetLang.RS_CSV),
          new SparqlFormat(
              MediaType.parseMediaType("text/tab-separated-values"), ResultSetLang.RS_TSV),
          new SparqlFormat(MediaType.APPLICATION_JSON, ResultSetLang.RS_JSON),
          new SparqlFormat(MediaType.APPLICATION_XML, ResultSetLang.RS_XML));

  /** Formats for CONSTRUCT and DESCRIBE answers and for graphs; the first is the default. */
  public static final List<SparqlFormat> GRAPHS =
      List.of(
          new SparqlFormat(MediaType.parseMediaType("text/turtle"), RDFLanguages.TURTLE),
          new SparqlFormat(
              MediaType.parseMediaType("application/n-triples"), RDFLanguages.NTRIPLES),
          new SparqlFormat(MediaType.parseMediaType("application/ld+json"), RDFLanguages.JSONLD),
          new SparqlFormat(MediaType.parseMediaType("application/rdf+xml"), RDFLanguages.RDFXML),
          new SparqlFormat(MediaType.APPLICATION_JSON, RDFLanguages.JSONLD));

  /**
   * Picks the format that the Accept header prefers among those offered: highest quality first,
   * then the more specific type; the first offered when the header is absent or accepts anything.
   *
   * @return empty when the header accepts none of them
   */
  public static Optional<SparqlFormat> negotiate(String accept, List<SparqlFormat> offered) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(offered.get(0));
    }
    List<MediaType> wanted;
    try {
      wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      return Optional.empty();
    }
    wanted.sort(
        Comparator.comparingDouble(MediaType::getQualityValue)
            .reversed()
            .thenComparing(type -> type.isWildcardType() ? 2 : type.isWildcardSubtype() ? 1 : 0));
    for (MediaType type : wanted) {
      if (type.getQualityValue() <= 0) {
        continue;
      }
      for (SparqlFormat format : offered) {
        if (type.includes(format.mediaType())) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }
}
