package org.newsgraph.core;

import java.time.LocalDate;
import java.util.List;

/** Extractions of articles written for these tests, built by hand. */
public final class Fixtures {

  public static final String NORDVIK_TEXT =
      "Maria Lindqvist, chief executive of Nordvik Robotics, opened a press conference in"
          + " Gothenburg on Tuesday. She said the company would compete with Kestrel Dynamics."
          + " \u201cWe are ready,\u201d Lindqvist said.";

  private Fixtures() {}

  /** An article in which a chief executive leads a company that competes with another. */
  public static Extraction nordvik() {
    return nordvik("nordvik-1", NORDVIK_TEXT);
  }

  /** The same kind of extraction under another id and text (which must contain the names). */
  public static Extraction nordvik(String id, String text) {
    Article article =
        new Article(
            id, text, "Nordvik opens up", "https://example.org/nordvik", LocalDate.of(2025, 3, 4));
    Mention maria = mention(text, "Maria Lindqvist");
    Mention nordvik = mention(text, "Nordvik Robotics");
    Mention kestrel = mention(text, "Kestrel Dynamics");
    Entity person =
        new Entity(EntityType.PERSON, "Maria Lindqvist", List.of("Lindqvist"), List.of(maria));
    Entity company =
        new Entity(EntityType.ORGANIZATION, "Nordvik Robotics", List.of(), List.of(nordvik));
    Entity rival =
        new Entity(EntityType.ORGANIZATION, "Kestrel Dynamics", List.of(), List.of(kestrel));
    Entity place = Entity.named(EntityType.PLACE, "Gothenburg");
    int firstEnd = text.indexOf('.') + 1;
    Evidence first = new Evidence(text.substring(0, firstEnd), 0, firstEnd, "test", 0.9);
    Fact heads = Fact.between(Relation.HEADS, person, maria, company, nordvik, first);
    Fact competes =
        Fact.between(
            Relation.COMPETES_WITH,
            company,
            nordvik,
            rival,
            kestrel,
            first.with(first.extractors(), 0.7));
    Event conference =
        new Event(
            EventType.PRESS_CONFERENCE,
            "2025-03-04",
            place,
            List.of(new Participant(person, "speaker")),
            mention(text, "press conference"),
            first);
    int quoteStart = text.indexOf('\u201c') + 1;
    Quote quote =
        new Quote(
            "We are ready,",
            quoteStart,
            quoteStart + "We are ready,".length(),
            person,
            new Evidence(
                text.substring(quoteStart - 1), quoteStart - 1, text.length(), "test", 0.95));
    return new Extraction(
        article,
        List.of(person, company, rival, place),
        List.of(heads, competes),
        List.of(conference),
        List.of(quote));
  }

  /** Returns the first mention of the words in the text. */
  public static Mention mention(String text, String words) {
    int start = text.indexOf(words);
    if (start < 0) {
      throw new IllegalArgumentException("\"" + words + "\" is not in the text");
    }
    return new Mention(words, start, start + words.length());
  }
}
