package org.newsgraph.core.store;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Decides what a SPARQL query or update may reach, so that an endpoint open to anyone cannot be
 * turned against its server or its network:
 *
 * <ul>
 *   <li>{@code SERVICE} calls only the endpoints of {@link QueryLimits#services()} (none by
 *       default), and needs a constant endpoint when none is allowed;
 *   <li>{@code LOAD} reads only over HTTP(S) from the hosts of those endpoints, never a file;
 *   <li>functions are SPARQL's own, the XSD casts, the XPath {@code fn:} and {@code math:}
 *       functions and a few of Jena's {@code afn:}, but none that runs an unbounded regular
 *       expression or number ({@code fn:matches}, {@code fn:replace}, {@code math:pow}), calls
 *       another function by name ({@code fn:apply}), or loads a class ({@code java:}); custom
 *       aggregates and the {@code apf:strSplit} property function are refused.
 * </ul>
 *
 * <p>Refusals name what was refused, before anything runs where the query says it plainly; the same
 * rules hold again while it runs (a function named at run time, an endpoint in a variable), through
 * the registries this class puts in the execution's context.
 */
final class QueryGuard {

  private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  private static final String FN = "http://www.w3.org/2005/xpath-functions#";
  private static final String MATH = "http://www.w3.org/2005/xpath-functions/math#";
  private static final String AFN = ARQConstants.ARQFunctionLibraryURI;
  private static final Set<String> REFUSED_FN = Set.of("matches", "replace", "apply");
  private static final Set<String> REFUSED_MATH = Set.of("pow", "exp10");
  private static final Set<String> ALLOWED_AFN =
      Set.of(
          "localname",
          "namespace",
          "strlen",
          "substr",
          "substring",
          "sha1sum",
          "min",
          "max",
          "pi",
          "e",
          "sqrt",
          "now",
          "uuid",
          "struuid",
          "strjoin",
          "bnode",
          "langeq",
          "evenInteger");
  private static final String STR_SPLIT = ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit";

  private QueryGuard() {}

  /**
   * Checks what a query says plainly.
   *
   * @throws QueryRefusedException if it calls an endpoint or a function that is not allowed
   */
  static void check(Query query, QueryLimits limits) {
    Op op = Algebra.compile(query);
    Walker.walk(op, new ServiceCheck(limits), new FunctionCheck());
  }

  /**
   * Checks what an update says plainly: its {@code LOAD}s and the patterns of its {@code
   * INSERT}/{@code DELETE ... WHERE}.
   *
   * @throws QueryRefusedException if it reads from a source, or calls an endpoint or a function,
   *     that is not allowed
   */
  static void check(UpdateRequest request, QueryLimits limits) {
    for (Update update : request.getOperations()) {
      if (update instanceof UpdateLoad load) {
        checkLoad(load.getSource(), limits);
      } else if (update instanceof UpdateModify modify) {
        Query where = new Query();
        where.setQuerySelectType();
        where.setQueryResultStar(true);
        where.setQueryPattern(modify.getWherePattern());
        check(where, limits);
      }
    }
  }

  /**
   * Gives an execution this guard's registries of functions, property functions and endpoints, the
   * timeout of the endpoints it may call, and a fresh {@link QueryBudget}.
   *
   * @param context sets a value in the execution's context, such as a builder's {@code set}
   * @param cancel the execution's cancel signal: set, it stops the execution
   */
  static void configure(
      BiConsumer<Symbol, Object> context, QueryLimits limits, AtomicBoolean cancel) {
    context.accept(ARQConstants.symCancelQuery, cancel);
    context.accept(QueryBudget.SYMBOL, new QueryBudget(limits));
    context.accept(ARQConstants.registryFunctions, Functions.INSTANCE);
    context.accept(ARQConstants.registryPropertyFunctions, PropertyFunctions.INSTANCE);
    ServiceExecutorRegistry services = new ServiceExecutorRegistry();
    services.add(
        (opExecute, opOriginal, binding, execCxt) -> {
          requireAllowedService(opExecute.getService(), limits);
          return ServiceExecutorRegistry.httpService.createExecution(
              opExecute, opOriginal, binding, execCxt);
        });
    context.accept(ARQConstants.registryServiceExecutors, services);
    context.accept(ARQ.httpServiceAllowed, !limits.services().isEmpty());
    context.accept(ARQ.httpQueryTimeout, limits.timeout().toMillis());
    // Folding constants would evaluate expressions while the query is planned, outside its budget.
    context.accept(ARQ.optExprConstantFolding, false);
  }

  private static void checkLoad(String source, QueryLimits limits) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      throw new QueryRefusedException("LOAD <" + source + ">: not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new QueryRefusedException(
          "LOAD <" + source + ">: only http and https sources may be loaded, never files");
    }
    boolean allowedHost =
        limits.services().stream()
            .map(QueryGuard::host)
            .anyMatch(host -> host != null && host.equalsIgnoreCase(uri.getHost()));
    if (!allowedHost) {
      throw new QueryRefusedException(
          "LOAD <"
              + source
              + ">: this server loads only from the hosts of its allowed endpoints"
              + " (newsgraph.sparql.services)"
              + (limits.services().isEmpty() ? ", and none is allowed" : ""));
    }
  }

  private static String host(String endpoint) {
    try {
      return URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void requireAllowedService(Node endpoint, QueryLimits limits) {
    if (limits.services().isEmpty()) {
      throw new QueryRefusedException(
          "SERVICE "
              + describe(endpoint)
              + ": federated queries are off on this server (newsgraph.sparql.services lists the"
              + " endpoints it may call)");
    }
    if (endpoint.isVariable()) {
      return;
    }
    if (!endpoint.isURI() || !limits.services().contains(endpoint.getURI())) {
      throw new QueryRefusedException(
          "SERVICE "
              + describe(endpoint)
              + ": not an endpoint this server may call; it may call "
              + limits.services());
    }
  }

  private static String describe(Node endpoint) {
    return endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString();
  }

  private static boolean isJava(String iri) {
    return iri.toLowerCase(Locale.ROOT).startsWith("java:");
  }

  /** Whether a function IRI may be called. */
  static boolean allowedFunction(String iri) {
    if (iri.startsWith(XSD)) {
      return true;
    }
    if (iri.startsWith(FN)) {
      return !REFUSED_FN.contains(iri.substring(FN.length()));
    }
    if (iri.startsWith(MATH)) {
      return !REFUSED_MATH.contains(iri.substring(MATH.length()));
    }
    if (iri.startsWith(AFN)) {
      return ALLOWED_AFN.contains(iri.substring(AFN.length()));
    }
    return false;
  }

  private static QueryRefusedException refusedFunction(String iri) {
    return new QueryRefusedException(
        "the function <"
            + iri
            + "> is not available on this endpoint: it may call SPARQL's functions, the XSD"
            + " casts, and XPath fn: and math: functions"
            + (iri.equals(FN + "matches") || iri.equals(FN + "replace")
                ? " (use REGEX and REPLACE instead)"
                : ""));
  }

  private static final class ServiceCheck extends OpVisitorBase {

    private final QueryLimits limits;

    ServiceCheck(QueryLimits limits) {
      this.limits = limits;
    }

    @Override
    public void visit(OpService service) {
      requireAllowedService(service.getService(), limits);
    }
  }

  private static final class FunctionCheck extends ExprVisitorBase {

    @Override
    public void visit(org.apache.jena.sparql.expr.ExprFunctionN function) {
      if (function instanceof E_Function call && !allowedFunction(call.getFunctionIRI())) {
        throw refusedFunction(call.getFunctionIRI());
      }
    }

    @Override
    public void visit(ExprAggregator aggregator) {
      if (aggregator.getAggregator() instanceof AggCustom custom) {
        throw new QueryRefusedException(
            "the custom aggregate <" + custom.getIRI() + "> is not available on this endpoint");
      }
    }
  }

  /** The functions a guarded query may call: the allowed ones of Jena's standard registry. */
  private static final class Functions extends FunctionRegistry {

    static final Functions INSTANCE = new Functions();

    @Override
    public FunctionFactory get(String iri) {
      if (!allowedFunction(iri)) {
        throw refusedFunction(iri);
      }
      return FunctionRegistry.get().get(iri);
    }

    @Override
    public boolean isRegistered(String iri) {
      return allowedFunction(iri) && FunctionRegistry.get().isRegistered(iri);
    }
  }

  /**
   * The property functions a guarded query may use: those Jena registered, without loading a class
   * for any other IRI, and without {@code apf:strSplit}, whose regular expression runs unbounded.
   */
  private static final class PropertyFunctions extends PropertyFunctionRegistry {

    static final PropertyFunctions INSTANCE = new PropertyFunctions();

    @Override
    public boolean manages(String iri) {
      refuseUnsafe(iri);
      return PropertyFunctionRegistry.get().isRegistered(iri);
    }

    @Override
    public PropertyFunctionFactory get(String iri) {
      refuseUnsafe(iri);
      PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();
      return standard.isRegistered(iri) ? standard.get(iri) : null;
    }

    @Override
    public boolean isRegistered(String iri) {
      return manages(iri);
    }

    private static void refuseUnsafe(String iri) {
      if (isJava(iri) || iri.equals(STR_SPLIT)) {
        throw new QueryRefusedException(
            "the property function <" + iri + "> is not available on this endpoint");
      }
    }
  }
}
