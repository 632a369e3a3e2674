package org.newsgraph.core.store;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateExecutionBuilder;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.EntityResolver;
import org.newsgraph.core.resolve.FactDecisions;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.core.resolve.Namesakes;
import org.newsgraph.core.resolve.ResolutionGraph;
import org.newsgraph.ontology.IriMinter;
import org.newsgraph.ontology.NG;
import org.newsgraph.ontology.Ontology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GraphStore} on an Apache Jena TDB2 database in a folder.
 *
 * <p>The default graph of queries is the union of the named graphs. Each write validates the
 * article graph against the ontology's SHACL shapes first, then replaces the named graph inside one
 * write transaction. TDB2 lets one process at a time open a folder.
 *
 * <p>Why one class of this size: it is the whole {@link GraphStore} interface on one database, and
 * each operation is a few lines around the same dataset, transactions and record of what runs;
 * opening, closing and bulk loading share the claim on the folder. What stands apart already does:
 * the search index ({@code SearchIndex}, {@code Passages}), the bounds on queries ({@code
 * QueryGuard}, {@code BoundedExpressions}), what it shares with the remote store ({@code
 * StoreSupport}), and who is who ({@link ResolutionGraph}).
 */
public final class Tdb2GraphStore implements GraphStore {

  private static final Logger log = LoggerFactory.getLogger(Tdb2GraphStore.class);

  /** The folder used when none is configured. */
  public static final Path DEFAULT_FOLDER = Path.of("data");

  /**
   * The folder, inside the store's, of the Lucene index of entity names and article text; named
   * before it held text, and kept so that existing stores keep their index.
   */
  static final String NAME_INDEX = "name-index";

  private static final String SEARCH =
      """
      PREFIX text: <http://jena.apache.org/text#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      SELECT ?entity (SAMPLE(?label) AS ?name) (SAMPLE(?class) AS ?type) (MAX(?hit) AS ?score)
      WHERE {
        (?entity ?hit) text:query (rdfs:label ?query ?hits) .
        ?entity rdfs:label ?label ; a ?class .
        %s
      }
      GROUP BY ?entity
      ORDER BY DESC(?score) ?name
      """;
  private static final Query SEARCH_ANY_TYPE =
      QueryFactory.create(
          SEARCH.formatted(
              "FILTER(?class IN (<%s>, <%s>, <%s>, <%s>))"
                  .formatted(
                      NG.Person.getURI(),
                      NG.Organization.getURI(),
                      NG.Place.getURI(),
                      NG.Product.getURI())));
  private static final Query SEARCH_ONE_TYPE =
      QueryFactory.create(SEARCH.formatted("FILTER(?class = ?wanted)"));

  private static final Query SEARCH_ARTICLES = load("article-search.rq");

  /** How long closing waits for cancelled queries and updates to stop. */
  private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(3);

  /** The folders of the stores open in this process: TDB2 would share one silently. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private final Path folder;

  /** Counts the committed writes, so readers can cache what they computed between two. */
  private final java.util.concurrent.atomic.AtomicLong version =
      new java.util.concurrent.atomic.AtomicLong();

  /** The TDB2 database. */
  private final Dataset tdb;

  /**
   * The database with its name index: every read and write goes through this, except the quads of
   * new article graphs that the index does not hold (see {@link #replaceGraphs}).
   */
  private final Dataset dataset;

  /** What runs on the store: closing it cancels queries and updates, and waits for the rest. */
  private final StoreActivity activity = new StoreActivity();

  private final AtomicBoolean closed = new AtomicBoolean();

  private final EntityResolver resolver;
  private final Clock clock;
  private final Runnable beforeCommit;

  /** Held while the store compacts: one compaction at a time, asked for or automatic. */
  private final Object compacting = new Object();

  /** Compacts the store once writes have made it grow enough. */
  private final AutoCompaction compaction;

  private Tdb2GraphStore(
      Path folder,
      Dataset tdb,
      Dataset dataset,
      EntityResolver resolver,
      Clock clock,
      Runnable beforeCommit,
      AutoCompaction.Policy policy) {
    this.folder = folder;
    this.tdb = tdb;
    this.dataset = dataset;
    this.resolver = resolver;
    this.clock = clock;
    this.beforeCommit = beforeCommit;
    this.compaction = new AutoCompaction(folder, policy, this::compact);
  }

  /**
   * Opens the TDB2 database in a folder, creating the folder and the database if needed.
   *
   * @throws GraphException if the folder cannot be used, or another process has it open
   */
  public static Tdb2GraphStore open(Path folder) {
    return open(folder, true);
  }

  /**
   * Opens the TDB2 database in a folder, creating the folder and the database if needed, and says
   * whether it compacts on its own once writes have made it grow: every store does, but a benchmark
   * that compacts on a schedule of its own.
   *
   * @throws GraphException if the folder cannot be used, or another process has it open
   */
  public static Tdb2GraphStore open(Path folder, boolean autoCompact) {
    return open(
        folder,
        EntityResolver.minting(),
        Clock.systemUTC(),
        () -> {},
        autoCompact ? AutoCompaction.Policy.DEFAULT : AutoCompaction.Policy.NEVER);
  }

  /** Opens the store with a given resolver, clock and a hook run just before each commit. */
  static Tdb2GraphStore open(
      Path folder, EntityResolver resolver, Clock clock, Runnable beforeCommit) {
    return open(folder, resolver, clock, beforeCommit, AutoCompaction.Policy.DEFAULT);
  }

  /** Opens the store with a given resolver, clock, hook and compaction policy. */
  static Tdb2GraphStore open(
      Path folder,
      EntityResolver resolver,
      Clock clock,
      Runnable beforeCommit,
      AutoCompaction.Policy policy) {
    requireNonNull(folder, "folder");
    Path where = folder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(where);
    } catch (java.io.IOException e) {
      throw new GraphException(
          "cannot create the store folder " + where + ": " + e.getMessage(), e);
    }
    claim(where);
    try {
      Dataset tdb;
      try {
        tdb = TDB2Factory.connectDataset(where.toString());
      } catch (RuntimeException e) {
        throw new GraphException(
            locked(e)
                ? "the store in "
                    + where
                    + " is in use by another process (a server, or another command): stop it"
                    + " first, or read from the server over HTTP"
                : "cannot open the store in " + where + ": " + e.getMessage(),
            e);
      }
      tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
      Dataset dataset = SearchIndex.wrap(tdb, where.resolve(NAME_INDEX));
      dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
      long check = System.nanoTime();
      boolean rebuilt = SearchIndex.bringInStep(dataset, textIndex(dataset));
      long checkMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - check);
      if (rebuilt) {
        log.info("name index of the store {} rebuilt in {} ms", where, checkMs);
      } else {
        log.debug("name index of the store {} checked in {} ms", where, checkMs);
      }
      return new Tdb2GraphStore(where, tdb, dataset, resolver, clock, beforeCommit, policy);
    } catch (RuntimeException e) {
      OPEN.remove(where);
      throw e;
    }
  }

  /**
   * Marks the folder as open in this process, which TDB2 would otherwise share silently.
   *
   * @throws GraphException if it is open already
   */
  private static void claim(Path where) {
    if (!OPEN.add(where)) {
      throw new GraphException(
          "the store in " + where + " is open already in this process; close it first");
    }
  }

  /** Whether TDB2 refused a folder because another process holds its lock. */
  private static boolean locked(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
        return true;
      }
    }
    return false;
  }

  private static TextIndex textIndex(Dataset dataset) {
    return ((DatasetGraphText) dataset.asDatasetGraph()).getTextIndex();
  }

  /** Returns the folder the database lives in. */
  public Path folder() {
    return folder;
  }

  @Override
  public void replaceArticles(List<Extraction> extractions) {
    replaceGraphs(StoreSupport.articleGraphs(extractions, resolver, clock.instant()));
  }

  @Override
  public void replaceGraphs(DatasetGraph articles) {
    requireNonNull(articles, "articles");
    List<Node> names = StoreSupport.articleGraphNames(articles);
    DatasetGraph indexed = dataset.asDatasetGraph();
    DatasetGraph plain = tdb.asDatasetGraph();
    EntityDefinition indexDefinition = textIndex(dataset).getDocDef();
    write(
        () -> {
          // Who is who is decided again for the groups of the entities these articles name, as
          // they were and as they are (see resolve.ResolutionGraph).
          ResolutionGraph.Groups touched = new ResolutionGraph.Groups();
          for (Node name : names) {
            touched.addGraph(plain, name);
            indexed.removeGraph(name);
            // The index's wrapper looks each quad up before adding it, a fifth of the time of a
            // write; only the predicates the index holds (names, aliases) need it. The rest go
            // straight into TDB2, in the same transaction (TDB2's transactions belong to the
            // thread).
            articles
                .find(name, Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(
                    quad ->
                        (indexDefinition.getField(quad.getPredicate()) != null ? indexed : plain)
                            .add(quad));
            touched.addGraph(plain, name);
          }
          // What an analyst rejected is no evidence of who is who: out first, and again after.
          FactDecisions.apply(plain);
          // Through the index: a person of a contested name may move to an IRI of their own, names
          // and all (see resolve.Namesakes).
          ResolutionGraph.refresh(indexed, touched);
          // The articles state again the facts analysts rejected: out they go once more.
          FactDecisions.apply(plain);
          beforeCommit.run();
          return null;
        });
    version.incrementAndGet();
  }

  /**
   * Loads N-Quads or TriG files of article graphs into an empty store with Jena's parallel bulk
   * loader, the fastest way in; the name index is built when the store is next opened. The bulk
   * loader trades crash safety for speed: if the load fails, delete the folder and load again.
   *
   * @return how many quads were loaded
   * @throws GraphException if the store is open, holds articles already, or a file does not parse
   */
  public static long bulkLoad(
      Path folder, List<Path> files, BiConsumer<String, Object[]> progress) {
    Path where = folder.toAbsolutePath().normalize();
    claim(where);
    try {
      var database = DatabaseMgr.connectDatasetGraph(where.toString());
      try {
        if (Txn.calculateRead(database, () -> !database.isEmpty())) {
          throw new GraphException(
              "the store in " + where + " holds articles: bulk loading needs an empty store");
        }
        DataLoader loader =
            LoaderFactory.parallelLoader(database, (format, args) -> progress.accept(format, args));
        loader.startBulk();
        for (Path file : files) {
          try {
            loader.load(file.toString());
          } catch (RuntimeException e) {
            loader.finishException(e);
            throw new GraphException(
                "the bulk load into "
                    + where
                    + " failed at "
                    + file
                    + ": "
                    + e.getMessage()
                    + "; delete the folder and load again",
                e);
          }
        }
        loader.finishBulk();
        // The bulk loader writes the article graphs alone: who is who is decided over them all.
        Txn.executeWrite(
            database,
            () -> {
              ResolutionGraph.refreshAll(database);
              FactDecisions.apply(database);
            });
        return loader.countQuads();
      } finally {
        TDBInternal.expel(database);
      }
    } finally {
      OPEN.remove(where);
    }
  }

  @Override
  public boolean deleteArticle(String articleId) {
    Node name = StoreSupport.graphName(articleId);
    boolean deleted =
        write(
            () -> {
              boolean present = dataset.asDatasetGraph().containsGraph(name);
              if (present) {
                ResolutionGraph.Groups touched =
                    new ResolutionGraph.Groups().addGraph(tdb.asDatasetGraph(), name);
                dataset.asDatasetGraph().removeGraph(name);
                ResolutionGraph.refresh(dataset.asDatasetGraph(), touched);
                beforeCommit.run();
              }
              return present;
            });
    version.incrementAndGet();
    return deleted;
  }

  @Override
  public String keptEntity(String iri) {
    requireNonNull(iri, "iri");
    return read(() -> ResolutionGraph.canonical(tdb.asDatasetGraph(), iri));
  }

  @Override
  public List<String> namesakes(String plainIri) {
    requireNonNull(plainIri, "plainIri");
    return read(() -> Namesakes.of(tdb.asDatasetGraph(), plainIri));
  }

  @Override
  public String articleEntity(String articleId, String iri) {
    requireNonNull(iri, "iri");
    Node name = StoreSupport.graphName(articleId);
    return read(() -> Namesakes.inArticle(tdb.asDatasetGraph(), name, iri));
  }

  @Override
  public boolean decidesIdentity() {
    return true;
  }

  @Override
  public List<String> mergedInto(String kept) {
    requireNonNull(kept, "kept");
    return read(() -> ResolutionGraph.members(tdb.asDatasetGraph(), kept));
  }

  @Override
  public Decisions.Decision decide(
      Decisions.Kind kind, String first, String second, String name, String by, String why) {
    Decisions.Decision decision =
        write(
            () -> {
              DatasetGraph store = dataset.asDatasetGraph();
              Set<String> touched = groupsOf(store, first, second);
              Decisions.Decision made =
                  ResolutionGraph.decide(
                      store, kind, first, second, name, by, clock.instant(), why);
              // A merge may make one fact of a rejected one and another an article states; a
              // "not the same" may part them again.
              touched.addAll(groupsOf(store, first, second));
              FactDecisions.reconcile(store, touched);
              beforeCommit.run();
              return made;
            });
    version.incrementAndGet();
    return decision;
  }

  @Override
  public Optional<Decisions.Decision> undoDecision(String id) {
    requireNonNull(id, "id");
    Optional<Decisions.Decision> undone =
        write(
            () -> {
              DatasetGraph store = dataset.asDatasetGraph();
              Optional<Decisions.Decision> removed = FactDecisions.undo(store, id);
              if (removed.isPresent()) {
                // Another rejection may still hold the fact, keyed by entities merged since.
                FactDecisions.apply(store);
                return removed;
              }
              Set<String> touched =
                  Decisions.find(store, id)
                      .map(d -> groupsOf(store, d.first(), d.second()))
                      .orElseGet(HashSet::new);
              removed = ResolutionGraph.undo(store, id);
              removed.ifPresent(
                  d -> {
                    touched.addAll(groupsOf(store, d.first(), d.second()));
                    FactDecisions.reconcile(store, touched);
                  });
              return removed;
            });
    version.incrementAndGet();
    return undone;
  }

  /** Every IRI of the entities these IRIs stand for now: their groups, the ones kept first. */
  private static Set<String> groupsOf(DatasetGraph store, String... iris) {
    Set<String> members = new LinkedHashSet<>();
    for (String iri : iris) {
      if (iri != null) {
        members.addAll(ResolutionGraph.members(store, ResolutionGraph.canonical(store, iri)));
      }
    }
    return members;
  }

  @Override
  public Decisions.Decision decideFact(Decisions.Kind kind, FactKey fact, String by, String why) {
    Decisions.Decision decision =
        write(
            () -> {
              Decisions.Decision made =
                  FactDecisions.decide(tdb.asDatasetGraph(), kind, fact, by, clock.instant(), why);
              beforeCommit.run();
              return made;
            });
    version.incrementAndGet();
    return decision;
  }

  @Override
  public List<Decisions.Decision> decisions() {
    return read(
        () ->
            Decisions.read(tdb.asDatasetGraph()).all().stream()
                .sorted(java.util.Comparator.comparing(Decisions.Decision::at).reversed())
                .toList());
  }

  @Override
  public boolean containsArticle(String articleId) {
    Node name = StoreSupport.graphName(articleId);
    return read(() -> dataset.asDatasetGraph().containsGraph(name));
  }

  @Override
  public Optional<String> contentHash(String articleId) {
    Node name = StoreSupport.graphName(articleId);
    Node hash = NG.contentHash.asNode();
    return read(
        () -> {
          var found = dataset.asDatasetGraph().find(name, name, hash, Node.ANY);
          return found.hasNext()
              ? Optional.of(found.next().getObject().getLiteralLexicalForm())
              : Optional.<String>empty();
        });
  }

  @Override
  public List<String> articleIds() {
    return read(() -> StoreSupport.articleIds(dataset.asDatasetGraph().listGraphNodes()));
  }

  @Override
  public Optional<Model> articleGraph(String articleId) {
    Node name = StoreSupport.graphName(articleId);
    return read(
        () -> {
          if (!dataset.asDatasetGraph().containsGraph(name)) {
            return Optional.<Model>empty();
          }
          Model copy = ModelFactory.createDefaultModel();
          copy.setNsPrefixes(Ontology.prefixes());
          dataset.asDatasetGraph().getGraph(name).find().forEachRemaining(copy.getGraph()::add);
          return Optional.of(copy);
        });
  }

  @Override
  public SparqlAnswer query(Query query, QueryLimits limits) {
    requireNonNull(query, "query");
    requireNonNull(limits, "limits");
    QueryGuard.check(query, limits);
    Query bounded = StoreSupport.withRowLimit(query, limits.maxRows());
    // FROM and FROM NAMED (or the protocol's graph parameters) pick graphs out of the store;
    // without them the default graph is the union of all.
    var graphs = bounded.hasDatasetDescription() ? bounded.getDatasetDescription() : null;
    if (graphs != null) {
      bounded = bounded.cloneQuery();
      bounded.getGraphURIs().clear();
      bounded.getNamedGraphURIs().clear();
    }
    Query run = BoundedExpressions.bound(bounded);
    AtomicBoolean cancel = new AtomicBoolean();
    try {
      return activity.run(
          cancel,
          () ->
              Txn.calculateRead(
                  dataset,
                  () -> {
                    Dataset target =
                        graphs == null
                            ? dataset
                            : DynamicDatasets.dynamicDataset(graphs, dataset, false);
                    QueryExecutionDatasetBuilder builder =
                        QueryExecution.create()
                            .query(run)
                            .dataset(target)
                            .timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    QueryGuard.configure(builder::set, limits, cancel);
                    try (QueryExecution execution = builder.build()) {
                      return StoreSupport.answer(execution, run, limits);
                    }
                  }));
    } catch (QueryCancelledException e) {
      throw activity.stopped(e, cancel, limits);
    }
  }

  @Override
  public List<EntityHit> searchEntities(String text, EntityType type, int limit, int offset) {
    requireNonNull(text, "text");
    String lucene = SearchIndex.luceneQuery(text);
    if (lucene.isEmpty() || limit <= 0) {
      return List.of();
    }
    Map<String, Node> bindings = new HashMap<>();
    bindings.put("query", NodeFactory.createLiteralString(lucene));
    // The best-scoring names only: an entity has a name in every article that mentions it, so
    // a page of entities needs many more names, but not every name that matches.
    long names = Math.min(10_000L, Math.max(500L, (Math.max(0, offset) + (long) limit) * 25L));
    bindings.put("hits", NodeFactory.createLiteralDT(Long.toString(names), XSDDatatype.XSDinteger));
    if (type != null) {
      bindings.put("wanted", type.ontologyClass().asNode());
    }
    Query query =
        QueryTransformOps.transform(
            type == null ? SEARCH_ANY_TYPE : SEARCH_ONE_TYPE,
            bindings.entrySet().stream()
                .collect(Collectors.toMap(e -> Var.alloc(e.getKey()), Map.Entry::getValue)));
    query.setLimit(limit);
    query.setOffset(Math.max(0, offset));
    return read(
        () -> {
          List<EntityHit> hits = new ArrayList<>();
          try (QueryExecution execution = QueryExecution.create(query, dataset)) {
            execution
                .execSelect()
                .forEachRemaining(row -> StoreSupport.hit(row).ifPresent(hits::add));
          }
          return hits;
        });
  }

  @Override
  public boolean indexesArticleText() {
    return true;
  }

  @Override
  public List<ArticleHit> searchArticles(String text, int limit, int offset) {
    requireNonNull(text, "text");
    String lucene = SearchIndex.luceneQuery(text);
    if (lucene.isEmpty() || limit <= 0) {
      return List.of();
    }
    int skip = Math.max(0, offset);
    // An article's text is one document of the index: the page needs the best offset + limit.
    Query query =
        QueryTransformOps.transform(
            SEARCH_ARTICLES,
            Map.of(
                Var.alloc("query"),
                NodeFactory.createLiteralString(lucene),
                Var.alloc("hits"),
                NodeFactory.createLiteralDT(
                    Long.toString(skip + (long) limit), XSDDatatype.XSDinteger)));
    query.setLimit(limit);
    query.setOffset(skip);
    List<String> words = SearchIndex.words(text);
    return read(
        () -> {
          List<ArticleHit> hits = new ArrayList<>();
          try (QueryExecution execution = QueryExecution.create(query, dataset)) {
            execution
                .execSelect()
                .forEachRemaining(
                    row -> {
                      String id = IriMinter.articleId(row.getResource("article").getURI());
                      if (id != null) {
                        hits.add(
                            Passages.of(
                                id,
                                row.getLiteral("score").getDouble(),
                                row.getLiteral("text").getString(),
                                words));
                      }
                    });
          }
          return hits;
        });
  }

  private static Query load(String name) {
    try (InputStream in = Tdb2GraphStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing query resource " + name);
      }
      return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read query resource " + name, e);
    }
  }

  @Override
  public void export(OutputStream out, Lang lang) {
    requireNonNull(out, "out");
    StoreSupport.requireQuads(lang);
    read(
        () -> {
          RDFDataMgr.write(out, dataset.asDatasetGraph(), lang);
          return null;
        });
  }

  @Override
  public void update(UpdateRequest request, QueryLimits limits) {
    requireNonNull(request, "request");
    requireNonNull(limits, "limits");
    QueryGuard.check(request, limits);
    UpdateRequest bounded = BoundedExpressions.bound(request);
    AtomicBoolean cancel = new AtomicBoolean();
    try {
      activity.run(
          cancel,
          () -> {
            Txn.executeWrite(
                dataset,
                () -> {
                  UpdateExecutionBuilder builder =
                      UpdateExecution.dataset(dataset)
                          .update(bounded)
                          .timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
                  QueryGuard.configure(builder::set, limits, cancel);
                  builder.build().execute();
                  beforeCommit.run();
                });
            return null;
          });
    } catch (QueryCancelledException e) {
      throw activity.stopped(e, cancel, limits);
    }
    version.incrementAndGet();
    compaction.written();
  }

  /**
   * Loads a backup (N-Quads or TriG) into this store, which must hold no article, in one
   * transaction; the name index follows. A backup that does not parse leaves the store empty.
   *
   * @return how many quads were loaded
   * @throws GraphException if the store holds articles, or the backup does not parse
   */
  public long restore(InputStream in, Lang lang) {
    requireNonNull(in, "in");
    requireNonNull(lang, "lang");
    long loaded =
        write(
            () -> {
              if (!dataset.asDatasetGraph().isEmpty()) {
                throw new GraphException(
                    "the store in " + folder + " is not empty: restore into a new folder");
              }
              try {
                RDFParser.source(in).lang(lang).parse(dataset.asDatasetGraph());
              } catch (RiotException e) {
                throw new GraphException("the backup does not parse: " + e.getMessage(), e);
              }
              beforeCommit.run();
              return Iter.count(dataset.asDatasetGraph().find());
            });
    version.incrementAndGet();
    return loaded;
  }

  /**
   * Compacts the database: writes its live data to a new generation and deletes the old ones, which
   * hold every version that writes replaced. Readers and writers wait while it runs.
   */
  public void compact() {
    synchronized (compacting) {
      DatabaseMgr.compact(tdb.asDatasetGraph(), true);
    }
  }

  @Override
  public void cancelRunning() {
    activity.cancelRunning();
  }

  @Override
  public long version() {
    return version.get();
  }

  /** Reads in a transaction that closing the store waits for. */
  private <T> T read(java.util.function.Supplier<T> work) {
    return activity.run(() -> Txn.calculateRead(dataset, work::get));
  }

  /** Writes in a transaction that closing the store waits for. */
  private <T> T write(java.util.function.Supplier<T> work) {
    T result = activity.run(() -> Txn.calculateWrite(dataset, work::get));
    compaction.written();
    return result;
  }

  /** Returns how many times the store compacted on its own since it was opened. */
  int autoCompactions() {
    compaction.awaitRunning();
    return compaction.compactions();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // A compaction that has begun is let finish: the next open would otherwise find it half done.
    compaction.close();
    if (!activity.close(CLOSE_WAIT)) {
      throw new GraphException(
          "the store in "
              + folder
              + " was not closed: a write still ran after "
              + CLOSE_WAIT.toSeconds()
              + " s; what it committed is kept, what it did not is rolled back on the next open");
    }
    try {
      textIndex(dataset).close();
      TDBInternal.expel(tdb.asDatasetGraph());
    } finally {
      OPEN.remove(folder);
    }
  }
}
