package org.newsgraph.ontology;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The one place where Newsgraph makes IRIs for the things it stores.
 *
 * <p>Every IRI is a pure function of its inputs, so any process on any machine mints the same IRI
 * for the same article or entity without coordinating:
 *
 * <ul>
 *   <li>an article and its named graph: {@code https://newsgraph.org/id/article/{id}}, the id kept
 *       readable and percent-encoded only where an IRI path segment needs it;
 *   <li>an entity: {@code https://newsgraph.org/id/entity/{type}/{slug}}, where the slug is the
 *       canonical name in lower case with accents and punctuation removed ({@code openai}, {@code
 *       sam-altman});
 *   <li>what an article states: {@code {article}/fact/{n}}, {@code {article}/event/{n}}, {@code
 *       {article}/quote/{n}}, {@code {article}/mention/{n}}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class IriMinter {

  /** The base of every IRI that Newsgraph mints. */
  public static final String BASE = "https://newsgraph.org/id/";

  /** The base of article IRIs. */
  public static final String ARTICLE_BASE = BASE + "article/";

  /** The base of entity IRIs. */
  public static final String ENTITY_BASE = BASE + "entity/";

  /**
   * The graph that says who is who across articles: the merges ({@code owl:sameAs} from each merged
   * entity IRI to the one kept) and the pairs possibly the same. Rebuilt from the articles and the
   * analysts' decisions; no article's graph.
   */
  public static final String RESOLUTION_GRAPH = BASE + "graph/resolution";

  /** The graph of the analysts' decisions (merge, not the same, rename), with who, when and why. */
  public static final String DECISIONS_GRAPH = BASE + "graph/decisions";

  /**
   * The base of storyline IRIs: one real event (an acquisition, a lawsuit) that several articles
   * report, each in an event of its own.
   */
  public static final String STORYLINE_BASE = BASE + "storyline/";

  /** The base of DBpedia's resources, to which entities linked to Wikipedia are the same as. */
  public static final String DBPEDIA_BASE = "http://dbpedia.org/resource/";

  /** The base of English Wikipedia's pages. */
  public static final String WIKIPEDIA_BASE = "https://en.wikipedia.org/wiki/";

  private static final int MAX_SLUG_LENGTH = 120;

  private IriMinter() {}

  /**
   * Returns the IRI of an article, which also names the graph that holds what the article says.
   *
   * @param articleId the article's id, not blank
   */
  public static Resource article(String articleId) {
    return ResourceFactory.createResource(ARTICLE_BASE + encodeSegment(articleId));
  }

  /**
   * Returns the IRI of a storyline: a digest of its key, so that any process names the same real
   * event alike.
   *
   * @param key what makes the event the one it is (its type and its participants' entities)
   */
  public static Resource storyline(String key) {
    requireNonNull(key, "key");
    return ResourceFactory.createResource(STORYLINE_BASE + sha256(key).substring(0, 24));
  }

  /**
   * Returns the article id that an article IRI carries, or {@code null} when the IRI is not one
   * that {@link #article} mints.
   */
  public static String articleId(String articleIri) {
    requireNonNull(articleIri, "articleIri");
    if (!articleIri.startsWith(ARTICLE_BASE)) {
      return null;
    }
    String segment = articleIri.substring(ARTICLE_BASE.length());
    if (segment.isEmpty() || segment.contains("/")) {
      return null;
    }
    return decodeSegment(segment);
  }

  /**
   * Returns the IRI of an entity of the given ontology class with the given canonical name.
   *
   * @param type one of the ontology's entity classes, such as {@link NG#Organization}
   * @param canonicalName the entity's full name, not blank
   */
  public static Resource entity(Resource type, String canonicalName) {
    requireNonNull(type, "type");
    requireNonNull(canonicalName, "canonicalName");
    if (!type.isURIResource() || !type.getURI().startsWith(NG.NS)) {
      throw new IllegalArgumentException("not a Newsgraph entity class: " + type);
    }
    String typeSegment = type.getLocalName().toLowerCase(Locale.ROOT);
    return ResourceFactory.createResource(ENTITY_BASE + typeSegment + "/" + slug(canonicalName));
  }

  /**
   * Returns the IRI of an entity by its namespace and key ({@code wiki} and {@code
   * international-monetary-fund}, or {@code organization} and {@code openai}).
   *
   * @param namespace a lower-case path segment
   * @param key a slug, as {@link #slug} makes it
   */
  public static Resource entity(String namespace, String key) {
    requireNonNull(namespace, "namespace");
    requireNonNull(key, "key");
    if (!namespace.matches("[a-z]+") || key.isBlank() || key.contains("/")) {
      throw new IllegalArgumentException(
          "not an entity namespace and key: " + namespace + "/" + key);
    }
    return ResourceFactory.createResource(ENTITY_BASE + namespace + "/" + key);
  }

  /**
   * Returns DBpedia's IRI of a Wikipedia title ({@code Labour_Party_(UK)}), percent-encoding what
   * an IRI cannot hold.
   */
  public static Resource dbpedia(String title) {
    return ResourceFactory.createResource(DBPEDIA_BASE + encodeTitle(title));
  }

  /** Returns the address of a Wikipedia title's page. */
  public static Resource wikipedia(String title) {
    return ResourceFactory.createResource(WIKIPEDIA_BASE + encodeTitle(title));
  }

  private static String encodeTitle(String title) {
    requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("a Wikipedia title is blank");
    }
    StringBuilder out = new StringBuilder();
    for (byte b : title.strip().replace(' ', '_').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~(),'!*:@;$+=&/".indexOf(c) >= 0;
      if (safe) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** Returns the IRI of the {@code n}th fact that an article states. */
  public static Resource fact(Resource article, int n) {
    return part(article, "fact", n);
  }

  /** Returns the IRI of the {@code n}th event that an article reports. */
  public static Resource event(Resource article, int n) {
    return part(article, "event", n);
  }

  /**
   * Returns the IRI of the sum of money that an event involves: the event's own IRI and {@code
   * /amount}, so that it goes with the event's article graph.
   *
   * @throws IllegalArgumentException if the IRI is not an event's
   */
  public static Resource amount(Resource event) {
    requireNonNull(event, "event");
    if (!event.isURIResource()
        || !event.getURI().startsWith(ARTICLE_BASE)
        || !event.getURI().matches(".*/event/\\d+")) {
      throw new IllegalArgumentException("not an event IRI: " + event);
    }
    return ResourceFactory.createResource(event.getURI() + "/amount");
  }

  /** Returns the IRI of the {@code n}th quote in an article. */
  public static Resource quote(Resource article, int n) {
    return part(article, "quote", n);
  }

  /** Returns the IRI of the {@code n}th mention of an entity in an article. */
  public static Resource mention(Resource article, int n) {
    return part(article, "mention", n);
  }

  /**
   * Returns the readable key of a name: lower case, accents removed, every run of characters that
   * are neither letters nor digits turned into one hyphen. Names that keep no letter or digit get a
   * key made from their hash, so the key is never empty.
   */
  public static String slug(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a name to make a key of is blank");
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    boolean pendingHyphen = false;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingHyphen && slug.length() > 0) {
          slug.append('-');
        }
        pendingHyphen = false;
        slug.appendCodePoint(cp);
      } else if (cp != '\'' && cp != '\u2019') {
        // Apostrophes join ("McDonald's" -> "mcdonalds"); everything else separates.
        pendingHyphen = true;
      }
    }
    if (slug.length() == 0) {
      return "h" + sha256(name).substring(0, 16);
    }
    if (slug.length() > MAX_SLUG_LENGTH) {
      String cut = slug.substring(0, MAX_SLUG_LENGTH - 17);
      return cut + "-" + sha256(name).substring(0, 16);
    }
    return slug.toString();
  }

  /** Returns the SHA-256 of a text's UTF-8 bytes in lower-case hexadecimal. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static Resource part(Resource article, String kind, int n) {
    requireNonNull(article, "article");
    if (!article.isURIResource() || articleId(article.getURI()) == null) {
      throw new IllegalArgumentException("not an article IRI: " + article);
    }
    if (n < 0) {
      throw new IllegalArgumentException(kind + " number is negative: " + n);
    }
    return ResourceFactory.createResource(article.getURI() + "/" + kind + "/" + n);
  }

  /**
   * Percent-encodes what an IRI path segment cannot hold as it is: ASCII other than letters, digits
   * and {@code - . _ ~}, and every character that is not a letter or a digit. A segment of dots
   * only is encoded entirely, so that {@code ..} never climbs the path.
   */
  static String encodeSegment(String id) {
    requireNonNull(id, "articleId");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id is blank");
    }
    boolean onlyDots = id.chars().allMatch(c -> c == '.');
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      boolean asciiSafe =
          cp < 128
              && ((cp >= 'a' && cp <= 'z')
                  || (cp >= 'A' && cp <= 'Z')
                  || (cp >= '0' && cp <= '9')
                  || cp == '-'
                  || cp == '_'
                  || cp == '~'
                  || (cp == '.' && !onlyDots));
      boolean unicodeSafe = cp >= 128 && Character.isLetterOrDigit(cp);
      if (asciiSafe || unicodeSafe) {
        out.appendCodePoint(cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return out.toString();
  }

  static String decodeSegment(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
