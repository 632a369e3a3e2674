package org.newsgraph.extract.link;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.newsgraph.extract.ExtractionException;

/**
 * Wikipedia's anchor texts and the titles they link to, with the share of links that go there
 * ("IMF" to International_Monetary_Fund, 0.94): the {@code wikidict.tab.gz} of CoreNLP's KBP
 * models, 21 million lines. It is indexed once on disk (a Lucene index of a few hundred MB, built
 * in a few minutes) and read from there, never held in the heap. Lines that cannot name an entity
 * in news are left out: anchors that do not start with a capital letter or a digit, hold a colon or
 * run over 50 characters, and links with a share under a tenth.
 *
 * <p>Thread-safe for lookups once open.
 */
public final class WikiDict implements AutoCloseable {

  /** Where CoreNLP's KBP models jar holds the dictionary. */
  public static final String RESOURCE = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";

  /** The folder an index is built in by default, shared by every store on this machine. */
  public static final Path DEFAULT_FOLDER =
      Path.of(System.getProperty("user.home"), ".cache", "newsgraph", "wikidict-corenlp-4.5.10");

  private static final String ANCHOR = "anchor";
  private static final String TITLE = "title";
  private static final String VALUE = "value";
  private static final String COMPLETE = "index-complete";
  private static final int MAX_ANCHOR = 50;
  private static final double MIN_SHARE = 0.1;

  /**
   * Where an anchor text links.
   *
   * @param title the Wikipedia title, with underscores ({@code Labour_Party_(UK)})
   * @param share the share of the anchor's links that go to this title, 0 to 1
   */
  public record Link(String title, double share) {

    public Link {
      requireNonNull(title, "title");
    }

    /** Returns the title as people write it: {@code Labour Party (UK)}. */
    public String name() {
      return title.replace('_', ' ');
    }
  }

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private WikiDict(FSDirectory directory, DirectoryReader reader) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Opens the index in a folder, building it first from CoreNLP's dictionary on the class path if
   * the folder holds no complete one.
   *
   * @param progress told, in words, how the building goes
   * @throws ExtractionException if the dictionary is not on the class path, or the index cannot be
   *     built or read
   */
  public static WikiDict open(Path folder, Consumer<String> progress) {
    requireNonNull(folder, "folder");
    if (!Files.exists(folder.resolve(COMPLETE))) {
      InputStream source = WikiDict.class.getClassLoader().getResourceAsStream(RESOURCE);
      if (source == null) {
        throw new ExtractionException(
            "Wikipedia's anchor dictionary "
                + RESOURCE
                + " is not on the class path: it comes with CoreNLP's models-english-kbp jar");
      }
      try (InputStream gzipped = source) {
        build(folder, new GZIPInputStream(gzipped, 1 << 16), progress);
      } catch (IOException e) {
        throw new ExtractionException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
    return openBuilt(folder);
  }

  /**
   * Builds the index in a folder from dictionary lines ({@code anchor TAB title TAB share}), as a
   * whole or not at all: it is built beside the folder and moved into place once complete, so a
   * build stopped halfway leaves no index that looks whole.
   */
  public static void build(Path folder, InputStream lines, Consumer<String> progress) {
    requireNonNull(lines, "lines");
    requireNonNull(progress, "progress");
    Path target = folder.toAbsolutePath().normalize();
    Path building =
        target.resolveSibling(target.getFileName() + ".building-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(building);
      long read = 0;
      long kept = 0;
      IndexWriterConfig config = new IndexWriterConfig();
      config.setRAMBufferSizeMB(128);
      config.setUseCompoundFile(false);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      try (FSDirectory out = FSDirectory.open(building);
          IndexWriter writer = new IndexWriter(out, config);
          BufferedReader in =
              new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8), 1 << 16)) {
        Document document = new Document();
        StringField anchor = new StringField(ANCHOR, "", Field.Store.NO);
        StringField title = new StringField(TITLE, "", Field.Store.NO);
        StoredField value = new StoredField(VALUE, "");
        document.add(anchor);
        document.add(title);
        document.add(value);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (++read % 2_000_000 == 0) {
            progress.accept(
                String.format("Wikipedia anchors: %,d lines read, %,d kept", read, kept));
          }
          int first = line.indexOf('\t');
          int last = line.lastIndexOf('\t');
          if (first <= 0 || last <= first || !usable(line.substring(0, first))) {
            continue;
          }
          double share;
          try {
            share = Double.parseDouble(line.substring(last + 1));
          } catch (NumberFormatException e) {
            continue;
          }
          if (share < MIN_SHARE) {
            continue;
          }
          anchor.setStringValue(line.substring(0, first));
          title.setStringValue(line.substring(first + 1, last));
          value.setStringValue(line.substring(first + 1, last) + "\t" + share);
          writer.addDocument(document);
          kept++;
        }
        writer.forceMerge(1);
      }
      Files.writeString(building.resolve(COMPLETE), read + " lines read, " + kept + " kept\n");
      moveIntoPlace(building, target);
      progress.accept(String.format("Wikipedia anchors: %,d of %,d lines indexed", kept, read));
    } catch (IOException e) {
      deleteQuietly(building);
      throw new ExtractionException(
          "cannot build the index of Wikipedia anchors in " + target + ": " + e.getMessage(), e);
    }
  }

  /** Builds the index in a folder from dictionary lines and opens it. */
  public static WikiDict buildAndOpen(Path folder, InputStream lines) {
    build(folder, lines, message -> {});
    return openBuilt(folder);
  }

  /** Anchors that can name an entity in news text. */
  private static boolean usable(String anchor) {
    if (anchor.isEmpty() || anchor.length() > MAX_ANCHOR || anchor.indexOf(':') >= 0) {
      return false;
    }
    char first = anchor.charAt(0);
    return Character.isUpperCase(first) || Character.isDigit(first);
  }

  private static void moveIntoPlace(Path building, Path target) throws IOException {
    if (Files.exists(target.resolve(COMPLETE))) {
      // Another process built it meanwhile.
      deleteQuietly(building);
      return;
    }
    deleteQuietly(target);
    Files.createDirectories(target.getParent());
    try {
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(building, target);
    }
  }

  private static WikiDict openBuilt(Path folder) {
    try {
      FSDirectory directory = FSDirectory.open(folder);
      return new WikiDict(directory, DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new ExtractionException(
          "cannot read the index of Wikipedia anchors in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Returns where an anchor text links, if Wikipedia's editors linked it so. */
  public Optional<Link> lookup(String anchor) {
    requireNonNull(anchor, "anchor");
    List<Link> found = search(new TermQuery(new Term(ANCHOR, anchor.strip())), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Returns whether a Wikipedia title is a link target ({@code London,_Ontario}). */
  public boolean hasTitle(String title) {
    return !search(new TermQuery(new Term(TITLE, title)), 1).isEmpty();
  }

  /**
   * Returns titles that begin with a prefix ({@code London,_} or {@code Labour_Party_(}), the ones
   * most anchors link to first, at most {@code limit}.
   */
  public List<String> titlesStartingWith(String prefix, int limit) {
    return search(new PrefixQuery(new Term(TITLE, prefix)), limit * 20).stream()
        .map(Link::title)
        .distinct()
        .limit(limit)
        .toList();
  }

  private List<Link> search(org.apache.lucene.search.Query query, int limit) {
    try {
      TopDocs hits = searcher.search(query, limit);
      List<Link> links = new ArrayList<>();
      for (ScoreDoc hit : hits.scoreDocs) {
        String value = searcher.storedFields().document(hit.doc).get(VALUE);
        int tab = value.lastIndexOf('\t');
        links.add(new Link(value.substring(0, tab), Double.parseDouble(value.substring(tab + 1))));
      }
      links.sort(Comparator.comparingDouble(Link::share).reversed());
      return links;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Nothing more to do: a stale building folder is harmless.
    }
  }
}
