package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Resource;
import org.newsgraph.ontology.IriMinter;

/**
 * What an entity is known by across articles, and so its IRI: the Wikipedia title it is linked to
 * ({@code wiki/international-monetary-fund}), or else its name folded within its type ({@code
 * organization/openai}, the same for "OpenAI", "OpenAI Inc." and "The OpenAI"). The key depends on
 * the entity alone, so any article, in any order, on any machine gives one thing one key.
 *
 * @param namespace {@code wiki} for a linked entity, else the type's segment ({@code person},
 *     {@code organization}, {@code place}, {@code product})
 * @param key the folded title or name, as {@link IriMinter#slug} makes it
 */
public record EntityKey(String namespace, String key) {

  /** The namespace of entities linked to Wikipedia. */
  public static final String WIKI = "wiki";

  /** Legal forms that end a company's name without making it another company. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "ltd",
          "limited",
          "llc",
          "plc",
          "lp",
          "llp",
          "gmbh",
          "ag",
          "sa",
          "nv",
          "bv",
          "se",
          "spa",
          "ab",
          "as",
          "oy",
          "kk");

  /** What separates a person's name from the organisation that tells namesakes apart. */
  private static final String QUALIFIER = "--";

  public EntityKey {
    requireNonNull(namespace, "namespace");
    requireNonNull(key, "key");
    if (!namespace.equals(WIKI) && segmentType(namespace).isEmpty()) {
      throw new GraphException(
          "unknown entity namespace \"" + namespace + "\", expected wiki or a type");
    }
    if (key.isBlank() || key.contains("/")) {
      throw new GraphException("an entity key must be one path segment, not \"" + key + "\"");
    }
  }

  /** Returns the key of an entity as an article names it: its link, else its folded name. */
  public static EntityKey of(Entity entity) {
    requireNonNull(entity, "entity");
    if (entity.link() != null) {
      return new EntityKey(WIKI, IriMinter.slug(entity.link().replace('_', ' ')));
    }
    return new EntityKey(segment(entity.type()), foldedName(entity.type(), entity.name()));
  }

  /**
   * Returns the key of an entity IRI that Newsgraph minted ({@code …/entity/wiki/imf}), if it is
   * one.
   */
  public static Optional<EntityKey> ofIri(String iri) {
    requireNonNull(iri, "iri");
    if (!iri.startsWith(IriMinter.ENTITY_BASE)) {
      return Optional.empty();
    }
    return ofId(iri.substring(IriMinter.ENTITY_BASE.length()));
  }

  /** Returns the key an API id ({@code organization/openai}) stands for, if it has that shape. */
  public static Optional<EntityKey> ofId(String id) {
    requireNonNull(id, "id");
    int slash = id.indexOf('/');
    if (slash <= 0 || slash != id.lastIndexOf('/') || slash == id.length() - 1) {
      return Optional.empty();
    }
    String namespace = id.substring(0, slash);
    if (!namespace.equals(WIKI) && segmentType(namespace).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new EntityKey(namespace, id.substring(slash + 1)));
  }

  /**
   * Returns a name folded as keys fold it: lower case, accents and punctuation gone, a leading
   * "the" dropped, and for organisations the legal forms that end it ("Inc.", "Ltd", "GmbH").
   */
  public static String foldedName(EntityType type, String name) {
    List<String> words = new ArrayList<>(Arrays.asList(IriMinter.slug(name).split("-")));
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    if (type == EntityType.ORGANIZATION) {
      while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
        words.remove(words.size() - 1);
      }
    }
    return String.join("-", words);
  }

  /**
   * Returns whether words are a company's legal form and nothing else ("Inc.", "S.A.", "Co. Ltd").
   */
  public static boolean isLegalForm(String words) {
    String slug = IriMinter.slug(words);
    return !slug.isEmpty() && Arrays.stream(slug.split("-")).allMatch(LEGAL_FORMS::contains);
  }

  /**
   * Returns the key of one of several people who share this person's name, told apart by an
   * organisation their articles state ({@code priya-raman--lumora-labs}): see {@link
   * org.newsgraph.core.resolve.Namesakes}. A slug never holds two hyphens in a row, so the
   * qualified key cannot be any name's plain key.
   *
   * @param organisation the organisation's key, a slug
   * @throws GraphException if this is not an unlinked person's plain key
   */
  public EntityKey qualified(String organisation) {
    requireNonNull(organisation, "organisation");
    if (!namespace.equals(segment(EntityType.PERSON)) || key.contains(QUALIFIER)) {
      throw new GraphException("only a person's plain key is qualified, not " + id());
    }
    return new EntityKey(namespace, key + QUALIFIER + IriMinter.slug(organisation));
  }

  /**
   * Returns the plain key of a person's qualified key ({@code priya-raman} for {@code
   * priya-raman--lumora-labs}); any other key is its own plain key.
   */
  public EntityKey plain() {
    int at = key.indexOf(QUALIFIER);
    return at > 0 && namespace.equals(segment(EntityType.PERSON))
        ? new EntityKey(namespace, key.substring(0, at))
        : this;
  }

  /** Returns whether this is a person's key qualified by an organisation. */
  public boolean isQualified() {
    return !plain().equals(this);
  }

  /** Returns the IRI of the entity this key stands for. */
  public Resource iri() {
    return IriMinter.entity(namespace, key);
  }

  /** Returns the key as the API writes it in paths: {@code namespace/key}. */
  public String id() {
    return namespace + "/" + key;
  }

  /** Returns the type a key carries, if it is not a link (whose type comes from the articles). */
  public Optional<EntityType> type() {
    return segmentType(namespace);
  }

  /** Returns whether the key is a Wikipedia title. */
  public boolean linked() {
    return namespace.equals(WIKI);
  }

  private static String segment(EntityType type) {
    return type.label().toLowerCase(Locale.ROOT);
  }

  private static Optional<EntityType> segmentType(String namespace) {
    for (EntityType type : EntityType.values()) {
      if (segment(type).equals(namespace)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id();
  }
}
