package org.newsgraph.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the REST API answers with, as JSON. */
public final class Views {

  /** The most facts, events, quotes or articles that an entity's page lists of each. */
  public static final int MAX_LISTED = 500;

  private Views() {}

  /**
   * An article as other answers refer to it.
   *
   * @param id the article's id
   * @param iri its IRI, which also names its graph
   * @param title its title, if known
   * @param published its publication date, if known
   */
  public record ArticleRef(String id, String iri, String title, String published) {}

  /**
   * Where a fact, event or quote was found.
   *
   * @param article the article
   * @param sentence the sentence
   * @param sentenceStart the sentence's first character in the article's text
   * @param sentenceEnd the character after its last
   * @param extractor what found it
   * @param confidence how sure the extractor was, 0 to 1
   * @param time for a fact's source, the time this sentence gives the fact (whether it states it as
   *     past, from and until when), each part in the JSON beside the others and left out when
   *     absent; {@link FactTime#NONE} for an event's or a quote's
   */
  public record Evidence(
      ArticleRef article,
      String sentence,
      int sentenceStart,
      int sentenceEnd,
      String extractor,
      double confidence,
      @JsonUnwrapped FactTime time) {

    /**
     * Returns evidence that gives no time: an event's or a quote's, or a current undated fact's.
     */
    public Evidence(
        ArticleRef article,
        String sentence,
        int sentenceStart,
        int sentenceEnd,
        String extractor,
        double confidence) {
      this(article, sentence, sentenceStart, sentenceEnd, extractor, confidence, FactTime.NONE);
    }

    /** Returns this evidence with the time its sentence gives the fact. */
    public Evidence withTime(FactTime time) {
      return new Evidence(
          article, sentence, sentenceStart, sentenceEnd, extractor, confidence, time);
    }

    /** Returns the time this sentence gives its fact, stated in its article. */
    public FactTime.Stated stated() {
      return new FactTime.Stated(article.published(), time);
    }
  }

  /**
   * A sum of money that an event involves.
   *
   * @param value the sum in units of the currency
   * @param currency its ISO 4217 code, such as {@code USD}
   * @param text the words that state it, as the article writes them
   */
  public record Amount(BigDecimal value, String currency, String text) {}

  /**
   * A fact, once however many sentences state it: its plain triple with the entities kept for its
   * subject and object (a symmetric relation once, whichever way round its sources put it), and the
   * sentences that state it.
   *
   * @param relation the relation's name in the ontology, such as {@code heads}
   * @param subject what the fact is about
   * @param object the other entity, or {@code null} when the fact has a value
   * @param value the date, for relations such as {@code foundedOn}
   * @param confidence the highest confidence of its sources, 0 to 1
   * @param articles how many articles state it
   * @param sources where it was found, the most confident first, each with the time it gives
   * @param review an analyst's verdict on it, or {@code null} if none was given
   * @param time when the fact held, as {@link FactTime#of} makes it of its sources' times: former
   *     when its most recently published sources state it so; each part in the JSON beside the
   *     others, left out when absent
   */
  public record Fact(
      String relation,
      EntityRef subject,
      EntityRef object,
      String value,
      double confidence,
      int articles,
      List<Evidence> sources,
      Review review,
      @JsonUnwrapped FactTime time) {

    /** Copies the sources. */
    public Fact {
      sources = List.copyOf(sources);
    }
  }

  /**
   * An analyst's verdict on a fact.
   *
   * @param decision the decision's id, to undo it with {@code DELETE /api/decisions/{id}}
   * @param verdict {@code confirmed} (a rejected fact is not listed)
   * @param by who decided
   * @param at when
   * @param reason why, in the analyst's words
   */
  public record Review(String decision, String verdict, String by, String at, String reason) {}

  /**
   * An event.
   *
   * @param iri the event's IRI
   * @param type its type, such as PressConference
   * @param date its date (YYYY, YYYY-MM or YYYY-MM-DD), if known
   * @param place where it happened, if known
   * @param participants who took part, each in its role where the graph keeps one
   * @param trigger the words that report it
   * @param evidence where it was found
   * @param status where it stands ({@code announced}, {@code completed}, {@code blocked}, {@code
   *     denied}, {@code rumoured} or {@code planned}); left out of the JSON when the article does
   *     not make it clear
   * @param amount the sum of money it involves; left out when none is given
   * @param effectiveDate from when it takes effect (YYYY, YYYY-MM or YYYY-MM-DD); left out when
   *     none is given
   * @param storyline the IRI of the real event that this one reports, which every article event
   *     reporting it shares ({@link org.newsgraph.core.resolve.EventStorylines}); left out when the
   *     event stands alone
   * @param reports when several articles report the event: each article's report of it, the
   *     earliest first; left out otherwise
   */
  public record Event(
      String iri,
      String type,
      String date,
      EntityRef place,
      List<Participant> participants,
      String trigger,
      Evidence evidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) String status,
      @JsonInclude(JsonInclude.Include.NON_NULL) Amount amount,
      @JsonInclude(JsonInclude.Include.NON_NULL) String effectiveDate,
      @JsonInclude(JsonInclude.Include.NON_NULL) String storyline,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Report> reports) {

    /** Returns the event as one article reports it, with the storyline it belongs to, if any. */
    public Event inStoryline(String storyline) {
      return new Event(
          iri,
          type,
          date,
          place,
          participants,
          trigger,
          evidence,
          status,
          amount,
          effectiveDate,
          storyline,
          List.of());
    }
  }

  /**
   * One article's report of an event that several articles report: what that article said of it.
   *
   * @param event the article's event IRI
   * @param date the date the article gives it, if any
   * @param status where the article says it stands, if it says
   * @param evidence the article and the sentence
   */
  public record Report(
      String event,
      String date,
      @JsonInclude(JsonInclude.Include.NON_NULL) String status,
      Evidence evidence) {}

  /**
   * An entity that took part in an event: its reference's fields, flat as every other entity is
   * given, and the role it had.
   *
   * @param id the entity's id
   * @param iri its IRI
   * @param type its type
   * @param name its name
   * @param role its role, such as {@code acquirer} or {@code target}; {@code null} when the graph
   *     keeps none (a role that says no more than the event's and the entity's types)
   */
  public record Participant(String id, String iri, String type, String name, String role) {

    /** Returns the participant that the entity is, in the role (which may be {@code null}). */
    public static Participant of(EntityRef entity, String role) {
      return new Participant(entity.id(), entity.iri(), entity.type(), entity.name(), role);
    }
  }

  /**
   * A quote.
   *
   * @param iri the quote's IRI
   * @param speaker who said it
   * @param text the quoted words
   * @param start the first character of the words in the article's text
   * @param end the character after the last
   * @param evidence where it was found
   */
  public record Quote(
      String iri, EntityRef speaker, String text, int start, int end, Evidence evidence) {}

  /**
   * An entity found by a search.
   *
   * @param entity the entity
   * @param score how well it matched, higher is better
   */
  public record Match(EntityRef entity, double score) {}

  /**
   * Two entities that may be one, which the rules left apart for an analyst to decide.
   *
   * @param first one entity
   * @param second the other
   * @param rule the rule that could not decide ({@code same-name}, {@code surname})
   * @param reason why they may be one
   * @param facts how many facts the two take part in, as subject or object: how much a wrong answer
   *     would touch
   */
  public record PossiblySame(
      EntityRef first, EntityRef second, String rule, String reason, long facts) {}

  /**
   * The people who share the name of a plain person id, which no article names plainly any more:
   * the articles state organisations that tell them apart, and each has an id of its own. Served
   * with 300 Multiple Choices.
   *
   * @param id the id asked for ({@code person/priya-raman})
   * @param namesakes each of the people, by the id they have now ({@code
   *     person/priya-raman--lumora-labs})
   */
  public record Namesakes(String id, List<EntityRef> namesakes) {}

  /**
   * Everything the graph says about an entity.
   *
   * @param entity the entity
   * @param aliases every name articles use for it
   * @param sameAs the IRIs it is known by besides its own: of the entities merged into it, and its
   *     DBpedia and Wikipedia pages when it is linked
   * @param facts the facts about it, as subject and as object
   * @param events the events it took part in, by date
   * @param quotes what it said
   * @param articles the articles that mention it, newest first
   */
  public record Entity(
      EntityRef entity,
      List<String> aliases,
      List<String> sameAs,
      List<Fact> facts,
      List<Event> events,
      List<Quote> quotes,
      List<ArticleRef> articles) {}

  /**
   * An entity in a neighbourhood.
   *
   * @param entity the entity
   * @param depth how many relations away from the centre it is
   */
  public record Node(EntityRef entity, int depth) {}

  /**
   * A relation between two entities.
   *
   * @param source the subject's id
   * @param target the object's id
   * @param relation the relation's name
   * @param time when it held, as {@link FactTime#of} makes it of its sources' times; each part in
   *     the JSON beside the others, left out when absent
   */
  public record Edge(String source, String target, String relation, @JsonUnwrapped FactTime time) {

    /** Returns a relation with no time: current, as far as its sources say. */
    public Edge(String source, String target, String relation) {
      this(source, target, relation, FactTime.NONE);
    }
  }

  /**
   * An entity and what it relates to, ready for a graph widget.
   *
   * @param center the entity at the centre
   * @param nodes the entities, the centre first
   * @param edges the relations between them
   * @param events the events that the entities took part in, by date (undated last), when they were
   *     asked for; otherwise none
   * @param truncated whether the limit cut the entities, or the events, short
   */
  public record Neighbourhood(
      EntityRef center, List<Node> nodes, List<Edge> edges, List<Event> events, boolean truncated) {

    /** Copies the lists. */
    public Neighbourhood {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      events = List.copyOf(events);
    }

    /**
     * Returns this neighbourhood with the events its entities took part in.
     *
     * @param found the events
     * @param cut whether the limit left some out
     */
    public Neighbourhood withEvents(List<Event> found, boolean cut) {
      return new Neighbourhood(center, nodes, edges, found, truncated || cut);
    }
  }

  /**
   * One step of a path: a relation between two entities, with the sentence that states it most
   * surely, so that a reader can check each step.
   *
   * @param source the subject's id
   * @param target the object's id
   * @param relation the relation's name
   * @param evidence where it was found, or {@code null} when no assertion states it
   */
  public record Hop(String source, String target, String relation, Evidence evidence) {}

  /**
   * The ways two entities are connected.
   *
   * @param from where the paths start
   * @param to where they end
   * @param paths each path as its steps in order, shortest first
   * @param entities every entity that the paths pass through, by id
   */
  public record Paths(
      EntityRef from, EntityRef to, List<List<Hop>> paths, Map<String, EntityRef> entities) {}

  /**
   * A stretch of an article's text that refers to an entity.
   *
   * @param start its first character in the article's text
   * @param end the character after its last
   * @param entity the id of the entity it refers to
   */
  public record Span(int start, int end, String entity) {}

  /**
   * A stored article.
   *
   * @param article the article
   * @param url where it was published, if known
   * @param text its text
   * @param entities the entities it names
   * @param mentions where its text names or refers to them, in text order
   * @param facts its facts
   * @param events its events
   * @param quotes its quotes
   */
  public record Article(
      ArticleRef article,
      String url,
      String text,
      List<EntityRef> entities,
      List<Span> mentions,
      List<Fact> facts,
      List<Event> events,
      List<Quote> quotes) {}

  /**
   * What the graph holds.
   *
   * @param articles how many articles
   * @param entities how many entities of each type
   * @param facts how many facts of each relation
   * @param events how many events of each type
   * @param quotes how many quotes
   */
  public record Stats(
      long articles,
      Map<String, Long> entities,
      Map<String, Long> facts,
      Map<String, Long> events,
      long quotes) {}
}
