package org.newsgraph.api.sparql;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.IriMinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The read side of the SPARQL 1.1 Graph Store Protocol at {@code /data}: one article's graph by its
 * IRI ({@code ?graph=}), in the format the Accept header asks for; without a graph, every graph, as
 * N-Quads or TriG, streamed from one read transaction.
 */
@RestController
@Tag(name = "SPARQL", description = "The SPARQL 1.1 query endpoint")
class GraphStoreProtocolController {

  private static final List<SparqlFormat> DATASETS =
      List.of(
          new SparqlFormat(MediaType.parseMediaType("application/n-quads"), Lang.NQUADS),
          new SparqlFormat(MediaType.parseMediaType("application/trig"), Lang.TRIG));

  private final GraphStore store;

  GraphStoreProtocolController(GraphStore store) {
    this.store = store;
  }

  @GetMapping(path = "/data", params = "!graph")
  @Operation(summary = "Every graph, as N-Quads or TriG")
  ResponseEntity<StreamingResponseBody> getAll(
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    SparqlFormat format = SparqlController.negotiate(accept, DATASETS);
    StreamingResponseBody body = out -> store.export(out, format.lang());
    return ResponseEntity.ok()
        .contentType(format.mediaType())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(body);
  }

  @GetMapping(path = "/data", params = "graph")
  @Operation(summary = "One article's graph")
  ResponseEntity<byte[]> get(
      @Parameter(
              description =
                  "the graph's IRI: an article's, such as"
                      + " https://newsgraph.org/id/article/seed")
          @RequestParam(name = "graph")
          String graph,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    SparqlFormat format = SparqlController.negotiate(accept, SparqlFormat.GRAPHS);
    String id = IriMinter.articleId(graph);
    Model model =
        Optional.ofNullable(id)
            .flatMap(store::articleGraph)
            .orElseThrow(() -> Problems.notFound("no graph named <" + graph + "> is stored"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, format.lang());
    return SparqlController.ok(format, out.toByteArray());
  }
}
