package org.newsgraph.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.newsgraph.core.Amount;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.EventStatus;
import org.newsgraph.core.EventType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Mention;
import org.newsgraph.core.Participant;
import org.newsgraph.core.Relation;
import org.newsgraph.core.store.GraphStore;

/**
 * Two hand-built articles whose events carry a status and an amount and whose facts carry a time,
 * as extraction is to give them; for the tests of how the graph serves them. Their names are found
 * in no sample article.
 *
 * <p>The deals article (published 2025-02-10) reports that Orsund Marine agreed to buy Tirsa Optics
 * for $1.2 billion, taking effect in June 2025 (announced); completed its purchase of Pellow Labs
 * for $2 billion; agreed to buy Sello Foods for 400 million euros (announced); and held a press
 * conference, with no status; and that Oda Brenning, former chief executive of Tirsa Optics, ran it
 * until 2024. The profile (published 2023-04-01, earlier) says that she heads Tirsa Optics since
 * 2019, and that Tirsa Optics competes with Pellow Labs, with no time.
 */
public final class StructureArticles {

  public static final String DEALS = "structure-deals";
  public static final String PROFILE = "structure-profile";
  public static final String ORSUND = "organization/orsund-marine";
  public static final String TIRSA = "organization/tirsa-optics";
  public static final String BRENNING = "person/oda-brenning";

  public static final String DEALS_TEXT =
      "Orsund Marine agreed to buy Tirsa Optics for $1.2 billion, a deal to take effect in June"
          + " 2025. Orsund Marine completed its purchase of Pellow Labs for $2 billion. Orsund"
          + " Marine also agreed to buy Sello Foods for 400 million euros. Orsund Marine held a"
          + " press conference. Oda Brenning, the former chief executive of Tirsa Optics, ran it"
          + " until 2024.";
  public static final String PROFILE_TEXT =
      "Oda Brenning heads Tirsa Optics since 2019. Tirsa Optics competes with Pellow Labs.";

  private static final Entity ORSUND_MARINE =
      Entity.named(EntityType.ORGANIZATION, "Orsund Marine");
  private static final Entity TIRSA_OPTICS = Entity.named(EntityType.ORGANIZATION, "Tirsa Optics");
  private static final Entity PELLOW_LABS = Entity.named(EntityType.ORGANIZATION, "Pellow Labs");
  private static final Entity SELLO_FOODS = Entity.named(EntityType.ORGANIZATION, "Sello Foods");
  private static final Entity ODA_BRENNING = Entity.named(EntityType.PERSON, "Oda Brenning");

  private StructureArticles() {}

  /** The deals article's extraction. */
  public static Extraction deals() {
    String text = DEALS_TEXT;
    return new Extraction(
        new Article(DEALS, text, "Orsund Marine's deals", null, LocalDate.of(2025, 2, 10)),
        List.of(ORSUND_MARINE, TIRSA_OPTICS, PELLOW_LABS, SELLO_FOODS, ODA_BRENNING),
        List.of(brenningHeadsTirsa(text, 4).withTime(true, null, "2024")),
        List.of(
            acquisition(text, 0, TIRSA_OPTICS, "agreed to buy")
                .withStructure(
                    EventStatus.ANNOUNCED,
                    new Amount(new BigDecimal("1200000000"), "USD", "$1.2 billion"),
                    "2025-06"),
            acquisition(text, 1, PELLOW_LABS, "completed its purchase")
                .withStructure(
                    EventStatus.COMPLETED,
                    new Amount(new BigDecimal("2000000000"), "USD", "$2 billion"),
                    null),
            acquisition(text, 2, SELLO_FOODS, "agreed to buy")
                .withStructure(
                    EventStatus.ANNOUNCED,
                    new Amount(new BigDecimal("400000000"), "EUR", "400 million euros"),
                    null),
            new Event(
                EventType.PRESS_CONFERENCE,
                "2025-02-10",
                null,
                List.of(new Participant(ORSUND_MARINE, "speaker")),
                mention(text, "press conference"),
                evidence(text, 3))),
        List.of());
  }

  /** The profile's extraction. */
  public static Extraction profile() {
    String text = PROFILE_TEXT;
    return new Extraction(
        new Article(PROFILE, text, "Who runs Tirsa Optics", null, LocalDate.of(2023, 4, 1)),
        List.of(TIRSA_OPTICS, PELLOW_LABS, ODA_BRENNING),
        List.of(
            brenningHeadsTirsa(text, 0).withTime(false, "2019", null),
            Fact.between(
                Relation.COMPETES_WITH,
                TIRSA_OPTICS,
                mention(text, "Tirsa Optics", text.indexOf('.')),
                PELLOW_LABS,
                mention(text, "Pellow Labs"),
                evidence(text, 1))),
        List.of(),
        List.of());
  }

  /** Stores the two articles. */
  public static void store(GraphStore store) {
    store.replaceArticle(deals());
    store.replaceArticle(profile());
  }

  /** Removes the two articles, as the shared store was before. */
  public static void remove(GraphStore store) {
    store.deleteArticle(DEALS);
    store.deleteArticle(PROFILE);
  }

  /** That Oda Brenning heads Tirsa Optics, as the {@code n}th sentence states it. */
  private static Fact brenningHeadsTirsa(String text, int n) {
    Evidence evidence = evidence(text, n);
    return Fact.between(
        Relation.HEADS,
        ODA_BRENNING,
        mention(text, "Oda Brenning", evidence.sentenceStart()),
        TIRSA_OPTICS,
        mention(text, "Tirsa Optics", evidence.sentenceStart()),
        evidence);
  }

  /** Orsund Marine buying the target, as the {@code n}th sentence reports it. */
  private static Event acquisition(String text, int n, Entity target, String trigger) {
    Evidence evidence = evidence(text, n);
    return new Event(
        EventType.ACQUISITION,
        "2025-02-10",
        null,
        List.of(new Participant(ORSUND_MARINE, "acquirer"), new Participant(target, "target")),
        mention(text, trigger, evidence.sentenceStart()),
        evidence);
  }

  /** The {@code n}th sentence of the text (from 0) as evidence. */
  private static Evidence evidence(String text, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      start = text.indexOf(". ", start) + 2;
    }
    // Sentences end at ". " or at the end of the text: "$1.2 billion" has a point of its own.
    int stop = text.indexOf(". ", start);
    int end = stop < 0 ? text.length() : stop + 1;
    return new Evidence(text.substring(start, end), start, end, "test", 0.9);
  }

  private static Mention mention(String text, String words) {
    return mention(text, words, 0);
  }

  private static Mention mention(String text, String words, int from) {
    int start = text.indexOf(words, from);
    if (start < 0) {
      throw new IllegalArgumentException("\"" + words + "\" is not in the text after " + from);
    }
    return new Mention(words, start, start + words.length());
  }
}
