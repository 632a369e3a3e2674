package org.newsgraph.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the Newsgraph ontology ({@code newsgraph.ttl}) as Jena resources, named with the
 * ontology's exact local names. A test holds this class and the Turtle equal.
 *
 * <p>Immutable and thread-safe.
 */
public final class NG {

  /** The namespace of every term. */
  public static final String NS = "https://newsgraph.org/ontology#";

  /** The usual prefix for {@link #NS}. */
  public static final String PREFIX = "ng";

  /** The ontology itself. */
  public static final Resource ONTOLOGY =
      ResourceFactory.createResource("https://newsgraph.org/ontology");

  /** Someone or something that acts: a person or an organisation. */
  public static final Resource Agent = resource("Agent");

  /** A human being named in the news. */
  public static final Resource Person = resource("Person");

  /** A company, institution, government body, party, university or other organised group. */
  public static final Resource Organization = resource("Organization");

  /** A location: a country, region, city, site or building. */
  public static final Resource Place = resource("Place");

  /** A product or service that an organisation makes or offers, such as a piece of software. */
  public static final Resource Product = resource("Product");

  /** Something that happened, or is to happen, at a time and place, with participants. */
  public static final Resource Event = resource("Event");

  /** An event at which someone speaks to the press. */
  public static final Resource PressConference = resource("PressConference");

  /**
   * Where an event stands as its article tells it: one of {@link #Announced}, {@link #Completed},
   * {@link #Blocked}, {@link #Denied}, {@link #Rumoured} and {@link #Planned}.
   */
  public static final Resource EventStatus = resource("EventStatus");

  /** Agreed or made public, not yet done ("agreed to buy", "announced a deal"). */
  public static final Resource Announced = resource("Announced");

  /** Done ("bought", "completed the takeover", "was appointed"). */
  public static final Resource Completed = resource("Completed");

  /** Stopped by someone else: a regulator, a court, a vote. */
  public static final Resource Blocked = resource("Blocked");

  /** Said by a party to it not to have happened, or not to be happening. */
  public static final Resource Denied = resource("Denied");

  /** Reported without confirmation ("is said to", "in talks"). */
  public static final Resource Rumoured = resource("Rumoured");

  /** Intended for later ("plans to", "will", "is considering"). */
  public static final Resource Planned = resource("Planned");

  /** A sum of money in a currency, such as the price of an acquisition. */
  public static final Resource MonetaryAmount = resource("MonetaryAmount");

  /** An organisation buying another organisation, or a product or business of it. */
  public static final Resource Acquisition = resource("Acquisition");

  /** An organisation raising money from investors. */
  public static final Resource FundingRound = resource("FundingRound");

  /** Parties signing or announcing a deal, partnership or contract. */
  public static final Resource Agreement = resource("Agreement");

  /** A party taking another to court, or a court ruling between them. */
  public static final Resource Lawsuit = resource("Lawsuit");

  /** An organisation releasing, unveiling or announcing a product. */
  public static final Resource ProductLaunch = resource("ProductLaunch");

  /** A person being named to a position in an organisation. */
  public static final Resource Appointment = resource("Appointment");

  /** A person leaving, or being removed from, a position in an organisation. */
  public static final Resource Resignation = resource("Resignation");

  /** A news article that was ingested; its IRI also names the graph that holds all it says. */
  public static final Resource Article = resource("Article");

  /** Words that an article quotes directly, attributed to their speaker. */
  public static final Resource Quote = resource("Quote");

  /** A stretch of an article's text that names or refers to an entity. */
  public static final Resource Mention = resource("Mention");

  /**
   * The decision, by a rule or by an analyst, that two entity IRIs name one thing: the first is
   * {@code owl:sameAs} the second, which is kept.
   */
  public static final Resource Merge = resource("Merge");

  /** Two entities that may be one thing, where the evidence was too thin to merge them. */
  public static final Resource PossiblySame = resource("PossiblySame");

  /** An analyst's decision that two entities are different things, which no rule may merge. */
  public static final Resource NotSame = resource("NotSame");

  /** An analyst's decision of the name an entity is shown by. */
  public static final Resource Rename = resource("Rename");

  /**
   * An analyst's decision that a fact holds: its rdf:subject, rdf:predicate and rdf:object are the
   * fact's plain triple, as the entities kept stood when it was made.
   */
  public static final Resource Confirmation = resource("Confirmation");

  /**
   * An analyst's decision that a fact does not hold: its plain triple is taken out of the article
   * graphs that state it, which keep their assertions of it, and stays out on every re-ingest.
   */
  public static final Resource Rejection = resource("Rejection");

  /**
   * One fact as an article states it: the plain triple's subject, predicate and object, with the
   * evidence for it (sentence, offsets, extractor, confidence).
   */
  public static final Resource Assertion = resource("Assertion");

  /** A person is employed by, or otherwise works for, an organisation. */
  public static final Property worksFor = property("worksFor");

  /** A person leads an organisation as its chief executive, president, chair or equivalent. */
  public static final Property heads = property("heads");

  /** A person is a member of an organisation, such as a board, a team or an association. */
  public static final Property memberOf = property("memberOf");

  /** A person or organisation founded an organisation. */
  public static final Property founded = property("founded");

  /** The date, month or year on which an organisation was founded. */
  public static final Property foundedOn = property("foundedOn");

  /** An organisation is owned or controlled by a parent organisation. */
  public static final Property subsidiaryOf = property("subsidiaryOf");

  /** An organisation has its headquarters in a place. */
  public static final Property headquarteredIn = property("headquarteredIn");

  /** Two organisations are rivals in a market. */
  public static final Property competesWith = property("competesWith");

  /** An organisation bought another organisation, or a product of it. */
  public static final Property acquired = property("acquired");

  /** A person or organisation has put money into an organisation. */
  public static final Property investsIn = property("investsIn");

  /** Two organisations work together under a partnership, alliance or deal. */
  public static final Property partnersWith = property("partnersWith");

  /** An organisation makes, builds or offers a product. */
  public static final Property develops = property("develops");

  /** A person studied at a school or university. */
  public static final Property educatedAt = property("educatedAt");

  /** Two people are, or were, married to each other. */
  public static final Property spouse = property("spouse");

  /** A person is a child of another person. */
  public static final Property childOf = property("childOf");

  /** The date, month or year on which a person was born. */
  public static final Property birthDate = property("birthDate");

  /** The place where a person was born. */
  public static final Property birthPlace = property("birthPlace");

  /** The date, month or year on which a person died. */
  public static final Property deathDate = property("deathDate");

  /** The country of which a person is a citizen. */
  public static final Property nationality = property("nationality");

  /** A place where a person lives or has lived. */
  public static final Property residence = property("residence");

  /** The political party that a person belongs to or stands for. */
  public static final Property politicalParty = property("politicalParty");

  /** The day, month or year on which an event took place. */
  public static final Property date = property("date");

  /** Where an event took place. */
  public static final Property place = property("place");

  /** A person or organisation that took part in an event. */
  public static final Property participant = property("participant");

  /** The organisation that buys, or takes over, in an acquisition. */
  public static final Property acquirer = property("acquirer");

  /** The organisation that is bought, or taken over, in an acquisition. */
  public static final Property target = property("target");

  /** The person or organisation that puts money in, in a funding round. */
  public static final Property investor = property("investor");

  /** The organisation that raises the money in a funding round. */
  public static final Property investee = property("investee");

  /** The person or organisation that brings a lawsuit. */
  public static final Property plaintiff = property("plaintiff");

  /** The person or organisation that a lawsuit is brought against. */
  public static final Property defendant = property("defendant");

  /** The person appointed, named or hired in an appointment. */
  public static final Property appointee = property("appointee");

  /** Who speaks at a press conference (not {@link #speaker}, which is a quote's). */
  public static final Property conferenceSpeaker = property("conferenceSpeaker");

  /** Where an event stands: an individual of {@link #EventStatus}. */
  public static final Property status = property("status");

  /** The sum of money that an event involves, such as a price or the size of a funding round. */
  public static final Property amount = property("amount");

  /** The sum of a monetary amount in units of its currency, as an xsd:decimal. */
  public static final Property amountValue = property("amountValue");

  /** The ISO 4217 code of a monetary amount's currency, such as USD. */
  public static final Property currency = property("currency");

  /** The words that state a monetary amount, as the article writes them ("$1.2 billion"). */
  public static final Property amountText = property("amountText");

  /** The day, month or year from which an event takes effect ("the merger closes on 1 March"). */
  public static final Property effectiveDate = property("effectiveDate");

  /** Whether an assertion states its fact as past ("former chief executive"). */
  public static final Property former = property("former");

  /** The day, month or year from which an assertion states its fact held. */
  public static final Property startDate = property("startDate");

  /** The day, month or year until which an assertion states its fact held. */
  public static final Property endDate = property("endDate");

  /** The words of the article that announce an event, such as "news conference" or "acquired". */
  public static final Property trigger = property("trigger");

  /** The person or organisation who said the quoted words. */
  public static final Property speaker = property("speaker");

  /** The quoted words, without the quotation marks. */
  public static final Property quotedText = property("quotedText");

  /** The entity that a mention names or refers to. */
  public static final Property refersTo = property("refersTo");

  /** The article that a quote, event or assertion was taken from. */
  public static final Property sourceArticle = property("sourceArticle");

  /** The headline of an article. */
  public static final Property title = property("title");

  /** Where the article was published on the web. */
  public static final Property url = property("url");

  /**
   * The date on which the article was published; relative dates in its text are resolved against
   * it.
   */
  public static final Property published = property("published");

  /** The plain text of the article, to which every character offset refers. */
  public static final Property text = property("text");

  /**
   * The SHA-256 of the article's text, in hexadecimal, to tell whether a re-ingested article
   * changed.
   */
  public static final Property contentHash = property("contentHash");

  /** When Newsgraph stored the article. */
  public static final Property ingested = property("ingested");

  /** An article names an entity at least once. */
  public static final Property mentions = property("mentions");

  /** A name by which an article refers to an entity, its canonical name included. */
  public static final Property alias = property("alias");

  /**
   * An entity's name folded as identity compares names across articles and types: lower case,
   * without accents, punctuation, a leading "the" or a company's legal form.
   */
  public static final Property nameKey = property("nameKey");

  /** The last word of a person's folded name, by which a person named by surname alone is found. */
  public static final Property surname = property("surname");

  /** The entity IRI that a merge sends to another. */
  public static final Property mergedEntity = property("mergedEntity");

  /** The entity IRI that a merge keeps. */
  public static final Property keptEntity = property("keptEntity");

  /** One of the entities of a "possibly the same" pair or of a "not the same" decision. */
  public static final Property candidate = property("candidate");

  /** The rule that made a merge or found a "possibly the same" pair, or "analyst". */
  public static final Property rule = property("rule");

  /** Why a merge, a "possibly the same" pair or a decision was made, in words. */
  public static final Property reason = property("reason");

  /** The text of the sentence that states an assertion or an event. */
  public static final Property sentence = property("sentence");

  /** Character offset in the article's text where the evidence sentence begins (0-based). */
  public static final Property sentenceStart = property("sentenceStart");

  /** Character offset in the article's text just after the evidence sentence ends. */
  public static final Property sentenceEnd = property("sentenceEnd");

  /** The words that name the subject in the evidence sentence; may be a pronoun or a surname. */
  public static final Property subjectText = property("subjectText");

  /** Character offset in the article's text where the subject's mention begins. */
  public static final Property subjectStart = property("subjectStart");

  /** Character offset in the article's text just after the subject's mention ends. */
  public static final Property subjectEnd = property("subjectEnd");

  /** The words that name the object in the evidence sentence. */
  public static final Property objectText = property("objectText");

  /** Character offset in the article's text where the object's mention begins. */
  public static final Property objectStart = property("objectStart");

  /** Character offset in the article's text just after the object's mention ends. */
  public static final Property objectEnd = property("objectEnd");

  /** Character offset in the article's text where a quote or an event's trigger begins. */
  public static final Property startOffset = property("startOffset");

  /** Character offset in the article's text just after a quote or an event's trigger ends. */
  public static final Property endOffset = property("endOffset");

  /** The name of the extractor, or extractors, that found an assertion, event or quote. */
  public static final Property extractor = property("extractor");

  /** How sure the extraction is of an assertion, event or quote, from 0 to 1. */
  public static final Property confidence = property("confidence");

  private NG() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS, localName);
  }
}
