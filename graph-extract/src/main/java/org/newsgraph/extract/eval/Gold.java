package org.newsgraph.extract.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.newsgraph.core.Article;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The articles of a gold file, and which kind of gold it is: a JSON array of news articles with
 * their facts, or KnowledgeNet's JSON lines, of which only the documents of the folds asked for are
 * read.
 */
record Gold(boolean isKnowledgeNet, List<Article> articles) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Gold read(Path file, Set<Integer> folds, int limit) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gold file " + file, e);
    }
    boolean news = content.stripLeading().startsWith("[");
    List<Article> articles = new ArrayList<>();
    var reader = new org.newsgraph.extract.read.ArticleReader();
    if (news) {
      articles.addAll(reader.parseJson(file.toString(), content));
    } else {
      String[] lines = content.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        JsonNode document = JSON.readTree(lines[i]);
        int fold = document.path("fold").asInt(0);
        if (folds.isEmpty() || folds.contains(fold)) {
          articles.addAll(reader.parseJsonLines(file + " line " + (i + 1), lines[i]));
        }
      }
    }
    if (limit > 0 && articles.size() > limit) {
      articles = new ArrayList<>(articles.subList(0, limit));
    }
    return new Gold(!news, List.copyOf(articles));
  }
}
