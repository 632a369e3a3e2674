package org.newsgraph.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;

/**
 * The Newsgraph ontology and its SHACL shapes, read from the class path.
 *
 * <p>Each call to {@link #ontology()} or {@link #shapes()} parses the Turtle afresh and returns a
 * model that the caller owns.
 */
public final class Ontology {

  /** Class-path location of the OWL ontology in Turtle. */
  public static final String ONTOLOGY_RESOURCE = "/org/newsgraph/ontology/newsgraph.ttl";

  /** Class-path location of the SHACL shapes in Turtle. */
  public static final String SHAPES_RESOURCE = "/org/newsgraph/ontology/shapes.ttl";

  private Ontology() {}

  /** Returns the ontology as a new in-memory model. */
  public static Model ontology() {
    return read(ONTOLOGY_RESOURCE);
  }

  /** Returns the SHACL shapes that every article graph must satisfy, as a new in-memory model. */
  public static Model shapes() {
    return read(SHAPES_RESOURCE);
  }

  /**
   * Returns the prefixes that queries and exported data use: the ontology's own and those of the
   * vocabularies it aligns with.
   */
  public static PrefixMapping prefixes() {
    return Prefixes.MAPPING;
  }

  /** Parsed on first use, then shared: the mapping is locked, so sharing it is safe. */
  private static final class Prefixes {
    static final PrefixMapping MAPPING = build();

    private static PrefixMapping build() {
      PrefixMapping prefixes = PrefixMapping.Factory.create();
      prefixes.setNsPrefixes(ontology().getNsPrefixMap());
      prefixes.setNsPrefix(NG.PREFIX, NG.NS);
      return prefixes.lock();
    }
  }

  private static Model read(String resource) {
    try (InputStream in = Ontology.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the class path");
      }
      Model model = ModelFactory.createDefaultModel();
      RDFParser.source(in).lang(Lang.TURTLE).parse(model);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
