package org.newsgraph.api.sparql;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.ontology.Ontology;

/**
 * The SPARQL 1.1 Service Description of the endpoint: what it speaks, which result formats it
 * writes, and that its default graph is the union of the article graphs.
 */
final class ServiceDescription {

  private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  private static final String FORMATS = "http://www.w3.org/ns/formats/";

  private ServiceDescription() {}

  static Model of(String endpoint) {
    Model model = ModelFactory.createDefaultModel();
    model.setNsPrefixes(Ontology.prefixes());
    model.setNsPrefix("sd", SD);
    model.setNsPrefix("formats", FORMATS);
    Resource service =
        model.createResource().addProperty(RDF.type, model.createResource(SD + "Service"));
    service.addProperty(sd(model, "endpoint"), model.createResource(endpoint));
    service.addProperty(sd(model, "supportedLanguage"), model.createResource(SD + "SPARQL11Query"));
    service.addProperty(sd(model, "feature"), model.createResource(SD + "UnionDefaultGraph"));
    service.addProperty(sd(model, "feature"), model.createResource(SD + "BasicFederatedQuery"));
    for (String format :
        new String[] {
          "SPARQL_Results_JSON",
          "SPARQL_Results_XML",
          "SPARQL_Results_CSV",
          "SPARQL_Results_TSV",
          "Turtle",
          "N-Triples",
          "JSON-LD",
          "RDF_XML"
        }) {
      service.addProperty(sd(model, "resultFormat"), model.createResource(FORMATS + format));
    }
    Resource dataset =
        model
            .createResource()
            .addProperty(RDF.type, model.createResource(SD + "Dataset"))
            .addProperty(
                sd(model, "defaultGraph"),
                model.createResource().addProperty(RDF.type, model.createResource(SD + "Graph")));
    service.addProperty(sd(model, "defaultDataset"), dataset);
    return model;
  }

  private static Property sd(Model model, String name) {
    return model.createProperty(SD + name);
  }
}
