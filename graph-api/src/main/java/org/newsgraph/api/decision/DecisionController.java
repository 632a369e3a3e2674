package org.newsgraph.api.decision;

import static org.newsgraph.api.rest.Problems.within;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.api.graph.EntityNames;
import org.newsgraph.api.graph.EntityRef;
import org.newsgraph.api.ingest.RequestBodies;
import org.newsgraph.api.rest.Page;
import org.newsgraph.api.rest.Problems;
import org.newsgraph.core.GraphException;
import org.newsgraph.core.Relation;
import org.newsgraph.core.resolve.DecisionException;
import org.newsgraph.core.resolve.Decisions;
import org.newsgraph.core.resolve.FactKey;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.IriMinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysts' decisions about who is who: merge two entities, keep two apart ("not the same"), or
 * rename one; and about facts: confirm one, or reject it (it is then shown nowhere, and is in no
 * article graph's triples, while its sources are kept). Each is kept with who made it, when and
 * why, applied at once and on every later ingest, and can be undone. The pairs the rules could not
 * settle wait in a review queue.
 */
@RestController
@Tag(name = "Decisions", description = "Analysts' corrections of entity identity")
class DecisionController {

  private static final String PATH = "/api/decisions";

  private static final String KINDS =
      "kind must be merge, not-same, rename, confirm-fact or reject-fact";

  /** The largest decision a request may carry. */
  static final DataSize MAX_BODY = DataSize.ofKilobytes(16);

  private final GraphStore store;
  private final PossiblySameReader reader;
  private final FactQueueReader factQueue;
  private final EntityNames names;

  DecisionController(
      GraphStore store, PossiblySameReader reader, FactQueueReader factQueue, EntityNames names) {
    this.store = store;
    this.reader = reader;
    this.factQueue = factQueue;
    this.names = names;
  }

  /**
   * What an analyst decides.
   *
   * @param kind {@code merge}, {@code not-same}, {@code rename}, {@code confirm-fact} or {@code
   *     reject-fact}
   * @param entity the entity merged, decided about or renamed, or the fact's subject: an id such as
   *     {@code person/raman}
   * @param other the entity kept by a merge, the other of a "not the same", or the fact's object
   * @param name the new name of a rename
   * @param relation the fact's relation, such as {@code competesWith}
   * @param value the fact's value, for a relation whose object is a date ({@code foundedOn})
   * @param reason why, in the analyst's words
   */
  record Request(
      String kind,
      String entity,
      String other,
      String name,
      String relation,
      String value,
      String reason) {}

  /**
   * A decision as recorded.
   *
   * @param id its id in the API
   * @param kind {@code merge}, {@code not-same}, {@code rename}, {@code confirm-fact} or {@code
   *     reject-fact}
   * @param entity the entity merged, decided about or renamed, or the fact's subject
   * @param other the entity kept, the other one, or the fact's object; absent for a rename
   * @param name the new name of a rename
   * @param relation the fact's relation
   * @param value the fact's value
   * @param by who decided
   * @param at when
   * @param reason why
   */
  record Decision(
      String id,
      String kind,
      String entity,
      String other,
      String name,
      String relation,
      String value,
      String by,
      String at,
      String reason) {}

  /**
   * Two entities that may be one, for an analyst to decide.
   *
   * @param first one entity
   * @param second the other
   * @param rule the rule that could not decide
   * @param reason why they may be one
   * @param facts how many facts the two take part in, as subject or object
   */
  record Candidate(EntityRef first, EntityRef second, String rule, String reason, long facts) {}

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The analysts' decisions, newest first")
  List<Decision> decisions() {
    return store.decisions().stream().map(DecisionController::view).toList();
  }

  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Merge two entities, keep them apart, rename one, or confirm or reject a fact (writers"
              + " only)",
      description =
          "Applied at once and on every later ingest. A fact is its subject (entity), relation"
              + " and object (other) or value; a rejected one is shown nowhere and its triple"
              + " leaves the article graphs, its sources are kept, and undoing the rejection"
              + " puts it back. An unknown entity or fact answers 404; a merge of different"
              + " kinds of thing (a person into a company) answers 409 with the reason; nothing"
              + " is changed then.")
  ResponseEntity<Decision> decide(HttpServletRequest http, Principal principal) {
    requireDecisions();
    // Read within a bound before parsing: a decision is a few names, never megabytes.
    Request request;
    try {
      request = JsonMapper.shared().readValue(RequestBodies.read(http, MAX_BODY), Request.class);
    } catch (JacksonException e) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST,
          "Malformed JSON",
          "the decision is not a JSON object with kind, entity, other, name, relation, value and"
              + " reason");
    }
    if (request == null || request.kind() == null) {
      throw Problems.badParameter("kind", KINDS);
    }
    Decisions.Kind kind =
        switch (request.kind().strip().toLowerCase(Locale.ROOT)) {
          case "merge" -> Decisions.Kind.MERGE;
          case "not-same" -> Decisions.Kind.NOT_SAME;
          case "rename" -> Decisions.Kind.RENAME;
          case "confirm-fact" -> Decisions.Kind.CONFIRM_FACT;
          case "reject-fact" -> Decisions.Kind.REJECT_FACT;
          default ->
              throw Problems.badParameter("kind", KINDS + ", not \"" + request.kind() + "\"");
        };
    if (request.reason() != null && request.reason().length() > 2000) {
      throw Problems.badParameter("reason", "reason may be 2,000 characters long at most");
    }
    String by = principal == null ? "anonymous" : principal.getName();
    Decision made;
    try {
      made =
          view(
              kind.aboutFact()
                  ? store.decideFact(kind, fact(request), by, request.reason())
                  : decideIdentity(kind, request, by));
    } catch (DecisionException e) {
      throw e.reason() == DecisionException.Reason.CONFLICT
          ? Problems.problem(HttpStatus.CONFLICT, "Decision contradicts the graph", e.getMessage())
          : Problems.notFound(e.getMessage());
    }
    return ResponseEntity.created(URI.create(PATH + "/" + made.id())).body(made);
  }

  /** Merges two entities, keeps them apart or renames one. */
  private Decisions.Decision decideIdentity(Decisions.Kind kind, Request request, String by) {
    String first = iri("entity", request.entity());
    String second = kind == Decisions.Kind.RENAME ? null : iri("other", request.other());
    String name = request.name() == null ? null : request.name().strip();
    if (kind == Decisions.Kind.RENAME && (name == null || name.isEmpty() || name.length() > 200)) {
      throw Problems.badParameter("name", "a rename needs a name of 1 to 200 characters");
    }
    return store.decide(kind, first, second, name, by, request.reason());
  }

  /** The fact a request is about: its subject, relation, and object entity or value. */
  private static FactKey fact(Request request) {
    String subject = iri("entity", request.entity());
    if (request.relation() == null || request.relation().isBlank()) {
      throw Problems.badParameter(
          "relation", "a fact needs its relation, such as heads or competesWith");
    }
    Relation relation = relation(request.relation());
    String predicate = relation.property().getURI();
    if (relation.isDateValued()) {
      String value = request.value() == null ? "" : request.value().strip();
      if (request.other() != null || value.isEmpty() || value.length() > 40) {
        throw Problems.badParameter(
            "value",
            relation.localName()
                + " has a date as its value: give value (1 to 40 characters), not other");
      }
      return FactKey.of(subject, predicate, null, value);
    }
    if (request.value() != null) {
      throw Problems.badParameter(
          "value", relation.localName() + " relates two entities: give other, not value");
    }
    return FactKey.of(subject, predicate, iri("other", request.other()), null);
  }

  @DeleteMapping(path = PATH + "/{id}")
  @Operation(summary = "Undo a decision (writers only)")
  ResponseEntity<Void> undo(@PathVariable String id) {
    requireDecisions();
    if (!id.matches("[0-9a-f]{1,64}")) {
      throw Problems.notFound("no decision with id " + id);
    }
    return store
        .undoDecision(IriMinter.DECISIONS_GRAPH + "/" + id)
        .map(d -> ResponseEntity.noContent().<Void>build())
        .orElseThrow(() -> Problems.notFound("no decision with id " + id));
  }

  @GetMapping(path = PATH + "/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The review queue of pairs: entities that may be one, which the rules left apart; the"
              + " pairs whose two entities take part in the most facts first",
      description =
          "Each pair carries how many facts (plain triples still in an article graph) name either"
              + " entity as subject or object. With entity, only the pairs that entity is in.")
  Page<Candidate> candidates(
      @RequestParam(required = false) String entity,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    within("limit", limit, 1, 500);
    within("offset", offset, 0, 100_000);
    List<Node> iris = entity == null ? List.of() : iris(entity);
    List<Candidate> page =
        reader.possiblySame(iris, limit, offset).stream()
            .map(p -> new Candidate(p.first(), p.second(), p.rule(), p.reason(), p.facts()))
            .toList();
    return Page.of(page, limit, offset);
  }

  @GetMapping(path = PATH + "/facts", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The review queue of facts: those no analyst has confirmed or rejected, the least"
              + " confident first",
      description =
          "A fact's confidence is the best of its sources'. Among equally confident facts, those"
              + " whose subject and object take part in the most facts come first: a wrong fact"
              + " about a much-connected entity misleads the most answers. With relation (such as"
              + " competesWith), only that relation's facts.")
  Page<FactQueueReader.FactToCheck> factsToCheck(
      @RequestParam(required = false) String relation,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    within("limit", limit, 1, 500);
    within("offset", offset, 0, 100_000);
    Optional<Relation> only = Optional.ofNullable(relation).map(DecisionController::relation);
    return Page.of(factQueue.waiting(only, limit, offset), limit, offset);
  }

  /** The IRIs of a stored entity: the one kept for it and those merged into it. */
  private List<Node> iris(String entity) {
    String kept = store.keptEntity(iri("entity", entity));
    if (names.of(List.of(NodeFactory.createURI(kept))).isEmpty()) {
      throw Problems.notFound("no entity " + entity.strip());
    }
    return store.mergedInto(kept).stream().map(NodeFactory::createURI).toList();
  }

  /** A remote store holds article graphs only: who is who is decided in a TDB2 store. */
  private void requireDecisions() {
    if (!store.decidesIdentity()) {
      throw Problems.problem(
          HttpStatus.NOT_IMPLEMENTED,
          "Decisions need a TDB2 store",
          "this server keeps its graph in a remote SPARQL store, which holds article graphs only;"
              + " analysts' decisions about who is who are kept in a TDB2 store");
    }
  }

  /** The relation a request names by its local name in the ontology. */
  private static Relation relation(String name) {
    try {
      return Relation.fromLocalName(name.strip());
    } catch (GraphException e) {
      throw Problems.badParameter(
          "relation",
          "relation must be one of the ontology's, such as heads or competesWith, not \""
              + name
              + "\"");
    }
  }

  private static String iri(String parameter, String id) {
    if (id == null || id.isBlank()) {
      throw Problems.badParameter(
          parameter, parameter + " must be an entity id such as person/raman");
    }
    return EntityRef.iriOf(id.strip())
        .orElseThrow(
            () ->
                Problems.badParameter(
                    parameter,
                    parameter + " must be an entity id such as person/raman, not \"" + id + "\""));
  }

  private static Decision view(Decisions.Decision decision) {
    FactKey fact = decision.fact();
    return new Decision(
        decision.id().substring(decision.id().lastIndexOf('/') + 1),
        switch (decision.kind()) {
          case MERGE -> "merge";
          case NOT_SAME -> "not-same";
          case RENAME -> "rename";
          case CONFIRM_FACT -> "confirm-fact";
          case REJECT_FACT -> "reject-fact";
        },
        id(decision.first()),
        decision.second() == null ? null : id(decision.second()),
        decision.name(),
        fact == null ? null : fact.relation().localName(),
        fact == null ? null : fact.value(),
        decision.by(),
        decision.at().toString(),
        decision.why());
  }

  private static String id(String iri) {
    return iri.startsWith(IriMinter.ENTITY_BASE)
        ? iri.substring(IriMinter.ENTITY_BASE.length())
        : iri;
  }
}
