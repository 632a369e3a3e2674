package org.newsgraph.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions the query benchmark asks both servers: SPARQL that both answer alike (an entity's
 * facts, its neighbourhood, a path of two steps, a month's events, facts by relation, a word in a
 * name) and Newsgraph's REST calls beside the SPARQL that answers the same. Each request is made
 * from entities, connected pairs and name words sampled from the graph being served.
 */
final class QueryMix {

  private QueryMix() {}

  /**
   * @param ours Newsgraph's base URL
   * @param theirs Fuseki's query endpoint
   * @param s what to ask about, sampled from the graph both serve
   */
  static List<QueryBench.Question> questions(String ours, String theirs, Samples s) {
    String sparql = ours + "/sparql";
    Function<Random, String> entity = r -> s.entities.get(r.nextInt(s.entities.size()));
    Function<Random, String[]> pair = r -> s.paths.get(r.nextInt(s.paths.size()));
    Function<Random, String> month =
        r -> LocalDate.of(2024, 1, 1).plusMonths(r.nextInt(22)).toString().substring(0, 7);
    Function<Random, String> word = r -> s.words.get(r.nextInt(s.words.size()));
    Function<String, String> lookup = e -> "SELECT ?p ?o WHERE { <" + e + "> ?p ?o }";
    Function<String, String> neighbours =
        e ->
            "SELECT DISTINCT ?p ?n WHERE { { <"
                + e
                + "> ?p ?n } UNION { ?n ?p <"
                + e
                + "> }"
                + " FILTER(isIRI(?n) && STRSTARTS(STR(?n), \"https://newsgraph.org/id/entity/\")) } LIMIT 100";
    Function<String[], String> path =
        p ->
            "SELECT ?p1 ?mid ?p2 WHERE { <"
                + p[0]
                + "> ?p1 ?mid . ?mid ?p2 <"
                + p[1]
                + "> } LIMIT 10";
    Function<String, String> timeline =
        m ->
            "SELECT ?e ?date ?type WHERE { ?e a ng:Event ; a ?type ; ng:date ?date"
                + " FILTER(?type != ng:Event && ?date >= \""
                + m
                + "-01\"^^xsd:date && ?date <= \""
                + m
                + "-28\"^^xsd:date) } ORDER BY ?date LIMIT 50";
    String counts =
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?f a ng:Assertion ; rdf:predicate ?p } GROUP BY ?p";
    Function<String, String> search =
        w ->
            "SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \""
                + w
                + "\")) } LIMIT 20";
    Function<String, String> id = e -> e.substring("https://newsgraph.org/id/entity/".length());
    java.util.function.BiFunction<String, Function<Random, String>, QueryBench.Question> same =
        (name, query) ->
            new QueryBench.Question(
                "SPARQL: " + name,
                r -> QueryBench.sparql(sparql, query.apply(r)),
                r -> QueryBench.sparql(theirs, query.apply(r)));
    return List.of(
        same.apply("entity lookup", r -> lookup.apply(entity.apply(r))),
        same.apply("neighbourhood", r -> neighbours.apply(entity.apply(r))),
        same.apply("path of two steps", r -> path.apply(pair.apply(r))),
        same.apply("timeline of a month", r -> timeline.apply(month.apply(r))),
        same.apply("facts by relation", r -> counts),
        same.apply("name contains a word", r -> search.apply(word.apply(r))),
        new QueryBench.Question(
            "REST search vs SPARQL name contains",
            r -> QueryBench.get(ours + "/api/entities?limit=20&q=" + enc(word.apply(r))),
            r -> QueryBench.sparql(theirs, search.apply(word.apply(r)))),
        new QueryBench.Question(
            "REST neighbourhood vs SPARQL",
            r ->
                QueryBench.get(
                    ours
                        + "/api/entities/"
                        + id.apply(entity.apply(r))
                        + "/neighbourhood?depth=1&limit=100"),
            r -> QueryBench.sparql(theirs, neighbours.apply(entity.apply(r)))),
        new QueryBench.Question(
            "REST paths vs SPARQL",
            r -> {
              String[] p = pair.apply(r);
              return QueryBench.get(
                  ours
                      + "/api/paths?maxLength=2&from="
                      + enc(id.apply(p[0]))
                      + "&to="
                      + enc(id.apply(p[1])));
            },
            r -> QueryBench.sparql(theirs, path.apply(pair.apply(r)))),
        new QueryBench.Question(
            "REST events vs SPARQL timeline",
            r -> {
              String m = month.apply(r);
              return QueryBench.get(
                  ours + "/api/events?limit=50&from=" + m + "-01&to=" + m + "-28");
            },
            r -> QueryBench.sparql(theirs, timeline.apply(month.apply(r)))),
        new QueryBench.Question(
            "REST stats vs SPARQL facts by relation",
            r -> QueryBench.get(ours + "/api/stats"),
            r -> QueryBench.sparql(theirs, counts)));
  }

  /** Entities, connected pairs and name words to ask about, taken from the graph. */
  record Samples(List<String> entities, List<String[]> paths, List<String> words) {

    static Samples of(String endpoint) throws Exception {
      List<String> entities = new ArrayList<>();
      for (JsonNode row :
          select(
              endpoint,
              "SELECT ?e WHERE { { ?e a ng:Person } UNION { ?e a ng:Organization } } LIMIT 2000")) {
        entities.add(row.at("/e/value").asString());
      }
      List<String[]> paths = new ArrayList<>();
      for (JsonNode row :
          select(
              endpoint,
              "SELECT ?a ?b WHERE { ?a ng:worksFor ?x . ?x ng:competesWith ?b } LIMIT 500")) {
        paths.add(new String[] {row.at("/a/value").asString(), row.at("/b/value").asString()});
      }
      List<String> words = new ArrayList<>();
      for (JsonNode row :
          select(endpoint, "SELECT ?l WHERE { ?e a ng:Organization ; rdfs:label ?l } LIMIT 300")) {
        words.add(row.at("/l/value").asString().split(" ")[0].toLowerCase(Locale.ROOT));
      }
      return new Samples(entities, paths, words);
    }

    long count(String endpoint, String query) throws Exception {
      return Long.parseLong(select(endpoint, query).get(0).at("/n/value").asString());
    }

    private static List<JsonNode> select(String endpoint, String query) throws Exception {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(QueryBench.sparql(endpoint, query), HttpResponse.BodyHandlers.ofString());
      List<JsonNode> rows = new ArrayList<>();
      JsonMapper.shared().readTree(answer.body()).at("/results/bindings").forEach(rows::add);
      return rows;
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
