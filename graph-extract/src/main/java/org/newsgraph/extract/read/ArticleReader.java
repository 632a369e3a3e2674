package org.newsgraph.extract.read;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsgraph.core.Article;
import org.newsgraph.core.GraphException;
import org.newsgraph.extract.ExtractionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads articles from files and folders: JSON lines ({@code .jsonl}), JSON ({@code .json}, one
 * article or an array of them), HTML ({@code .html}, {@code .htm}) and plain text (anything else).
 *
 * <p>An article in JSON has an {@code id} and a {@code text}, and optionally a {@code title}, a
 * {@code url} and a {@code published} date; KnowledgeNet's {@code documentId} and {@code
 * documentText} are read as id and text. A file of text or HTML becomes one article whose id is the
 * file name without its extension.
 *
 * <p>Reading is all or nothing: the first bad line or file stops it with an error that names the
 * file and line, before any article is returned. Stateless and thread-safe.
 */
public final class ArticleReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td";

  /** Writes articles as the JSON lines that {@link #parseJsonLines} reads back. */
  public static String jsonLines(List<Article> articles) {
    StringBuilder lines = new StringBuilder();
    for (Article article : articles) {
      Map<String, String> json = new LinkedHashMap<>();
      json.put("id", article.id());
      json.put("title", article.title());
      json.put("url", article.url());
      json.put("published", article.published() == null ? null : article.published().toString());
      json.put("text", article.text());
      json.values().removeIf(java.util.Objects::isNull);
      lines.append(JsonMapper.shared().writeValueAsString(json)).append('\n');
    }
    return lines.toString();
  }

  /** Reads every article in the given files and folders, folders recursively in name order. */
  public List<Article> read(List<Path> paths) {
    List<Article> articles = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            articles.addAll(readFile(file));
          }
        } catch (IOException e) {
          throw new ExtractionException("cannot list " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        articles.addAll(readFile(path));
      } else {
        throw new ExtractionException(path + ": no such file or folder");
      }
    }
    return articles;
  }

  /** Reads the articles of one file, choosing the format by its extension. */
  public List<Article> readFile(Path file) {
    try {
      return parseFile(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ExtractionException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the articles of a file's content, choosing the format by the extension of its path (a
   * local path or a URI, as Spark gives them); a text or HTML file is one article whose id is the
   * file's name.
   */
  public List<Article> parseFile(String path, byte[] content) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String text = utf8(path, content);
    return switch (extension(name)) {
      case "jsonl", "ndjson" -> parseJsonLines(path, text);
      case "json" -> parseJson(path, text);
      case "html", "htm", "xhtml" -> List.of(parseHtml(baseName(name), text));
      default -> List.of(article(path, baseName(name), text, null, null, null));
    };
  }

  /**
   * Parses JSON lines, one article a line; blank lines are skipped.
   *
   * @param source what to call the input in error messages, such as a file name
   */
  public List<Article> parseJsonLines(String source, String content) {
    List<Article> articles = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = source + " line " + (i + 1);
      articles.add(fromJson(where, tree(where, lines[i])));
    }
    if (articles.isEmpty()) {
      throw new ExtractionException(source + ": no articles in it");
    }
    return articles;
  }

  /**
   * Parses one JSON article, or a JSON array of them.
   *
   * @param source what to call the input in error messages
   */
  public List<Article> parseJson(String source, String content) {
    JsonNode root = tree(source, content);
    if (root.isArray()) {
      List<Article> articles = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        articles.add(fromJson(source + " item " + (i + 1), root.get(i)));
      }
      if (articles.isEmpty()) {
        throw new ExtractionException(source + ": the array holds no articles");
      }
      return articles;
    }
    return List.of(fromJson(source, root));
  }

  /**
   * Makes an article of an HTML page: the text of its headings, paragraphs, list items and quotes,
   * one paragraph each; scripts, styles and page furniture (navigation, header, footer) dropped.
   * The title comes from the first {@code h1} or the {@code title} element, the date from the
   * {@code article:published_time} meta tag.
   */
  public Article parseHtml(String id, String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, noscript, template, nav, header, footer, aside, form").remove();
    Element h1 = document.selectFirst("h1");
    String title = h1 != null ? h1.text() : document.title();
    StringBuilder text = new StringBuilder();
    for (Element block : document.body().select(BLOCKS)) {
      if (block.children().stream().anyMatch(child -> child.is(BLOCKS))) {
        continue; // its inner blocks come next, each a paragraph of its own
      }
      String paragraph = block.text().strip();
      if (!paragraph.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(paragraph);
      }
    }
    if (text.length() == 0) {
      text.append(document.body().text());
    }
    Element meta = document.selectFirst("meta[property=article:published_time], meta[name=date]");
    String published = meta == null ? null : meta.attr("content");
    Element canonical = document.selectFirst("link[rel=canonical]");
    String url = canonical == null ? null : canonical.attr("href");
    return article(id, id, text.toString(), title, url, published);
  }

  private static JsonNode tree(String where, String json) {
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      throw new ExtractionException(where + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Article fromJson(String where, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ExtractionException(where + ": expected a JSON object with \"id\" and \"text\"");
    }
    String id = text(node, "id", "documentId");
    String text = text(node, "text", "documentText");
    if (id == null) {
      throw new ExtractionException(where + ": the article has no \"id\"");
    }
    if (text == null) {
      throw new ExtractionException(where + ": article " + id + " has no \"text\"");
    }
    return article(
        where, id, text, text(node, "title"), text(node, "url"), text(node, "published"));
  }

  private static String text(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        return value.isValueNode() ? value.asString() : value.toString();
      }
    }
    return null;
  }

  private static Article article(
      String where, String id, String text, String title, String url, String published) {
    try {
      return new Article(id, text, title, url, date(published));
    } catch (GraphException e) {
      throw new ExtractionException(where + ": " + e.getMessage(), e);
    } catch (DateTimeParseException e) {
      throw new ExtractionException(
          where + ": published date \"" + published + "\" is not a date (expected YYYY-MM-DD)", e);
    }
  }

  private static LocalDate date(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    String value = published.strip();
    return LocalDate.parse(
        value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
  }

  private static String utf8(String path, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ExtractionException(path + ": not UTF-8 text", e);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The file's name without its extension, as an article id. */
  private static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    return Article.idFrom(dot <= 0 ? name : name.substring(0, dot));
  }
}
