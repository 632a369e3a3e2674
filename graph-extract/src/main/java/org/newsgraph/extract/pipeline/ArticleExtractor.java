package org.newsgraph.extract.pipeline;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Event;
import org.newsgraph.core.Evidence;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.ExtractorId;
import org.newsgraph.core.Fact;
import org.newsgraph.core.Quote;
import org.newsgraph.core.Relation;
import org.newsgraph.extract.check.EventChecks;
import org.newsgraph.extract.check.FactChecks;
import org.newsgraph.extract.contract.AnnotatedArticle;
import org.newsgraph.extract.contract.Extractor;
import org.newsgraph.extract.contract.Findings;
import org.newsgraph.extract.encoder.OnnxWordEncoder;
import org.newsgraph.extract.encoder.WordEncoder;
import org.newsgraph.extract.entity.DocumentEntities;
import org.newsgraph.extract.entity.EntityRecognizer;
import org.newsgraph.extract.event.EventExtractor;
import org.newsgraph.extract.link.EntityLinker;
import org.newsgraph.extract.nlp.NlpPipeline;
import org.newsgraph.extract.quote.QuoteExtractor;
import org.newsgraph.extract.read.EnglishText;
import org.newsgraph.extract.relation.ClassifierRelationExtractor;
import org.newsgraph.extract.relation.PatternRelationExtractor;
import org.newsgraph.extract.relation.RelationModel;
import org.newsgraph.extract.rules.PhraseLexicon;
import org.newsgraph.extract.rules.RoleAnnotation;

/**
 * Turns an article into an {@link Extraction}: annotates it once with the shared CoreNLP pipeline,
 * recognises its entities, links them to Wikipedia titles (with a linker) and makes one of those
 * that share a key, runs every extractor, drops the facts and events that fail the checks ({@code
 * check/}), merges what several extractors found about the same thing in the same sentence,
 * calibrates facts' confidence ({@link ConfidenceCalibration}), and keeps what reaches the
 * confidence threshold.
 *
 * <p>Thread-safe: several threads may extract different articles at once.
 */
public final class ArticleExtractor {

  /** The pipeline every extraction runs on. */
  private static final NlpPipeline.Config CONFIG = NlpPipeline.Config.NEWSGRAPH;

  /** The least probability at which the relation classifier reports a fact. */
  static final double CLASSIFIER_MINIMUM = 0.5;

  /**
   * The confidence below which findings are dropped, unless configured otherwise. Facts' confidence
   * being calibrated, at 0.5 a fact is kept when such facts were right more often than not: on
   * KnowledgeNet (cross-validated) that raised precision from 0.752 to 0.771 for 0.004 of F1, on
   * the held-out news set from 0.954 to 0.984 for 0.004. Events and quotes state 0.75 or more, so
   * it does not touch them.
   */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private final List<Extractor> extractors;
  private static final PhraseLexicon ROLES =
      PhraseLexicon.load("rules/roles.tsv", RoleAnnotation.class);

  private final EntityRecognizer recognizer = new EntityRecognizer();
  private final double threshold;
  private final EntityLinker linker;
  private final ConfidenceCalibration calibration;
  private final WordEncoder encoder;

  /**
   * @param extractors the extractors to run, in order
   * @param threshold the least confidence a fact, event or quote needs to be kept, 0 to 1
   */
  public ArticleExtractor(List<Extractor> extractors, double threshold) {
    this(extractors, threshold, null, ConfidenceCalibration.identity(), null);
  }

  private ArticleExtractor(
      List<Extractor> extractors,
      double threshold,
      EntityLinker linker,
      ConfidenceCalibration calibration,
      WordEncoder encoder) {
    this.linker = linker;
    this.encoder = encoder;
    this.calibration = requireNonNull(calibration, "calibration");
    this.extractors = List.copyOf(requireNonNull(extractors, "extractors"));
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold " + threshold + " is outside 0..1");
    }
    this.threshold = threshold;
    for (Extractor extractor : this.extractors) {
      for (String annotator : extractor.requiredAnnotators()) {
        if (!CONFIG.runs(annotator)) {
          throw new IllegalArgumentException(
              "extractor "
                  + extractor.name()
                  + " needs the "
                  + annotator
                  + " annotator, which Newsgraph's pipeline does not run");
        }
      }
    }
  }

  /** Returns the extractor with every built-in extractor and the default threshold. */
  public static ArticleExtractor standard() {
    return withThreshold(DEFAULT_THRESHOLD);
  }

  /**
   * Returns the extractor with every built-in extractor, the relation model and the calibration of
   * facts' confidence of the class path if there are, and the given threshold.
   */
  public static ArticleExtractor withThreshold(double threshold) {
    return withThreshold(threshold, false);
  }

  /**
   * Returns the extractor with every built-in extractor, the given threshold and the calibration of
   * the class path; with the encoder, the relation model that weighs its vectors ({@link
   * RelationModel#ENCODER_RESOURCE}), otherwise the one that does not.
   */
  public static ArticleExtractor withThreshold(double threshold, boolean encoder) {
    if (!encoder) {
      return with(RelationModel.fromClassPath(), threshold)
          .withCalibration(ConfidenceCalibration.fromClassPath());
    }
    return with(
            RelationModel.fromClassPath(RelationModel.ENCODER_RESOURCE),
            threshold,
            OnnxWordEncoder.shared())
        .withCalibration(ConfidenceCalibration.fromClassPath());
  }

  /**
   * Returns the extractor with the rules, the given relation model if any, and quotes, keeping the
   * extractors' own confidences.
   */
  public static ArticleExtractor with(Optional<RelationModel> model, double threshold) {
    return with(model, threshold, null);
  }

  /**
   * Returns the extractor with the rules, the given relation model if any, and quotes, keeping the
   * extractors' own confidences.
   *
   * @param encoder the encoder whose vectors the model weighs, or {@code null} for none; kept so
   *     that models trained for this extractor ({@code eval --cross-validate}) can weigh them too
   */
  public static ArticleExtractor with(
      Optional<RelationModel> model, double threshold, WordEncoder encoder) {
    List<Extractor> extractors = new ArrayList<>();
    extractors.add(PatternRelationExtractor.fromRuleFiles());
    model.ifPresent(
        m -> extractors.add(new ClassifierRelationExtractor(m, CLASSIFIER_MINIMUM, encoder)));
    extractors.add(EventExtractor.fromRuleFile());
    extractors.add(new QuoteExtractor());
    return new ArticleExtractor(
        extractors, threshold, null, ConfidenceCalibration.identity(), encoder);
  }

  /** Returns the encoder whose vectors the relation classifier weighs, if it weighs any. */
  public Optional<WordEncoder> encoder() {
    return Optional.ofNullable(encoder);
  }

  /**
   * Returns this extractor linking entities to Wikipedia titles with a linker: linked entities get
   * their IRIs from their titles, so that every article's "Microsoft", "Microsoft Corp." and "MSFT"
   * is one node.
   */
  public ArticleExtractor withLinker(EntityLinker linker) {
    return new ArticleExtractor(
        extractors, threshold, requireNonNull(linker, "linker"), calibration, encoder);
  }

  /**
   * Returns this extractor calibrating each fact's confidence before the threshold: the extractors'
   * confidence, combined, becomes the fraction of such facts that were right on the development
   * sets.
   */
  public ArticleExtractor withCalibration(ConfidenceCalibration calibration) {
    return new ArticleExtractor(
        extractors, threshold, linker, requireNonNull(calibration, "calibration"), encoder);
  }

  /** Returns this extractor keeping the facts from a threshold on, otherwise the same. */
  public ArticleExtractor atThreshold(double threshold) {
    return new ArticleExtractor(extractors, threshold, linker, calibration, encoder);
  }

  /** Returns how facts' confidence is calibrated (the identity when it is not). */
  public ConfidenceCalibration calibration() {
    return calibration;
  }

  /** Returns whether entities are linked to Wikipedia titles. */
  public boolean links() {
    return linker != null;
  }

  /** Returns the least confidence a fact, event or quote needs to be kept. */
  public double threshold() {
    return threshold;
  }

  /** Returns the CoreNLP annotators this extractor runs. */
  public List<String> annotators() {
    return CONFIG.annotators();
  }

  /**
   * Loads the shared pipeline now, and opens the linker's dictionary, if they are not loaded yet,
   * instead of on the first article.
   *
   * @return the pipeline
   */
  public NlpPipeline load() {
    NlpPipeline pipeline = NlpPipeline.shared(CONFIG);
    if (linker != null) {
      linker.load();
    }
    return pipeline;
  }

  /** Extracts entities, facts, events and quotes from an article. */
  public Extraction extract(Article article) {
    return extract(annotate(article));
  }

  /**
   * Annotates an article with the shared pipeline, recognises its entities and marks its tokens
   * with entity types and roles, ready for extractors.
   */
  public AnnotatedArticle annotate(Article article) {
    requireNonNull(article, "article");
    EnglishText.require(article);
    return annotate(article, load().annotate(article));
  }

  /**
   * Recognises the entities of an article that the pipeline annotated already (such as annotations
   * kept from an earlier run), and marks its tokens with entity types and roles.
   */
  public AnnotatedArticle annotate(Article article, CoreDocument document) {
    requireNonNull(article, "article");
    requireNonNull(document, "document");
    List<CoreLabel> tokens = document.tokens();
    ROLES.tag(tokens);
    DocumentEntities entities = recognizer.recognize(article, document);
    if (linker != null) {
      List<String> places =
          entities.entities().stream()
              .filter(e -> e.named() && e.type() == EntityType.PLACE)
              .flatMap(e -> e.aliases().stream())
              .toList();
      entities = entities.linked(e -> linker.link(e, article.text(), places));
    } else {
      entities = entities.linked(e -> Optional.empty());
    }
    entities.tag(tokens);
    return new AnnotatedArticle(article, document, entities);
  }

  /** Runs every extractor on an annotated article and merges what they found. */
  public Extraction extract(AnnotatedArticle annotated) {
    requireNonNull(annotated, "annotated");
    Article article = annotated.article();
    List<Fact> facts = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<Quote> quotes = new ArrayList<>();
    for (Extractor extractor : extractors) {
      if (extractor instanceof EventExtractor eventExtractor) {
        // Each mention's status is read before mentions merge: "regulators blocked the takeover"
        // and "which agreed to buy" are one acquisition, blocked.
        events.addAll(eventExtractor.mentions(annotated));
        continue;
      }
      Findings findings = extractor.extract(annotated);
      facts.addAll(findings.facts());
      events.addAll(findings.events());
      quotes.addAll(findings.quotes());
    }
    List<Fact> keptFacts = mergeFacts(FactChecks.standard().keep(annotated, facts), calibration);
    // Deals become events, whose confidence is their own: the facts behind them stay uncalibrated.
    List<Fact> deals =
        mergeFacts(FactChecks.forEvents().keep(annotated, facts), ConfidenceCalibration.identity());
    events.addAll(EventExtractor.acquisitionsOf(annotated, events, deals));
    List<Event> keptEvents =
        EventExtractor.withPostsOf(
                EventExtractor.merge(EventChecks.standard().keep(annotated, events)), keptFacts)
            .stream()
            .filter(e -> e.evidence().confidence() >= threshold)
            .sorted(Comparator.comparingInt(e -> e.trigger().start()))
            .toList();
    keptFacts = EventExtractor.postsEndedBy(keptFacts, keptEvents);
    // Events may name a place the recogniser did not list (the building of a "White House news
    // conference"): it joins the article's entities.
    List<Entity> entities = new ArrayList<>(annotated.entities().entities());
    for (Event event : keptEvents) {
      if (event.place() != null && !entities.contains(event.place())) {
        entities.add(event.place());
      }
    }
    return new Extraction(
        article,
        entities,
        keptFacts,
        keptEvents,
        quotes.stream()
            .filter(q -> q.evidence().confidence() >= threshold)
            .sorted(Comparator.comparingInt(Quote::start))
            .toList());
  }

  /**
   * Merges the facts that state the same relation between the same things in the same sentence: the
   * confidences combine as independent votes, and the extractors' names are joined; the combined
   * confidence is then calibrated, and what falls below the threshold dropped.
   */
  private List<Fact> mergeFacts(List<Fact> candidates, ConfidenceCalibration calibration) {
    Map<List<Object>, List<Fact>> groups = new LinkedHashMap<>();
    for (Fact fact : candidates) {
      groups.computeIfAbsent(key(fact), k -> new ArrayList<>()).add(fact);
    }
    List<Fact> merged = new ArrayList<>();
    for (List<Fact> group : groups.values()) {
      if (contradictsARule(group, candidates)) {
        continue;
      }
      Fact best =
          group.stream()
              .max(Comparator.comparingDouble(f -> f.evidence().confidence()))
              .orElseThrow();
      double doubt = 1;
      Set<ExtractorId> extractors = new TreeSet<>();
      for (Fact fact : group) {
        doubt *= 1 - fact.evidence().confidence();
        extractors.addAll(fact.evidence().extractors());
      }
      Evidence combined = best.evidence().with(extractors, 1 - doubt);
      double confidence = calibration.calibrate(combined);
      if (confidence < threshold) {
        continue;
      }
      Evidence evidence = combined.with(extractors, confidence);
      // The facts of a group share their sentence. One path through it may miss the word that
      // ends the relation ("Adler, who had led Vantor since 2018, was replaced"): one that sees it
      // makes the relation past. (A relation stated twice, once as current and once over a past
      // range, "joined Fenwick in 2017 and was its operating chief from 2019 to 2022", is then
      // past too: the cost of trusting the marks.)
      boolean former = group.stream().anyMatch(Fact::former);
      String start =
          group.stream()
              .map(Fact::start)
              .filter(Objects::nonNull)
              .min(String::compareTo)
              .orElse(null);
      String end = group.stream().map(Fact::end).filter(Objects::nonNull).findFirst().orElse(null);
      merged.add(
          new Fact(
              best.relation(),
              best.subject(),
              best.subjectMention(),
              best.object(),
              best.value(),
              best.objectMention(),
              evidence,
              former,
              start,
              end));
    }
    merged.sort(
        Comparator.comparingInt((Fact f) -> f.evidence().sentenceStart())
            .thenComparingInt(f -> f.subjectMention().start())
            .thenComparing(f -> f.relation().ordinal()));
    return merged;
  }

  /**
   * Whether the classifier alone found this, and a rule in the same sentence makes the person the
   * head of another company, or gives the company another head: with two companies in a sentence
   * ("Fukuda's president, Kenji Tamura, stood beside Lumina Grid's chief, Aya Nishida") the
   * classifier pairs them every way, the patterns only as written.
   */
  private static boolean contradictsARule(List<Fact> group, List<Fact> candidates) {
    Fact fact = group.get(0);
    boolean classifierOnly =
        group.stream().allMatch(f -> f.evidence().foundOnlyBy(ClassifierRelationExtractor.NAME));
    if (!classifierOnly || !isEmployment(fact.relation())) {
      return false;
    }
    for (Fact other : candidates) {
      if (other.evidence().sentenceStart() != fact.evidence().sentenceStart()
          || !isEmployment(other.relation())
          || !other.evidence().foundBy(PatternRelationExtractor.NAME)) {
        continue;
      }
      boolean headsAnother =
          other.relation() == Relation.HEADS
              && other.subject().equals(fact.subject())
              && !other.object().equals(fact.object());
      boolean otherHead =
          fact.relation() == Relation.HEADS
              && other.relation() == Relation.HEADS
              && other.object().equals(fact.object())
              && !other.subject().equals(fact.subject());
      if (headsAnother || otherHead) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmployment(Relation relation) {
    return relation == Relation.HEADS || relation == Relation.WORKS_FOR;
  }

  private static List<Object> key(Fact fact) {
    Object subject = fact.subject();
    Object object = fact.object() != null ? fact.object() : fact.value();
    if (fact.relation().isSymmetric()
        && fact.subject().name().compareTo(fact.object().name()) > 0) {
      Object swap = subject;
      subject = object;
      object = swap;
    }
    return List.of(fact.relation(), subject, object, fact.evidence().sentenceStart());
  }
}
