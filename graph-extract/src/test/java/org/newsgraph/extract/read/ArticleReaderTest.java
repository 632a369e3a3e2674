package org.newsgraph.extract.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.extract.ExtractionException;

class ArticleReaderTest {

  private final ArticleReader reader = new ArticleReader();

  @TempDir Path folder;

  @Test
  void readsJsonLinesWithMetadata() {
    List<Article> articles =
        reader.parseJsonLines(
            "in.jsonl",
            "{\"id\":\"a1\",\"text\":\"Acme hired Jo.\",\"title\":\"Hire\",\"published\":\"2025-01-22\",\"url\":\"https://x.org/a1\"}\n"
                + "\n"
                + "{\"id\":2,\"text\":\"Second.\",\"published\":\"2025-02-01T09:30:00Z\"}\n");

    assertThat(articles).hasSize(2);
    assertThat(articles.get(0))
        .isEqualTo(
            new Article(
                "a1", "Acme hired Jo.", "Hire", "https://x.org/a1", LocalDate.of(2025, 1, 22)));
    assertThat(articles.get(1).id()).isEqualTo("2");
    assertThat(articles.get(1).published()).isEqualTo(LocalDate.of(2025, 2, 1));
  }

  @Test
  void readsKnowledgeNetDocumentsAsArticles() {
    List<Article> articles =
        reader.parseJsonLines(
            "kn.jsonl",
            "{\"documentId\":\"1550\",\"documentText\":\"  Steve is a Tampa native.\",\"passages\":[]}");

    assertThat(articles.get(0).id()).isEqualTo("1550");
    assertThat(articles.get(0).text()).isEqualTo("  Steve is a Tampa native.");
  }

  @Test
  void aMalformedLineIsNamedAndNothingIsReturned() {
    assertThatThrownBy(
            () ->
                reader.parseJsonLines(
                    "batch.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\": \"b\", text}\n"))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("batch.jsonl line 2: malformed JSON:");
  }

  @Test
  void emptyTextIsRefusedWithTheArticleNamed() {
    assertThatThrownBy(() -> reader.parseJsonLines("in.jsonl", "{\"id\":\"a\",\"text\":\"   \"}"))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("in.jsonl line 1: article a: text is empty");
  }

  @Test
  void missingFieldsAndBadDatesAreNamed() {
    assertThatThrownBy(() -> reader.parseJsonLines("in.jsonl", "{\"text\":\"x\"}"))
        .hasMessage("in.jsonl line 1: the article has no \"id\"");
    assertThatThrownBy(() -> reader.parseJsonLines("in.jsonl", "[1,2]"))
        .hasMessage("in.jsonl line 1: expected a JSON object with \"id\" and \"text\"");
    assertThatThrownBy(
            () ->
                reader.parseJsonLines(
                    "in.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"published\":\"soon\"}"))
        .hasMessage("in.jsonl line 1: published date \"soon\" is not a date (expected YYYY-MM-DD)");
  }

  @Test
  void readsAJsonArrayOfArticles() {
    List<Article> articles =
        reader.parseJson("seed.json", "[{\"id\":\"seed\",\"text\":\"Hello.\",\"published\":null}]");

    assertThat(articles).extracting(Article::id).containsExactly("seed");
  }

  @Test
  void htmlKeepsParagraphsAndDropsScriptsStylesAndFurniture() {
    Article article =
        reader.parseHtml(
            "page",
            "<html><head><title>T</title><style>p{color:red}</style>"
                + "<meta property=\"article:published_time\" content=\"2025-03-04T08:00:00Z\"></head>"
                + "<body><nav>Home | News</nav><h1>Nordvik names a chief</h1>"
                + "<p>Maria Lindqvist leads <b>Nordvik</b>.</p><script>alert('x')</script>"
                + "<ul><li>First point</li></ul><footer>Copyright</footer></body></html>");

    assertThat(article.title()).isEqualTo("Nordvik names a chief");
    assertThat(article.text())
        .isEqualTo("Nordvik names a chief\n\nMaria Lindqvist leads Nordvik.\n\nFirst point");
    assertThat(article.published()).isEqualTo(LocalDate.of(2025, 3, 4));
  }

  @Test
  void readsFoldersOfTextAndHtmlFilesInNameOrder() throws IOException {
    Files.writeString(folder.resolve("b.txt"), "Second article.");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/c.html"), "<p>Third article.</p>");
    Files.writeString(
        folder.resolve("a.jsonl"), "{\"id\":\"first\",\"text\":\"First article.\"}\n");

    List<Article> articles = reader.read(List.of(folder));

    assertThat(articles).extracting(Article::id).containsExactly("first", "b", "c");
    assertThat(articles.get(1).text()).isEqualTo("Second article.");
  }

  @Test
  void invalidUtf8AndMissingFilesAreNamed() throws IOException {
    Path binary = folder.resolve("blob.txt");
    Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2});

    assertThatThrownBy(() -> reader.read(List.of(binary))).hasMessage(binary + ": not UTF-8 text");
    assertThatThrownBy(() -> reader.read(List.of(folder.resolve("nope.txt"))))
        .hasMessage(folder.resolve("nope.txt") + ": no such file or folder");
  }

  @Test
  void theSampleCorpusIsReadable() {
    List<Article> samples = SampleCorpus.articles();

    assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
    assertThat(samples).allSatisfy(article -> assertThat(article.published()).isNotNull());
  }

  @Test
  void articlesWrittenAsJsonLinesReadBackTheSame() {
    List<Article> samples = SampleCorpus.articles();

    assertThat(reader.parseJsonLines("written", ArticleReader.jsonLines(samples)))
        .isEqualTo(samples);
  }
}
