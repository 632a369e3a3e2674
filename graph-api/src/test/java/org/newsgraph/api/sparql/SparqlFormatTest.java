package org.newsgraph.api.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;

class SparqlFormatTest {

  @Test
  void withoutAnAcceptHeaderResultsAreSparqlJsonAndGraphsTurtle() {
    assertThat(SparqlFormat.negotiate(null, SparqlFormat.RESULTS))
        .get()
        .extracting(SparqlFormat::lang)
        .isEqualTo(ResultSetLang.RS_JSON);
    assertThat(SparqlFormat.negotiate("*/*", SparqlFormat.GRAPHS))
        .get()
        .extracting(SparqlFormat::lang)
        .isEqualTo(RDFLanguages.TURTLE);
  }

  @Test
  void theHighestQualityWinsThenTheMostSpecificType() {
    assertThat(
            SparqlFormat.negotiate(
                "application/sparql-results+json;q=0.5, application/sparql-results+xml",
                SparqlFormat.RESULTS))
        .get()
        .extracting(SparqlFormat::lang)
        .isEqualTo(ResultSetLang.RS_XML);
    assertThat(SparqlFormat.negotiate("text/*;q=0.9, text/csv", SparqlFormat.RESULTS))
        .get()
        .extracting(SparqlFormat::lang)
        .isEqualTo(ResultSetLang.RS_CSV);
    assertThat(SparqlFormat.negotiate("application/ld+json", SparqlFormat.GRAPHS))
        .get()
        .extracting(SparqlFormat::lang)
        .isEqualTo(RDFLanguages.JSONLD);
  }

  @Test
  void aTypeOfferedForNeitherKindIsNotAcceptable() {
    assertThat(SparqlFormat.negotiate("image/png", SparqlFormat.RESULTS)).isEmpty();
    assertThat(SparqlFormat.negotiate("text/csv", SparqlFormat.GRAPHS)).isEmpty();
    assertThat(SparqlFormat.negotiate("not a media type", SparqlFormat.RESULTS)).isEmpty();
  }
}
