package org.newsgraph.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Quote;
import org.newsgraph.core.Relation;
import org.newsgraph.core.store.Tdb2GraphStore;

/**
 * Extractions shaped like Newsgraph's own, made up in bulk to build a large graph: each article
 * states a few facts between entities drawn from shared pools (so articles overlap and the graph is
 * connected, as news is), reports an event and quotes someone. About 260 triples an article, with
 * provenance; 4,000 articles make a graph of a million.
 */
final class SyntheticGraph {

  /** Who may relate to whom, as the ontology allows. */
  private static final Relation[] ORGANIZATION_RELATIONS = {
    Relation.COMPETES_WITH,
    Relation.ACQUIRED,
    Relation.PARTNERS_WITH,
    Relation.INVESTS_IN,
    Relation.SUBSIDIARY_OF
  };

  private final Random random;
  private final int people;
  private final int organizations;
  private final int places;
  private final int products;

  SyntheticGraph(long seed, int articles) {
    this.random = new Random(seed);
    this.people = Math.max(50, articles * 3);
    this.organizations = Math.max(50, articles * 2);
    this.places = 400;
    this.products = Math.max(20, articles / 2);
  }

  /**
   * Stores the first {@code articles} articles of a graph of that many in a new TDB2 store, 200 a
   * transaction: the graph the query and start-up measures run on.
   */
  static void store(Path folder, int articles, Consumer<String> progress) {
    SyntheticGraph graph = new SyntheticGraph(7, articles);
    long start = System.nanoTime();
    try (Tdb2GraphStore target = Tdb2GraphStore.open(folder)) {
      List<Extraction> batch = new ArrayList<>();
      for (int i = 0; i < articles; i++) {
        batch.add(graph.article(i));
        if (batch.size() == 200 || i == articles - 1) {
          target.replaceArticles(batch);
          batch.clear();
          double elapsed = (System.nanoTime() - start) / 1e9;
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "query graph: %d/%d articles, %.0f articles/s, %.0f s left",
                  i + 1,
                  articles,
                  (i + 1) / elapsed,
                  (articles - i - 1) / ((i + 1) / elapsed)));
        }
      }
    }
  }

  /** The {@code n}th article's extraction. */
  Extraction article(int n) {
    Builder article = new Builder();
    for (int i = 0; i < 3; i++) {
      String person = person();
      String company = organization();
      article.fact(
          random.nextBoolean() ? Relation.HEADS : Relation.WORKS_FOR, person, company, "runs");
    }
    for (int i = 0; i < 3; i++) {
      Relation relation = ORGANIZATION_RELATIONS[random.nextInt(ORGANIZATION_RELATIONS.length)];
      article.fact(relation, organization(), organization(), "deals with");
    }
    article.fact(Relation.HEADQUARTERED_IN, organization(), place(), "is based in");
    article.fact(Relation.DEVELOPS, organization(), product(), "makes");
    LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
    EventType type = EventType.values()[random.nextInt(EventType.values().length)];
    article.event(type, date, person(), organization(), place());
    article.quote(person());
    return article.build(
        new Article(
            "synthetic-" + n,
            article.text.toString(),
            "Synthetic article " + n,
            null,
            date.plusDays(1)));
  }

  private String person() {
    return "Person " + name(random.nextInt(people));
  }

  private String organization() {
    return name(random.nextInt(organizations)) + " Corp";
  }

  private String place() {
    return "City " + name(random.nextInt(places));
  }

  private String product() {
    return "Product " + name(random.nextInt(products));
  }

  private static EntityType typeOf(String name) {
    if (name.startsWith("Person ")) {
      return EntityType.PERSON;
    }
    if (name.startsWith("City ")) {
      return EntityType.PLACE;
    }
    return name.startsWith("Product ") ? EntityType.PRODUCT : EntityType.ORGANIZATION;
  }

  /** A pronounceable name for a number: 0 is "Ba", 1 "Be", ... */
  private static String name(int n) {
    String consonants = "BDFGKLMNPRSTVZ";
    String vowels = "aeiou";
    StringBuilder name = new StringBuilder();
    int rest = n;
    do {
      name.append(consonants.charAt(rest % consonants.length()));
      rest /= consonants.length();
      name.append(vowels.charAt(rest % vowels.length()));
      rest /= vowels.length();
    } while (rest > 0);
    String word = name.toString().toLowerCase();
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Writes an article's text sentence by sentence, noting where each name falls. */
  private final class Builder {
    final StringBuilder text = new StringBuilder();
    final Map<String, EntityType> types = new LinkedHashMap<>();
    final Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    final List<Runnable> later = new ArrayList<>();
    final Map<String, Entity> entities = new LinkedHashMap<>();
    final List<Fact> facts = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();

    void fact(Relation relation, String subject, String object, String verb) {
      if (subject.equals(object)) {
        return;
      }
      int start = text.length();
      Mention s = name(subject, typeOf(subject));
      text.append(' ').append(verb).append(' ');
      Mention o = name(object, typeOf(object));
      text.append(". ");
      Evidence evidence = evidence(start);
      later.add(
          () ->
              facts.add(
                  Fact.between(
                      relation, entities.get(subject), s, entities.get(object), o, evidence)));
    }

    void event(EventType type, LocalDate date, String person, String company, String place) {
      int start = text.length();
      Mention p = name(person, EntityType.PERSON);
      text.append(" and ");
      Mention c = name(company, EntityType.ORGANIZATION);
      text.append(" had news at an event in ");
      Mention where = name(place, EntityType.PLACE);
      text.append(" on ").append(date).append(". ");
      Evidence evidence = evidence(start);
      int at = text.indexOf("event", start);
      Mention trigger = new Mention("event", at, at + "event".length());
      later.add(
          () ->
              events.add(
                  new Event(
                      type,
                      date.toString(),
                      entities.get(place),
                      List.of(
                          new Participant(entities.get(person), "participant"),
                          new Participant(entities.get(company), "participant")),
                      trigger,
                      evidence)));
    }

    void quote(String speaker) {
      int start = text.length();
      text.append('\u201c');
      int quoteStart = text.length();
      text.append("We will keep growing this year");
      int quoteEnd = text.length();
      text.append(",\u201d said ");
      name(speaker, EntityType.PERSON);
      text.append(". ");
      Evidence evidence = evidence(start);
      later.add(
          () ->
              quotes.add(
                  new Quote(
                      text.substring(quoteStart, quoteEnd),
                      quoteStart,
                      quoteEnd,
                      entities.get(speaker),
                      evidence)));
    }

    Mention name(String name, EntityType type) {
      int start = text.length();
      text.append(name);
      Mention mention = new Mention(name, start, text.length());
      types.putIfAbsent(name, type);
      mentions.computeIfAbsent(name, k -> new ArrayList<>()).add(mention);
      return mention;
    }

    Evidence evidence(int start) {
      return new Evidence(
          text.substring(start, text.length() - 1),
          start,
          text.length() - 1,
          "synthetic",
          0.5 + random.nextInt(50) / 100.0);
    }

    Extraction build(Article article) {
      mentions.forEach(
          (name, where) ->
              entities.put(name, new Entity(types.get(name), name, List.of(name), where)));
      later.forEach(Runnable::run);
      return new Extraction(article, List.copyOf(entities.values()), facts, events, quotes);
    }
  }
}
