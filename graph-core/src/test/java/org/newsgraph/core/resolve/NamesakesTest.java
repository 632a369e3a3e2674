package org.newsgraph.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.Namesakes.Statement;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.ontology.IriMinter;

/**
 * People who share a name but not an organisation: the rule that tells them apart, and a store that
 * gives each an IRI of their own in the articles that name them, in any order of articles, after
 * deletes and under analysts' decisions.
 */
class NamesakesTest {

  private static final String BASE = IriMinter.ENTITY_BASE;
  private static final EntityKey PRIYA = new EntityKey("person", "priya-raman");
  private static final String PLAIN = BASE + "person/priya-raman";
  private static final String AT_LUMORA = BASE + "person/priya-raman--lumora-labs";
  private static final String AT_ZENDESK = BASE + "person/priya-raman--zendesk";
  private static final String LUMORA = BASE + "organization/lumora-labs";
  private static final String ZENDESK = BASE + "organization/zendesk";

  @TempDir Path folder;

  private static Statement stating(String article, String... organisations) {
    return new Statement(article, Set.of(organisations), Set.of());
  }

  private static Statement naming(String article, String... entities) {
    return new Statement(article, Set.of(), Set.of(entities));
  }

  @Test
  void peopleOfOneNameWhoseArticlesStateOrganisationsThatShareNoneGetAnIriEach() {
    Map<String, String> iris =
        Namesakes.decide(
            PRIYA, List.of(stating("a1", LUMORA), stating("a2", LUMORA), stating("a3", ZENDESK)));

    assertThat(iris)
        .containsEntry("a1", AT_LUMORA)
        .containsEntry("a2", AT_LUMORA)
        .containsEntry("a3", AT_ZENDESK);
  }

  @Test
  void aNameNoConflictTouchesKeepsThePlainIriInEveryArticle() {
    Map<String, String> iris =
        Namesakes.decide(
            PRIYA, List.of(stating("a1", LUMORA), naming("a2", ZENDESK), stating("a3", LUMORA)));

    assertThat(iris.values()).containsOnly(PLAIN).hasSize(3);
  }

  @Test
  void anArticleThatStatesTwoOrganisationsMakesTheirPeopleOne() {
    Map<String, String> iris =
        Namesakes.decide(
            PRIYA,
            List.of(stating("a1", LUMORA), stating("a2", ZENDESK), stating("a3", LUMORA, ZENDESK)));

    assertThat(iris.values()).containsOnly(PLAIN);
  }

  @Test
  void anArticleThatStatesNoOrganisationGoesToTheOneGroupWhoseOrganisationItNames() {
    String openai = BASE + "wiki/openai";
    Map<String, String> iris =
        Namesakes.decide(
            PRIYA,
            List.of(
                stating("a1", LUMORA),
                stating("a2", ZENDESK),
                naming("a3", ZENDESK, openai),
                naming("a4", LUMORA, ZENDESK),
                naming("a5", openai)));

    assertThat(iris)
        .containsEntry("a3", AT_ZENDESK)
        .containsEntry("a4", PLAIN)
        .containsEntry("a5", PLAIN);
  }

  @Test
  void aGroupIsKnownByTheOrganisationMostOfItsArticlesState() {
    String lumoraAi = BASE + "organization/lumora-ai";
    Map<String, String> iris =
        Namesakes.decide(
            PRIYA,
            List.of(
                stating("a1", lumoraAi, LUMORA),
                stating("a2", LUMORA),
                stating("a3", ZENDESK),
                stating("a4", lumoraAi, LUMORA)));

    assertThat(iris).containsEntry("a1", AT_LUMORA).containsEntry("a4", AT_LUMORA);
  }

  @Test
  void theDecisionDoesNotDependOnTheOrderOfTheArticles() {
    List<Statement> articles =
        new ArrayList<>(
            List.of(
                stating("a1", LUMORA),
                stating("a2", ZENDESK),
                stating("a3", BASE + "organization/solvane", ZENDESK),
                naming("a4", LUMORA),
                naming("a5", LUMORA, ZENDESK)));
    Map<String, String> first = Namesakes.decide(PRIYA, articles);
    for (long seed = 1; seed <= 5; seed++) {
      Collections.shuffle(articles, new Random(seed));
      assertThat(Namesakes.decide(PRIYA, articles)).isEqualTo(first);
    }
    assertThat(first.get("a3")).isEqualTo(AT_ZENDESK);
  }

  // ---------------------------------------------------------------------------------------------
  // In a store

  /** An article in which Priya Raman is tied to an organisation, and names others. */
  private static Extraction priya(
      String id, Relation relation, Entity organisation, Entity... more) {
    String text =
        "Priya Raman spoke about " + organisation.name() + " on Monday" + names(more) + ".";
    Entity person =
        new Entity(
            EntityType.PERSON,
            "Priya Raman",
            List.of(),
            List.of(Fixtures.mention(text, "Priya Raman")));
    Entity named = mentioned(organisation, text);
    List<Entity> entities = new ArrayList<>(List.of(person, named));
    for (Entity other : more) {
      entities.add(mentioned(other, text));
    }
    List<Fact> facts = new ArrayList<>();
    if (relation != null) {
      facts.add(
          Fact.between(
              relation,
              person,
              Fixtures.mention(text, "Priya Raman"),
              named,
              Fixtures.mention(text, organisation.name()),
              new Evidence(text, 0, text.length(), "test", 0.9)));
    }
    return new Extraction(
        new Article(id, text, null, null, null), entities, facts, List.of(), List.of());
  }

  private static String names(Entity... more) {
    StringBuilder text = new StringBuilder();
    for (Entity other : more) {
      text.append(", beside ").append(other.name());
    }
    return text.toString();
  }

  private static Entity mentioned(Entity entity, String text) {
    Entity named =
        new Entity(
            entity.type(),
            entity.name(),
            List.of(),
            List.of(Fixtures.mention(text, entity.name())));
    return entity.link() == null ? named : named.withLink(entity.link());
  }

  private static Entity company(String name) {
    return Entity.named(EntityType.ORGANIZATION, name);
  }

  private static List<Extraction> corpus() {
    return List.of(
        priya("l1", Relation.FOUNDED, company("Lumora Labs")),
        priya("l2", Relation.HEADS, company("Lumora Labs")),
        priya("z1", Relation.WORKS_FOR, company("Zendesk")),
        // No organisation stated: one names Zendesk only, one names neither company.
        priya("z2", null, company("Zendesk"), Entity.named(EntityType.PLACE, "Seattle")),
        priya("n1", null, company("OpenAI")),
        Fixtures.nordvik());
  }

  /** The IRI each article's graph gives Priya Raman. */
  private static Map<String, String> priyaByArticle(Tdb2GraphStore store) {
    Map<String, String> iris = new TreeMap<>();
    for (String id : store.articleIds()) {
      String iri = store.articleEntity(id, PLAIN);
      if (!id.startsWith("nordvik")) {
        iris.put(id, iri);
      }
    }
    return iris;
  }

  private static Set<String> resolutionGraph(Tdb2GraphStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.export(out, Lang.NQUADS);
    Set<String> quads = new TreeSet<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.endsWith("<" + IriMinter.RESOLUTION_GRAPH + "> .")) {
        quads.add(line);
      }
    }
    return quads;
  }

  @Test
  void aStoreGivesEachNamesakeAnIriOfTheirOwnAndLeavesOtherNamesPlain() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("store"))) {
      corpus().forEach(store::replaceArticle);

      assertThat(priyaByArticle(store))
          .containsEntry("l1", AT_LUMORA)
          .containsEntry("l2", AT_LUMORA)
          .containsEntry("z1", AT_ZENDESK)
          .containsEntry("z2", AT_ZENDESK)
          .containsEntry("n1", PLAIN);
      // The graph itself, names and facts, follows the person's IRI.
      assertThat(
              store
                  .articleGraph("z1")
                  .orElseThrow()
                  .contains(
                      org.apache.jena.rdf.model.ResourceFactory.createResource(AT_ZENDESK),
                      org.newsgraph.ontology.NG.worksFor))
          .isTrue();
      assertThat(store.articleEntity("nordvik-1", BASE + "person/maria-lindqvist"))
          .isEqualTo(BASE + "person/maria-lindqvist");
      assertThat(store.namesakes(PLAIN)).containsExactly(AT_LUMORA, AT_ZENDESK);
      // The article that says nothing of which one it is stays plain, for an analyst to decide.
      assertThat(hasPair(store, PLAIN, AT_LUMORA)).isTrue();
      assertThat(hasPair(store, PLAIN, AT_ZENDESK)).isTrue();
      assertThat(hasPair(store, AT_LUMORA, AT_ZENDESK)).isFalse();
      // No rule merges the namesakes back together.
      assertThat(store.keptEntity(AT_LUMORA)).isEqualTo(AT_LUMORA);
      assertThat(store.keptEntity(AT_ZENDESK)).isEqualTo(AT_ZENDESK);
      assertThat(store.keptEntity(PLAIN)).isEqualTo(PLAIN);
    }
  }

  @Test
  void theSameArticlesInAnyOrderGiveTheSameNamesakes() {
    Map<String, String> first;
    Set<String> resolution;
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("first"))) {
      corpus().forEach(store::replaceArticle);
      first = priyaByArticle(store);
      resolution = resolutionGraph(store);
    }
    for (long seed = 1; seed <= 3; seed++) {
      List<Extraction> shuffled = new ArrayList<>(corpus());
      Collections.shuffle(shuffled, new Random(seed));
      try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("order-" + seed))) {
        shuffled.forEach(store::replaceArticle);

        assertThat(priyaByArticle(store)).isEqualTo(first);
        assertThat(resolutionGraph(store)).isEqualTo(resolution);
      }
    }
  }

  @Test
  void whenTheConflictGoesThePlainIriComesBackAndTheQualifiedOneRedirectsToIt() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("store"))) {
      corpus().forEach(store::replaceArticle);

      store.deleteArticle("n1");
      store.deleteArticle("z1");
      store.deleteArticle("z2");

      assertThat(priyaByArticle(store))
          .containsOnly(Map.entry("l1", PLAIN), Map.entry("l2", PLAIN));
      assertThat(store.keptEntity(AT_LUMORA)).isEqualTo(PLAIN);
      assertThat(store.namesakes(PLAIN)).isEmpty();
      // The name index follows the articles' graphs: no name is left under the IRI gone.
      assertThat(store.searchEntities("Priya Raman", EntityType.PERSON, 10, 0))
          .extracting(org.newsgraph.core.store.EntityHit::iri)
          .containsExactly(PLAIN);

      store.replaceArticle(corpus().get(2));

      assertThat(priyaByArticle(store))
          .containsEntry("l1", AT_LUMORA)
          .containsEntry("z1", AT_ZENDESK);
      assertThat(store.keptEntity(AT_LUMORA)).isEqualTo(AT_LUMORA);
    }
  }

  @Test
  void organisationsAreComparedByTheIriKeptForThemWhicheverArticleComesLast() {
    Extraction byShortName = priya("s1", Relation.WORKS_FOR, company("Lumora"));
    Extraction byLink =
        priya("s2", Relation.FOUNDED, company("Lumora Labs").withLink("Lumora_Labs"));
    // An article that links the short name to the same page as the full one.
    Extraction linking =
        new Extraction(
            new Article("s3", "Lumora grew.", null, null, null),
            List.of(
                new Entity(
                        EntityType.ORGANIZATION,
                        "Lumora",
                        List.of(),
                        List.of(Fixtures.mention("Lumora grew.", "Lumora")))
                    .withLink("Lumora_Labs")),
            List.of(),
            List.of(),
            List.of());
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("apart"))) {
      store.replaceArticle(byShortName);
      store.replaceArticle(byLink);
      assertThat(store.namesakes(PLAIN)).hasSize(2);
    }
    List<List<Extraction>> orders =
        List.of(
            List.of(byShortName, byLink, linking),
            List.of(linking, byShortName, byLink),
            List.of(byLink, linking, byShortName));
    for (int i = 0; i < orders.size(); i++) {
      try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("order-" + i))) {
        orders.get(i).forEach(store::replaceArticle);

        assertThat(store.articleEntity("s1", PLAIN)).as("order %d", i).isEqualTo(PLAIN);
        assertThat(store.articleEntity("s2", PLAIN)).as("order %d", i).isEqualTo(PLAIN);
        assertThat(store.namesakes(PLAIN)).isEmpty();
      }
    }
  }

  @Test
  void aBulkLoadOfArticleGraphsMintedByNameAloneTellsTheNamesakesApart() throws Exception {
    // What the Spark pass writes and `newsgraph load` reads: every person under the plain IRI.
    org.apache.jena.sparql.core.DatasetGraph graphs =
        org.apache.jena.sparql.core.DatasetGraphFactory.create();
    for (Extraction article : corpus()) {
      graphs.addGraph(
          IriMinter.article(article.article().id()).asNode(),
          org.newsgraph.core.rdf.ArticleGraph.of(
                  article, EntityResolver.minting(), java.time.Instant.EPOCH)
              .getGraph());
    }
    Path file = folder.resolve("graphs.nq");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      org.apache.jena.riot.RDFDataMgr.write(out, graphs, Lang.NQUADS);
    }
    Tdb2GraphStore.bulkLoad(folder.resolve("loaded"), List.of(file), (format, args) -> {});

    Map<String, String> incremental;
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("one-by-one"))) {
      corpus().forEach(store::replaceArticle);
      incremental = priyaByArticle(store);
    }
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("loaded"))) {
      assertThat(priyaByArticle(store)).isEqualTo(incremental).containsEntry("z1", AT_ZENDESK);
      // The name index, built on opening, finds the person under the IRI the graphs give now.
      assertThat(store.searchEntities("Priya Raman", EntityType.PERSON, 10, 0))
          .extracting(org.newsgraph.core.store.EntityHit::iri)
          .contains(AT_LUMORA, AT_ZENDESK);
    }
  }

  @Test
  void analystsDecideAboutQualifiedIrisAsAboutAnyOther() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("store"))) {
      corpus().forEach(store::replaceArticle);

      Decisions.Decision merge =
          store.decide(Decisions.Kind.MERGE, AT_ZENDESK, AT_LUMORA, null, "ana", "one career");
      assertThat(store.keptEntity(AT_ZENDESK)).isEqualTo(AT_LUMORA);
      assertThat(store.mergedInto(AT_LUMORA)).contains(AT_ZENDESK);

      assertThat(hasPair(store, PLAIN, AT_LUMORA)).isTrue();
      store.decide(Decisions.Kind.NOT_SAME, PLAIN, AT_LUMORA, null, "ana", "another Priya");
      assertThat(hasPair(store, PLAIN, AT_LUMORA)).isFalse();
      assertThat(hasPair(store, PLAIN, AT_ZENDESK)).isTrue();

      store.undoDecision(merge.id());
      assertThat(store.keptEntity(AT_ZENDESK)).isEqualTo(AT_ZENDESK);
    }
  }

  @Test
  void aFactRejectedAboutTheNameStaysRejectedForTheNamesakeItsArticleGoesTo() {
    Extraction rejectedHere = priya("zx", Relation.WORKS_FOR, company("Zendesk"));
    org.apache.jena.rdf.model.Resource atZendesk =
        org.apache.jena.rdf.model.ResourceFactory.createResource(AT_ZENDESK);
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("store"))) {
      store.replaceArticle(rejectedHere);
      store.decideFact(
          Decisions.Kind.REJECT_FACT,
          FactKey.of(PLAIN, org.newsgraph.ontology.NG.worksFor.getURI(), ZENDESK, null),
          "ana",
          "she never worked there");

      store.replaceArticle(corpus().get(0));
      // Another fact ties a Priya Raman to Zendesk: her name is contested now.
      store.replaceArticle(priya("z3", Relation.HEADS, company("Zendesk")));
      store.replaceArticle(rejectedHere);

      // Rejected, the fact says nothing of who she is: the article goes by the company it names.
      assertThat(store.articleEntity("zx", PLAIN)).isEqualTo(AT_ZENDESK);
      assertThat(store.articleGraph("zx").orElseThrow().containsResource(atZendesk)).isTrue();
      assertThat(statesWork(store, "zx", atZendesk)).isFalse();

      store.decide(Decisions.Kind.MERGE, AT_ZENDESK, AT_LUMORA, null, "ana", "one career");

      assertThat(statesWork(store, "zx", atZendesk)).isFalse();
    }
  }

  /** Whether an article's graph holds the plain triple that a person works for someone. */
  private static boolean statesWork(
      Tdb2GraphStore store, String article, org.apache.jena.rdf.model.Resource person) {
    return store
        .articleGraph(article)
        .orElseThrow()
        .contains(person, org.newsgraph.ontology.NG.worksFor);
  }

  /**
   * Whether the resolution graph holds the pair, possibly the same, that the same-name rule leaves
   * for review (its node is named by the rule, the group and the two IRIs, the smaller first).
   */
  private static boolean hasPair(Tdb2GraphStore store, String first, String second) {
    String node =
        IriMinter.sha256(
                EntityResolution.SAME_NAME
                    + "\n"
                    + EntityResolution.nameKey("Priya Raman")
                    + "\n"
                    + first
                    + " "
                    + second)
            .substring(0, 24);
    return resolutionGraph(store).stream()
        .anyMatch(
            q ->
                q.contains(
                    "possibly-same/"
                        + node
                        + "> <"
                        + org.newsgraph.ontology.NG.candidate.getURI()));
  }
}
