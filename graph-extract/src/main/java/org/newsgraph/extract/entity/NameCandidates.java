package org.newsgraph.extract.entity;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.core.Article;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.rules.RoleAnnotation;
import org.newsgraph.extract.rules.WordLists;
import org.newsgraph.ontology.IriMinter;

/**
 * Finds the stretches of an article that may name something, before anything is typed: CoreNLP's
 * named-entity mentions (MISC included; an organisation's extended over the proper nouns the model
 * left out of it), and what the model left untagged: runs of proper nouns and of capitalised nouns,
 * a name that opens a sentence as a common noun or a verb, names joined by hyphens ("GPT-4"), the
 * place in "Gothenburg-based", and a possessive that reads as one organisation ("Tilly's Bakery").
 * What the model took for one name may be several: a post is cut off an organisation ("CFO of Bank
 * of America", "Labour MPs"), an organisation's part set beside it ("Department of Physics at
 * Stanford University"), a place's state beside it ("Cupertino California"). Each candidate carries
 * the vote of the model's tag, if any; {@link EntityRecognizer} decides which candidates are names,
 * and of what type. Stateless.
 */
final class NameCandidates {

  private static final double PLACE_TAG_VOTE = 1.2;

  private static final double NAME_TAG_VOTE = 1.0;

  private static final Pattern BASED =
      Pattern.compile("^(\\p{Lu}[\\p{L}.']*(?:-\\p{Lu}[\\p{L}.']*)*)-based$");

  private static final Set<String> NOT_NAMES =
      Set.of(
          "TITLE",
          "DATE",
          "TIME",
          "DURATION",
          "SET",
          "MONEY",
          "NUMBER",
          "ORDINAL",
          "PERCENT",
          "NATIONALITY",
          "RELIGION",
          "IDEOLOGY",
          "CRIMINAL_CHARGE",
          "CAUSE_OF_DEATH",
          "EMAIL",
          "URL",
          "HANDLE");

  /** The prefix of a past post that the tokenizer leaves on a name ("ex-Yukos"). */
  private static final String EX = "ex-";

  /**
   * Words that make a region's name the name of a part of it ("Northern Virginia", "Upper
   * Austria"), though a town somewhere may bear them.
   */
  private static final Set<String> PART_OF_REGION =
      Set.of(
          "north",
          "south",
          "east",
          "west",
          "northern",
          "southern",
          "eastern",
          "western",
          "central",
          "upper",
          "lower",
          "greater",
          "inner",
          "outer",
          "middle",
          "new",
          "old");

  /** The last words of titles ("Labour MPs", "Transportation Secretary"). */
  private static final Set<String> TITLES = WordLists.words("titles");

  /** Words that join a post to the organisation it is held in ("CFO of", "professor at"). */
  private static final Set<String> LINKS = Set.of("of", "at", "for");

  private NameCandidates() {}

  /** A stretch of a sentence that may name something; tokens {@code first..last}, 1-based. */
  record Candidate(
      Mention mention,
      List<String> words,
      int sentence,
      int first,
      int last,
      Map<EntityType, Double> initialVotes) {
    String key() {
      return IriMinter.slug(mention.text());
    }
  }

  static List<Candidate> candidates(Article article, CoreDocument document) {
    String text = article.text();
    List<Candidate> candidates = new ArrayList<>();
    for (CoreEntityMention mention : document.entityMentions()) {
      String tag = mention.entityType();
      if (tag == null || NOT_NAMES.contains(tag) || isPronoun(mention.tokens())) {
        continue;
      }
      EntityType type = typeOf(tag);
      Map<EntityType, Double> vote =
          type == null
              ? Map.of()
              : Map.of(type, type == EntityType.PLACE ? PLACE_TAG_VOTE : NAME_TAG_VOTE);
      List<CoreLabel> tokens = withTrailingNameWords(mention, document);
      List<List<CoreLabel>> names =
          type == EntityType.ORGANIZATION ? organisations(tokens) : placeAndRegion(type, tokens);
      for (List<CoreLabel> name : names) {
        candidates.add(candidate(text, name, vote));
      }
    }
    for (CoreSentence sentence : document.sentences()) {
      List<CoreLabel> tokens = sentence.tokens();
      int i = 0;
      while (i < tokens.size()) {
        if (i == 0 && opensAName(tokens, candidates)) {
          int j = 0;
          while (j + 1 < tokens.size() && mayBeUntaggedName(tokens.get(j + 1), candidates)) {
            j++;
          }
          withoutTitle(tokens.subList(0, j + 1))
              .ifPresent(name -> candidates.add(candidate(text, name, Map.of())));
          i = j + 1;
          continue;
        }
        if (!mayBeUntaggedName(tokens.get(i), candidates)) {
          basedPlace(text, tokens.get(i)).ifPresent(candidates::add);
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < tokens.size() && mayBeUntaggedName(tokens.get(j + 1), candidates)) {
          j++;
        }
        j = hyphenated(tokens, j, candidates);
        withoutTitle(tokens.subList(i, j + 1))
            .ifPresent(name -> candidates.add(candidate(text, name, Map.of())));
        i = j + 1;
      }
    }
    candidates.sort(Comparator.comparingInt(c -> c.mention().start()));
    return joinPossessiveNames(text, document, candidates);
  }

  /**
   * Joins "Tilly" + "'s" + "Bakery" into one name when the whole reads as a company, school or club
   * ("Tilly's Bakery", "McDonald's Corporation"), but leaves "OpenAI's ChatGPT" apart, an
   * organisation's own part ("University of Cambridge's Cavendish Laboratory") and a person's party
   * ("Moazzam Begg's Labour MP": no party is named so).
   */
  private static List<Candidate> joinPossessiveNames(
      String text, CoreDocument document, List<Candidate> candidates) {
    List<Candidate> joined = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate owner = candidates.get(i);
      if (i + 1 < candidates.size()) {
        Candidate owned = candidates.get(i + 1);
        List<CoreLabel> tokens = document.sentences().get(owner.sentence()).tokens();
        boolean adjacent =
            owned.sentence() == owner.sentence()
                && owned.first() == owner.last() + 2
                && "POS".equals(tokens.get(owner.last()).tag())
                && OrganizationKind.of(owner.mention().text()).equals("UNKNOWN");
        if (adjacent) {
          List<CoreLabel> span = tokens.subList(owner.first() - 1, owned.last());
          Candidate whole = candidate(text, span, Map.of());
          String kind = OrganizationKind.of(whole.mention().text());
          if (!kind.equals("UNKNOWN") && !kind.equals("PARTY")) {
            joined.add(whole);
            i++;
            continue;
          }
        }
      }
      joined.add(owner);
    }
    return joined;
  }

  private static Candidate candidate(
      String text, List<CoreLabel> tokens, Map<EntityType, Double> votes) {
    CoreLabel first = tokens.get(0);
    CoreLabel last = tokens.get(tokens.size() - 1);
    List<String> words = new ArrayList<>(tokens.stream().map(CoreLabel::word).toList());
    int start = first.beginPosition();
    // "ex-Yukos boss": the tokenizer keeps "ex-" on the name; it says the post is past (the fact
    // checks read it from the sentence), and is no part of the company's name.
    String word = words.get(0);
    if (word.length() > EX.length()
        && word.regionMatches(true, 0, EX, 0, EX.length())
        && Character.isUpperCase(word.charAt(EX.length()))
        && text.startsWith(word, start)) {
      words.set(0, word.substring(EX.length()));
      start += EX.length();
    }
    return new Candidate(
        Mention.in(text, start, last.endPosition()),
        List.copyOf(words),
        first.sentIndex(),
        first.index(),
        last.index(),
        votes);
  }

  /**
   * An organisation's tokens, extended over proper nouns that the model left out of the name
   * ("Google DeepMind" where it tagged only "Google").
   */
  private static List<CoreLabel> withTrailingNameWords(
      CoreEntityMention mention, CoreDocument document) {
    List<CoreLabel> tokens = mention.tokens();
    if (!"ORGANIZATION".equals(mention.entityType())) {
      return tokens;
    }
    List<CoreLabel> sentence = document.sentences().get(tokens.get(0).sentIndex()).tokens();
    int last = tokens.get(tokens.size() - 1).index(); // 1-based: the next token's 0-based index
    int end = last;
    while (end < sentence.size()) {
      CoreLabel next = sentence.get(end);
      boolean untaggedProperNoun =
          ("NNP".equals(next.tag()) || "NNPS".equals(next.tag()))
              && "O".equals(next.ner())
              && next.get(RoleAnnotation.class) == null;
      if (!untaggedProperNoun) {
        break;
      }
      end++;
    }
    return end == last ? tokens : sentence.subList(tokens.get(0).index() - 1, end);
  }

  /**
   * Splits a place written without its comma ("Cupertino California", "Auckland New Zealand") into
   * the place and the country, state or province that follows it, where the gazetteer knows both;
   * other names stay whole ("Northern Virginia", "Ms Essex").
   */
  private static List<List<CoreLabel>> placeAndRegion(EntityType type, List<CoreLabel> tokens) {
    if (type != EntityType.PLACE || tokens.size() < 2 || Regions.isRegion(words(tokens))) {
      return List.of(tokens);
    }
    for (int cut = 1; cut < tokens.size(); cut++) {
      List<CoreLabel> place = tokens.subList(0, cut);
      List<CoreLabel> region = tokens.subList(cut, tokens.size());
      String lastOfPlace = place.get(place.size() - 1).word();
      if (!PART_OF_REGION.contains(lastOfPlace.toLowerCase(Locale.ROOT))
          && Regions.isRegion(words(region))
          && Regions.isPlace(words(place))) {
        return List.of(place, region);
      }
    }
    return List.of(tokens);
  }

  /**
   * The organisations in what the model tagged as one: a post before an organisation's name ("CFO
   * of Bank of America") or after it ("Conservative Party Member of Parliament", "Labour MPs") is
   * no part of it; a part of an organisation named with it ("Department of Physics at Stanford
   * University", "University of Cambridge's Cavendish Laboratory") is an organisation of its own
   * beside it.
   */
  private static List<List<CoreLabel>> organisations(List<CoreLabel> tokens) {
    Optional<List<CoreLabel>> untitled = withoutTitle(tokens);
    if (untitled.isEmpty()) {
      return List.of();
    }
    if (untitled.get().size() < tokens.size()) {
      return organisations(untitled.get());
    }
    int posts = 0;
    while (posts < tokens.size() && tokens.get(posts).get(RoleAnnotation.class) != null) {
      posts++;
    }
    if (posts > 0) {
      boolean linked = posts + 1 < tokens.size() && LINKS.contains(tokens.get(posts).word());
      return linked && capitalised(tokens.get(posts + 1))
          ? organisations(tokens.subList(posts + 1, tokens.size()))
          : List.of(tokens);
    }
    for (int i = 1; i < tokens.size(); i++) {
      List<CoreLabel> before = tokens.subList(0, i);
      List<CoreLabel> after = tokens.subList(i + 1, tokens.size());
      CoreLabel token = tokens.get(i);
      boolean named = !OrganizationKind.of(words(before)).equals("UNKNOWN");
      if (token.get(RoleAnnotation.class) != null && named) {
        return List.of(before);
      }
      boolean part =
          (token.word().equals("at") && !OrganizationKind.of(words(after)).equals("UNKNOWN"))
              || (token.word().equals("'s") && named);
      if (part && !after.isEmpty() && capitalised(after.get(0))) {
        List<List<CoreLabel>> both = new ArrayList<>(List.of(before));
        both.addAll(organisations(after));
        return both;
      }
    }
    return List.of(tokens);
  }

  /**
   * A party's name without the members' title that ends it: "Labour MPs" and "Veteran Labour MP"
   * are Labour's, "Independence Party MEP" is the Independence Party's; empty for "Tory MPs", whose
   * word for the party's members stands for the party as such words do elsewhere. Other names stay
   * as they are ("Transportation Secretary", "Health Secretary": titles, not organisations).
   */
  private static Optional<List<CoreLabel>> withoutTitle(List<CoreLabel> tokens) {
    int end = tokens.size();
    while (end > 1 && TITLES.contains(tokens.get(end - 1).word().toLowerCase(Locale.ROOT))) {
      end--;
    }
    if (end == tokens.size()) {
      return Optional.of(tokens);
    }
    List<CoreLabel> rest = tokens.subList(0, end);
    CoreLabel last = rest.get(rest.size() - 1);
    if (PartyMembers.partyOf(last.word()).isPresent()) {
      return Optional.empty();
    }
    if (isParty(last.word()) && !last.word().equalsIgnoreCase("party")) {
      return Optional.of(List.of(last));
    }
    return Optional.of(isParty(words(rest)) ? rest : tokens);
  }

  private static boolean isParty(String name) {
    return OrganizationKind.of(name).equals("PARTY");
  }

  private static boolean capitalised(CoreLabel token) {
    return Character.isUpperCase(token.word().charAt(0));
  }

  private static String words(List<CoreLabel> tokens) {
    return String.join(" ", tokens.stream().map(CoreLabel::word).toList());
  }

  /** The place in "Gothenburg-based", which the tokenizer keeps in one token. */
  private static java.util.Optional<Candidate> basedPlace(String text, CoreLabel token) {
    Matcher matcher = BASED.matcher(token.originalText());
    if (!matcher.matches()) {
      return java.util.Optional.empty();
    }
    int start = token.beginPosition();
    int end = start + matcher.group(1).length();
    return java.util.Optional.of(
        new Candidate(
            Mention.in(text, start, end),
            List.of(matcher.group(1)),
            token.sentIndex(),
            token.index(),
            token.index(),
            Map.of(EntityType.PLACE, EntityRecognizer.PART_OF_NAME_VOTE)));
  }

  /**
   * Extends a name over hyphens written without spaces, which the tokenizer splits: "MB-101",
   * "GPT-4", "Coca-Cola". Returns the index of the name's last token.
   */
  private static int hyphenated(List<CoreLabel> tokens, int last, List<Candidate> candidates) {
    while (last + 2 < tokens.size()) {
      CoreLabel hyphen = tokens.get(last + 1);
      CoreLabel next = tokens.get(last + 2);
      boolean joined =
          "HYPH".equals(hyphen.tag())
              && hyphen.beginPosition() == tokens.get(last).endPosition()
              && next.beginPosition() == hyphen.endPosition();
      // "GPT-4", "Coca-Cola", and given names such as "Ji-ho" that the tagger takes as names.
      boolean namePart =
          "CD".equals(next.tag())
              || "NNP".equals(next.tag())
              || Character.isUpperCase(next.word().codePointAt(0));
      if (!joined || !namePart || overlapsCandidate(next, candidates)) {
        return last;
      }
      last += 2;
    }
    return last;
  }

  /**
   * Whether a capitalised word opening a sentence starts a name that the tagger took for a common
   * noun or a verb: it does when a name follows ("Marrow Bio"), when a possessive does
   * ("Alphabet's"), or when an apposition does ("Streamline, the streaming service").
   */
  private static boolean opensAName(List<CoreLabel> tokens, List<Candidate> candidates) {
    CoreLabel first = tokens.get(0);
    String tag = first.tag();
    if (tokens.size() < 3
        || !Character.isUpperCase(first.word().codePointAt(0))
        || first.get(RoleAnnotation.class) != null
        || overlapsCandidate(first, candidates)) {
      return false;
    }
    CoreLabel next = tokens.get(1);
    boolean apposition = ",".equals(next.word()) && tokens.get(2).word().matches("(?i)a|an|the");
    if (tag != null && tag.startsWith("VB")) {
      return apposition;
    }
    if (!("NN".equals(tag) || "NNS".equals(tag))) {
      return false;
    }
    return "POS".equals(next.tag()) || mayBeUntaggedName(next, candidates) || apposition;
  }

  private static boolean overlapsCandidate(CoreLabel token, List<Candidate> candidates) {
    for (Candidate candidate : candidates) {
      if (candidate.mention().start() < token.endPosition()
          && token.beginPosition() < candidate.mention().end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayBeUntaggedName(CoreLabel token, List<Candidate> candidates) {
    String tag = token.tag();
    boolean properNoun = "NNP".equals(tag) || "NNPS".equals(tag);
    // A capitalised common noun inside a sentence may be a name the tagger did not know ("Pulse");
    // at its start only if capitals inside the word say so ("OpenAI", "IBM").
    String word = token.word();
    boolean capitalised =
        ("NN".equals(tag) || "NNS".equals(tag))
            && Character.isUpperCase(word.codePointAt(0))
            && (token.index() > 1 || word.chars().skip(1).anyMatch(Character::isUpperCase));
    if (!properNoun && !capitalised) {
      return false;
    }
    if (token.get(RoleAnnotation.class) != null
        || (token.ner() != null && NOT_NAMES.contains(token.ner()))) {
      return false;
    }
    return !overlapsCandidate(token, candidates);
  }

  /** Maps CoreNLP's entity tags, fine-grained ones included, to the ontology's types. */
  static EntityType typeOf(String nerTag) {
    if (nerTag == null) {
      return null;
    }
    return switch (nerTag) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION", "CITY", "STATE_OR_PROVINCE", "COUNTRY" -> EntityType.PLACE;
      default -> null;
    };
  }

  private static boolean isPronoun(List<CoreLabel> tokens) {
    return tokens.size() == 1
        && tokens.get(0).tag() != null
        && tokens.get(0).tag().startsWith("PRP");
  }
}
