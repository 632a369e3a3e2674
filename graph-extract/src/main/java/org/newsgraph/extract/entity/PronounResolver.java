package org.newsgraph.extract.entity;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.rules.RoleAnnotation;
import org.newsgraph.extract.rules.WordLists;

/**
 * Resolves what refers to an entity without naming it: personal pronouns ("he", "its"), relative
 * pronouns ("who", "which", "where"), short descriptions ("the company", "his firm"), and the noun
 * that describes a name beside it ("the insurer Haverkamp Group").
 *
 * <p>Personal pronouns and descriptions go to the most salient entity of the right type and gender
 * in the last few sentences: recent mentions, subjects and often-named entities weigh more; an
 * object pronoun never refers to its own clause's subject. Relative pronouns follow the enhanced
 * dependencies' {@code ref} edge to the noun they modify, and from a description ("a boxer who") to
 * the name it describes. A pronoun with a gender gives it to an entity whose first name did not.
 *
 * <p>A pronoun with nothing to refer back to, as in a fragment that never names its subject, is
 * given to an unnamed entity: one per article for "he", for "she", for the writer ("I", "my") and
 * for an organisation ("its"). Not thread-safe: one instance per article.
 *
 * <p>Why one class of this size: every kind of reference it resolves reads and updates the same
 * state as it goes through the text in order (the mentions so far, each entity's salience and
 * gender, the unnamed entities created), and the dependency cues it reads serve only that. Apart,
 * the parts would pass that state between them at each token.
 */
final class PronounResolver {

  /** A named mention, tokens {@code first..last} (1-based) of a sentence, and its group. */
  record Named(int group, Mention mention, int sentence, int first, int last) {}

  /**
   * A mention resolved to a group; a description is a noun beside a name ("the insurer Haverkamp
   * Group"), which patterns may use but which is not a way of naming the entity.
   */
  record Resolved(int group, Mention mention, boolean description) {}

  /** A group that no name stands for, created for pronouns that refer to nothing named. */
  record Unnamed(EntityType type, String description) {}

  private static final int WINDOW = 3;
  private static final Set<String> ORGANIZATION_NOUNS = WordLists.words("organization-nouns");

  /** Verbs whose subject "it" is an organisation rather than a dummy ("It was founded in 1990"). */
  private static final Set<String> ORGANIZATION_VERBS = WordLists.words("organization-verbs");

  private record Ref(int group, int sentence, int token, boolean subject) {}

  private final Map<Integer, EntityType> types;
  private final Map<Integer, String> names;
  private final Map<Integer, Gender> genders;
  private final Map<Integer, Integer> salience = new HashMap<>();
  private final List<Ref> history = new ArrayList<>();
  private final Map<String, Integer> unnamedByKind = new HashMap<>();
  private final Map<Integer, Unnamed> unnamed = new LinkedHashMap<>();
  private int nextGroup;

  /**
   * @param types the type of each group, to which unnamed groups are added
   * @param names the canonical name of each group
   * @param genders the gender of each person group, updated as pronouns reveal it
   */
  PronounResolver(
      Map<Integer, EntityType> types, Map<Integer, String> names, Map<Integer, Gender> genders) {
    this.types = types;
    this.names = names;
    this.genders = genders;
    this.nextGroup = types.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
  }

  /** Returns the unnamed groups created while resolving. */
  Map<Integer, Unnamed> unnamed() {
    return unnamed;
  }

  List<Resolved> resolve(List<CoreSentence> sentences, List<Named> named, String text) {
    List<Resolved> resolved = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      CoreSentence sentence = sentences.get(s);
      List<CoreLabel> tokens = sentence.tokens();
      SemanticGraph graph =
          sentence
              .coreMap()
              .get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      Map<Integer, Named> covering = new HashMap<>();
      for (Named mention : named) {
        if (mention.sentence() == s) {
          for (int i = mention.first(); i <= mention.last(); i++) {
            covering.put(i, mention);
          }
        }
      }
      Map<Integer, Integer> resolvedAt = new HashMap<>();
      for (int i = 1; i <= tokens.size(); i++) {
        CoreLabel token = tokens.get(i - 1);
        Named name = covering.get(i);
        if (name != null) {
          if (i == name.last()) {
            remember(new Ref(name.group(), s, i, isSubject(graph, name.first(), name.last())));
          }
          continue;
        }
        String word = token.word().toLowerCase(Locale.ROOT);
        String tag = token.tag() == null ? "" : token.tag();
        Integer group = null;
        int start = token.beginPosition();
        boolean description = false;
        if (tag.equals("NN") || tag.equals("NNS")) {
          group = describedName(graph, i, covering, token.get(RoleAnnotation.class) != null);
          description = group != null;
        }
        if (description) {
          // "the insurer Haverkamp Group": the noun is a description of the name beside it.
        } else if (tag.startsWith("PRP")) {
          group = personal(word, graph, s, i, covering);
        } else if (tag.startsWith("W") || word.equals("that") && tag.equals("WDT")) {
          group = relative(word, graph, i, covering, resolvedAt);
        } else if (tag.startsWith("NN")
            && ORGANIZATION_NOUNS.contains(lemma(token))
            && !covering.containsKey(i + 1)) {
          // "the startup Kestrel Dynamics" names its company; "the startup" alone refers back.
          int determiner = determiner(tokens, i);
          if (determiner > 0) {
            group = antecedent(EntityType.ORGANIZATION, Gender.UNKNOWN, s, null, lemma(token));
            start = tokens.get(determiner - 1).beginPosition();
          }
        }
        if (group != null) {
          resolved.add(
              new Resolved(group, Mention.in(text, start, token.endPosition()), description));
          resolvedAt.put(i, group);
          remember(new Ref(group, s, i, isSubject(graph, i, i)));
        }
      }
    }
    return resolved;
  }

  /**
   * The group of a name that a noun right before it describes ("the insurer Haverkamp Group", "the
   * drone startup Kestrel Dynamics", "the economist Paul Lindgren"), linked to it as a compound, an
   * apposition or a loose dependent.
   */
  private static Integer describedName(
      SemanticGraph graph, int token, Map<Integer, Named> covering, boolean role) {
    if (graph == null) {
      return null;
    }
    IndexedWord node = graph.getNodeByIndexSafe(token);
    if (node == null) {
      return null;
    }
    List<SemanticGraphEdge> edges = new ArrayList<>(graph.outgoingEdgeList(node));
    edges.addAll(graph.incomingEdgeList(node));
    for (SemanticGraphEdge edge : edges) {
      String relation = edge.getRelation().toString();
      // A role compounded with a name ("CEO Sam Altman") stays a role; "the economist Paul
      // Lindgren", loosely attached, describes him.
      if (!(relation.equals("compound") && !role)
          && !relation.equals("dep")
          && !relation.equals("appos")) {
        continue;
      }
      IndexedWord other =
          edge.getGovernor().equals(node) ? edge.getDependent() : edge.getGovernor();
      Named name = covering.get(other.index());
      // An apposition may stand further off: "the chief executive of Ostrava Bank, Pavel Novak".
      int reach = relation.equals("appos") ? 8 : 3;
      if (name != null && name.first() > token && name.first() - token <= reach) {
        return name.group();
      }
    }
    return null;
  }

  private Integer personal(
      String word, SemanticGraph graph, int sentence, int token, Map<Integer, Named> covering) {
    switch (word) {
      case "i", "me", "my", "mine", "myself" -> {
        return unnamedGroup("writer", EntityType.PERSON, "the writer");
      }
      case "he", "him", "his", "himself", "she", "her", "hers", "herself" -> {
        Gender gender = Gender.ofPronoun(word);
        Integer excluded = word.endsWith("self") ? null : clauseSubject(graph, token, covering);
        Integer group = antecedent(EntityType.PERSON, gender, sentence, excluded, null);
        if (group == null) {
          return gender == Gender.MALE
              ? unnamedGroup("he", EntityType.PERSON, "he")
              : unnamedGroup("she", EntityType.PERSON, "she");
        }
        if (gender != Gender.UNKNOWN
            && genders.getOrDefault(group, Gender.UNKNOWN) == Gender.UNKNOWN) {
          genders.put(group, gender);
        }
        return group;
      }
      case "it", "its", "itself" -> {
        Integer group = antecedent(EntityType.ORGANIZATION, Gender.UNKNOWN, sentence, null, null);
        if (group == null && (word.equals("its") || actsLikeAnOrganization(graph, token))) {
          return unnamedGroup("it", EntityType.ORGANIZATION, "it");
        }
        return group;
      }
      default -> {
        return null;
      }
    }
  }

  private Integer unnamedGroup(String kind, EntityType type, String description) {
    return unnamedByKind.computeIfAbsent(
        kind,
        k -> {
          int group = nextGroup++;
          types.put(group, type);
          genders.put(group, Gender.ofPronoun(description));
          unnamed.put(group, new Unnamed(type, description));
          return group;
        });
  }

  /**
   * "who", "which", "whose", "where", "that": the noun the clause modifies, by the {@code ref}
   * edge; from a description to the name it describes ("Salbi, an Iraqi American who"); else the
   * nearest name before it in the sentence.
   */
  private Integer relative(
      String word,
      SemanticGraph graph,
      int token,
      Map<Integer, Named> covering,
      Map<Integer, Integer> resolvedAt) {
    boolean person = Set.of("who", "whom", "whose").contains(word);
    if (graph == null || !(person || Set.of("which", "that", "where").contains(word))) {
      return null;
    }
    IndexedWord node = graph.getNodeByIndexSafe(token);
    if (node == null) {
      return null;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(node)) {
      if (edge.getRelation().toString().equals("ref")) {
        Integer group = groupAt(graph, edge.getGovernor(), covering, resolvedAt, 0);
        if (group != null) {
          return group;
        }
      }
    }
    for (int i = token - 1; i >= 1; i--) {
      Named name = covering.get(i);
      Integer group = name != null ? Integer.valueOf(name.group()) : resolvedAt.get(i);
      if (group != null) {
        EntityType type = types.get(group);
        if (person == (type == EntityType.PERSON)) {
          return group;
        }
      }
    }
    return person ? unnamedGroup("he", EntityType.PERSON, "he") : null;
  }

  /**
   * The group a noun stands for: its own name, or the name it is in apposition to or predicated of.
   */
  private static Integer groupAt(
      SemanticGraph graph,
      IndexedWord noun,
      Map<Integer, Named> covering,
      Map<Integer, Integer> resolvedAt,
      int depth) {
    Named name = covering.get(noun.index());
    if (name != null) {
      return name.group();
    }
    if (resolvedAt.containsKey(noun.index())) {
      return resolvedAt.get(noun.index());
    }
    if (depth > 2) {
      return null;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(noun)) {
      if (edge.getRelation().toString().equals("appos")) {
        Integer group = groupAt(graph, edge.getGovernor(), covering, resolvedAt, depth + 1);
        if (group != null) {
          return group;
        }
      }
    }
    boolean predicate = false;
    IndexedWord subject = null;
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(noun)) {
      String relation = edge.getRelation().toString();
      if (relation.equals("cop")) {
        predicate = true;
      } else if (relation.startsWith("nsubj")) {
        subject = edge.getDependent();
      } else if (relation.equals("appos")) {
        Integer group = groupAt(graph, edge.getDependent(), covering, resolvedAt, depth + 1);
        if (group != null) {
          return group;
        }
      }
    }
    return predicate && subject != null
        ? groupAt(graph, subject, covering, resolvedAt, depth + 1)
        : null;
  }

  /** "It was founded in 1990", "it sells": an organisation, not the dummy "it" of "it is time". */
  private static boolean actsLikeAnOrganization(SemanticGraph graph, int token) {
    if (graph == null) {
      return false;
    }
    IndexedWord node = graph.getNodeByIndexSafe(token);
    if (node == null) {
      return false;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(node)) {
      String relation = edge.getRelation().toString();
      String verb = lemma(edge.getGovernor().backingLabel());
      if (relation.equals("nsubj:pass")
          || (relation.equals("nsubj") && ORGANIZATION_VERBS.contains(verb))) {
        return true;
      }
    }
    return false;
  }

  /** The group of the subject of the clause whose object the pronoun is, which it cannot be. */
  private static Integer clauseSubject(
      SemanticGraph graph, int token, Map<Integer, Named> covering) {
    if (graph == null) {
      return null;
    }
    IndexedWord node = graph.getNodeByIndexSafe(token);
    if (node == null) {
      return null;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(node)) {
      String relation = edge.getRelation().toString();
      if (relation.equals("obj") || relation.equals("iobj")) {
        for (SemanticGraphEdge sibling : graph.outgoingEdgeIterable(edge.getGovernor())) {
          if (sibling.getRelation().toString().startsWith("nsubj")) {
            Named subject = covering.get(sibling.getDependent().index());
            if (subject != null) {
              return subject.group();
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * The most salient entity of the type that a pronoun or description may refer to. A description
   * must suit the kind of organisation ("the company" is no university); descriptions lean on
   * salience more than pronouns do, as "the company" is mostly the one the article is about.
   *
   * @param noun the description's noun, or {@code null} for a pronoun
   */
  private Integer antecedent(
      EntityType type, Gender gender, int sentence, Integer excluded, String noun) {
    Map<Integer, Ref> latest = new HashMap<>();
    for (Ref ref : history) {
      if (types.get(ref.group()) == type && !unnamed.containsKey(ref.group())) {
        latest.put(ref.group(), ref);
      }
    }
    Integer best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Ref ref : latest.values()) {
      int distance = sentence - ref.sentence();
      if (ref.group() == (excluded == null ? -1 : excluded)
          || !genders.getOrDefault(ref.group(), Gender.UNKNOWN).agrees(gender)) {
        continue;
      }
      if (noun != null && !suits(noun, names.getOrDefault(ref.group(), ""))) {
        continue;
      }
      double score = 10 - 3 * Math.min(distance, WINDOW + 1);
      if (ref.subject()) {
        score += 2;
      }
      if (gender != Gender.UNKNOWN && genders.getOrDefault(ref.group(), Gender.UNKNOWN) == gender) {
        score += 1;
      }
      score +=
          (noun != null ? 1.0 : 0.5)
              * Math.min(salience.getOrDefault(ref.group(), 0), noun != null ? 6 : 4);
      if (distance > WINDOW) {
        // Beyond the window only the most talked-about entity stays in reach.
        score -= 6;
      }
      if (score > bestScore
          || (score == bestScore && best != null && ref.token() > latest.get(best).token())) {
        best = ref.group();
        bestScore = score;
      }
    }
    return bestScore > -2 ? best : null;
  }

  /**
   * Whether a description's noun suits a name: a university for "the university", a company for
   * "the company".
   */
  private static boolean suits(String noun, String name) {
    String kind = OrganizationKind.of(name);
    return switch (noun) {
      case "university", "school", "college" -> kind.equals("SCHOOL") || kind.equals("UNKNOWN");
      case "party" -> kind.equals("PARTY") || kind.equals("UNKNOWN");
      case "agency" -> !kind.equals("SCHOOL") && !kind.equals("PARTY");
      default -> !kind.equals("SCHOOL") && !kind.equals("PARTY") && !kind.equals("GOVERNMENT");
    };
  }

  private void remember(Ref ref) {
    history.add(ref);
    salience.merge(ref.group(), 1, Integer::sum);
  }

  private static boolean isSubject(SemanticGraph graph, int first, int last) {
    if (graph == null) {
      return false;
    }
    for (int i = first; i <= last; i++) {
      IndexedWord node = graph.getNodeByIndexSafe(i);
      if (node != null) {
        for (SemanticGraphEdge edge : graph.incomingEdgeIterable(node)) {
          if (edge.getRelation().toString().startsWith("nsubj")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The determiner or possessive right before a noun ("the company", "his firm"), 1-based, or 0.
   */
  private static int determiner(List<CoreLabel> tokens, int noun) {
    for (int i = noun - 1; i >= Math.max(1, noun - 3); i--) {
      CoreLabel token = tokens.get(i - 1);
      String word = token.word().toLowerCase(Locale.ROOT);
      if (word.equals("the") || token.tag().equals("PRP$")) {
        return i;
      }
      if (!token.tag().startsWith("JJ") && !token.tag().startsWith("NN")) {
        return 0;
      }
    }
    return 0;
  }

  private static String lemma(CoreLabel token) {
    return token.lemma() == null
        ? token.word().toLowerCase(Locale.ROOT)
        : token.lemma().toLowerCase(Locale.ROOT);
  }
}
