package org.newsgraph.spark;

import java.io.Serializable;
import java.time.LocalDate;
import org.newsgraph.core.Article;

/**
 * An article as a Spark row, or the reason an input could not be read as one ({@link #getError()}
 * set, the other fields as far as they are known).
 */
public class ArticleRow implements Serializable {

  private String id;
  private String text;
  private String title;
  private String url;
  private String published;
  private String error;

  /** For Spark's encoder. */
  public ArticleRow() {}

  static ArticleRow of(Article article) {
    ArticleRow row = new ArticleRow();
    row.id = article.id();
    row.text = article.text();
    row.title = article.title();
    row.url = article.url();
    row.published = article.published() == null ? null : article.published().toString();
    return row;
  }

  static ArticleRow refused(String where, String error) {
    ArticleRow row = new ArticleRow();
    row.id = where;
    row.error = error;
    return row;
  }

  Article article() {
    return new Article(id, text, title, url, published == null ? null : LocalDate.parse(published));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getPublished() {
    return published;
  }

  public void setPublished(String published) {
    this.published = published;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
