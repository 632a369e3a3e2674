package org.newsgraph.spark;

import java.io.Serializable;

/** An entity as one article names it: its IRI, type and name, for the resolution pass. */
public class EntityRow implements Serializable {

  private String article;
  private String iri;
  private String type;
  private String name;

  /** For Spark's encoder. */
  public EntityRow() {}

  EntityRow(String article, String iri, String type, String name) {
    this.article = article;
    this.iri = iri;
    this.type = type;
    this.name = name;
  }

  public String getArticle() {
    return article;
  }

  public void setArticle(String article) {
    this.article = article;
  }

  public String getIri() {
    return iri;
  }

  public void setIri(String iri) {
    this.iri = iri;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
