package org.newsgraph.extract.check;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Set;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import org.newsgraph.extract.rules.WordLists;

/**
 * A head office is where a company is based, not any place its sentence names (where it opens a
 * factory, files for bankruptcy or does business). The sentence must say so with a word of being
 * based ("based", "headquartered", "head office") within two dependency edges of the place, and
 * nearer the company than any other organisation (at most six edges); the rules of {@code
 * headquarteredIn.rules} say it by construction. A possessive place ("Ireland's Ryanair") never
 * suffices.
 */
final class HeadOffice implements FactCheck {

  private static final int NEAR_PLACE = 2;
  private static final int NEAR_COMPANY = 6;

  private final Set<String> base;
  private final Set<String> office;
  private final Set<String> officeModifiers;

  HeadOffice(WordLists cues) {
    base = cues.get("base");
    office = cues.get("office");
    officeModifiers = cues.get("office-modifier");
  }

  @Override
  public String name() {
    return "head-office";
  }

  @Override
  public boolean admits(FactSentence fact) {
    if (fact.fact().relation() != Relation.HEADQUARTERED_IN) {
      return true;
    }
    IndexedWord company = fact.subject();
    IndexedWord place = fact.object();
    if (company == null || place == null) {
      return false;
    }
    SemanticGraph graph = fact.graph();
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(place)) {
      if (edge.getRelation().toString().equals("nmod:poss") && edge.getGovernor().equals(company)) {
        return false;
      }
    }
    if (fact.fact().evidence().foundBy(PatternRelationExtractor.NAME)) {
      return true;
    }
    for (IndexedWord word : graph.vertexSet()) {
      if (isCue(graph, word) && distance(graph, word, place) <= NEAR_PLACE) {
        int toCompany = distance(graph, word, company);
        if (toCompany <= NEAR_COMPANY && !nearerCompany(fact, word, toCompany)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether another organisation than the fact's stands nearer the word of being based. */
  private static boolean nearerCompany(FactSentence fact, IndexedWord cue, int distance) {
    for (IndexedWord word : fact.graph().vertexSet()) {
      if (!"ORGANIZATION".equals(FactSentence.entityType(word)) || fact.inArgument(word)) {
        continue;
      }
      boolean other =
          fact.article()
              .entities()
              .at(word.beginPosition(), word.endPosition())
              .map(m -> !m.entity().equals(fact.fact().subject()))
              .orElse(false);
      // A name beside the company's ("Riot City Ravens (RCR)") is another name of it, or a part.
      boolean beside = distance(fact.graph(), word, fact.subject()) <= 1;
      if (other
          && !beside
          && distance(fact.graph(), cue, word) < distance
          && !coordinated(fact, cue, word)) {
        return true;
      }
    }
    return false;
  }

  private boolean isCue(SemanticGraph graph, IndexedWord word) {
    String lemma = FactSentence.lemma(word);
    String tag = word.tag() == null ? "" : word.tag();
    // "based in", "Denver-based", "headquarters": not "basing its model on".
    if (!(tag.equals("VBN") || tag.startsWith("JJ") || tag.startsWith("NN") || tag.equals("IN"))) {
      return false;
    }
    if (base.contains(lemma) || lemma.endsWith("-based") || lemma.endsWith("-headquartered")) {
      return true;
    }
    return office.contains(lemma)
        && graph.getChildren(word).stream()
            .anyMatch(child -> officeModifiers.contains(FactSentence.lemma(child)));
  }

  /** Whether the way between two words goes through a coordination, where parses go astray. */
  private static boolean coordinated(FactSentence fact, IndexedWord from, IndexedWord to) {
    List<SemanticGraphEdge> edges = fact.graph().getShortestUndirectedPathEdges(from, to);
    return edges != null
        && edges.stream().anyMatch(e -> e.getRelation().toString().startsWith("conj"));
  }

  private static int distance(SemanticGraph graph, IndexedWord from, IndexedWord to) {
    if (from.equals(to)) {
      return 0;
    }
    List<IndexedWord> nodes = graph.getShortestUndirectedPathNodes(from, to);
    return nodes == null ? Integer.MAX_VALUE : nodes.size() - 1;
  }
}
