package org.newsgraph.extract.relation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.entity.EntityMention;
import org.newsgraph.extract.entity.OrganizationKind;
import org.newsgraph.extract.rules.RoleAnnotation;

/**
 * The features of a relation candidate that the classifier weighs: the types and kinds of the two
 * mentions, what kind of organisation a name denotes (a school, a party, a company), their order
 * and distance, the dependency path between their heads (with and without its words), the words
 * between them and around them, and the roles named between them.
 */
public final class RelationFeatures {

  private static final int MAX_BETWEEN = 12;
  private static final int MAX_PATH = 7;

  private RelationFeatures() {}

  /** Returns the features of a candidate. */
  public static List<String> of(AnnotatedArticle article, RelationCandidate candidate) {
    CoreMap sentence = article.sentences().get(candidate.sentence());
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    SemanticGraph graph =
        sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    Mention subject = candidate.subject().mention();
    Mention object = candidate.objectMention();
    String subjectType = candidate.subject().entity().type().name();
    String objectType =
        candidate.object() != null ? candidate.object().entity().type().name() : "DATE";
    String types = subjectType + ">" + objectType;
    Set<String> features = new LinkedHashSet<>();
    features.add("t=" + types);
    if (candidate.subject().entity().type() == EntityType.ORGANIZATION) {
      features.add(
          "sorg=" + OrganizationKind.of(candidate.subject().entity().name()) + "|" + types);
    }
    if (candidate.object() != null
        && candidate.object().entity().type() == EntityType.ORGANIZATION) {
      features.add("oorg=" + OrganizationKind.of(candidate.object().entity().name()) + "|" + types);
    }
    features.add("sk=" + kind(candidate.subject(), tokens));
    features.add(
        "ok="
            + (candidate.object() != null
                ? kind(candidate.object(), tokens)
                : precision(candidate.date().value())));
    boolean subjectFirst = subject.start() < object.start();
    features.add("ord=" + (subjectFirst ? "SO" : "OS"));

    int[] s = span(tokens, subject);
    int[] o = span(tokens, object);
    int left = subjectFirst ? s[1] : o[1];
    int right = subjectFirst ? o[0] : s[0];
    int distance = Math.max(0, right - left - 1);
    features.add("d=" + bucket(distance));
    if (distance <= MAX_BETWEEN) {
      List<String> between = new ArrayList<>();
      for (int i = left + 1; i < right; i++) {
        CoreLabel token = tokens.get(i);
        String lemma = lemma(token);
        between.add(lemma);
        features.add("bw=" + lemma);
        String role = token.get(RoleAnnotation.class);
        if (role != null) {
          features.add("role=" + role);
          features.add("role+t=" + role + "|" + types);
        }
      }
      if (distance <= 5) {
        features.add("bws=" + String.join("_", between) + "|" + (subjectFirst ? "SO" : "OS"));
      }
    }
    int first = Math.min(s[0], o[0]);
    int last = Math.max(s[1], o[1]);
    features.add("l1=" + (first > 0 ? lemma(tokens.get(first - 1)) : "<s>"));
    features.add("r1=" + (last + 1 < tokens.size() ? lemma(tokens.get(last + 1)) : "</s>"));
    if (first > 1) {
      features.add("l2=" + lemma(tokens.get(first - 2)) + "_" + lemma(tokens.get(first - 1)));
    }
    if (last + 2 < tokens.size()) {
      features.add("r2=" + lemma(tokens.get(last + 1)) + "_" + lemma(tokens.get(last + 2)));
    }
    path(graph, tokens, s, o, types, features);
    return List.copyOf(features);
  }

  private static void path(
      SemanticGraph graph,
      List<CoreLabel> tokens,
      int[] subject,
      int[] object,
      String types,
      Set<String> features) {
    if (graph == null) {
      return;
    }
    IndexedWord from = graph.getNodeByIndexSafe(head(graph, subject) + 1);
    IndexedWord to = graph.getNodeByIndexSafe(head(graph, object) + 1);
    if (from == null || to == null || from.equals(to)) {
      features.add("path=none");
      return;
    }
    List<SemanticGraphEdge> edges = graph.getShortestUndirectedPathEdges(from, to);
    if (edges == null || edges.isEmpty()) {
      features.add("path=none");
      return;
    }
    features.add("plen=" + Math.min(edges.size(), MAX_PATH));
    if (edges.size() > MAX_PATH) {
      return;
    }
    StringBuilder lexical = new StringBuilder();
    StringBuilder bare = new StringBuilder();
    IndexedWord at = from;
    for (int i = 0; i < edges.size(); i++) {
      SemanticGraphEdge edge = edges.get(i);
      String relation = edge.getRelation().toString();
      boolean down = edge.getGovernor().equals(at);
      String step = (down ? ">" : "<") + relation;
      bare.append(step);
      lexical.append(step);
      features.add("pe=" + step);
      at = down ? edge.getDependent() : edge.getGovernor();
      if (i < edges.size() - 1) {
        String lemma = lemma(at.backingLabel());
        lexical.append('[').append(lemma).append(']');
        features.add("pl=" + lemma);
        features.add("pl+t=" + lemma + "|" + types);
      }
    }
    features.add("path=" + lexical);
    features.add("upath=" + bare);
    features.add("upath+t=" + bare + "|" + types);
    features.add("path+t=" + lexical + "|" + types);
  }

  /** The token of the span whose governor lies outside it, 0-based. */
  private static int head(SemanticGraph graph, int[] span) {
    for (int i = span[0]; i <= span[1]; i++) {
      IndexedWord node = graph.getNodeByIndexSafe(i + 1);
      if (node == null) {
        continue;
      }
      boolean outside = false;
      for (SemanticGraphEdge edge : graph.incomingEdgeIterable(node)) {
        int governor = edge.getGovernor().index() - 1;
        if (governor < span[0] || governor > span[1]) {
          outside = true;
        }
      }
      if (outside || graph.getRoots().contains(node)) {
        return i;
      }
    }
    return span[1];
  }

  /** The tokens a mention covers, as 0-based first and last indexes in the sentence. */
  static int[] span(List<CoreLabel> tokens, Mention mention) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel token = tokens.get(i);
      if (token.beginPosition() < mention.end() && mention.start() < token.endPosition()) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      throw new IllegalStateException("mention " + mention + " is not in its sentence");
    }
    return new int[] {first, last};
  }

  private static String kind(EntityMention mention, List<CoreLabel> tokens) {
    if (mention.named()) {
      return "NAME";
    }
    int[] span = span(tokens, mention.mention());
    String tag = tokens.get(span[0]).tag();
    if (span[0] == span[1] && tag != null && tag.startsWith("W")) {
      return "REL";
    }
    if (span[0] == span[1] && tag != null && tag.startsWith("PRP")) {
      return tag.equals("PRP$") ? "POSS" : "PRO";
    }
    return "DESC";
  }

  private static String precision(String date) {
    return date.length() == 4 ? "YEAR" : date.length() == 7 ? "MONTH" : "DAY";
  }

  private static String bucket(int distance) {
    if (distance <= 2) {
      return Integer.toString(distance);
    }
    return distance <= 4 ? "3-4" : distance <= 7 ? "5-7" : distance <= 12 ? "8-12" : "13+";
  }

  private static String lemma(CoreLabel token) {
    String lemma = token.lemma() != null ? token.lemma() : token.word();
    return lemma.toLowerCase(Locale.ROOT);
  }
}
