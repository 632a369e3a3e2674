package org.newsgraph.core.store;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformApplyElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Rewrites a query so that its expressions stay within its {@link QueryBudget}: regular expressions
 * ({@code REGEX}, {@code REPLACE}) read the text through a sequence that stops them when the query
 * is cancelled or out of time, and the functions that can build large values ({@code CONCAT},
 * {@code REPLACE}, {@code ENCODE_FOR_URI}, {@code UCASE}, {@code LCASE}, integer products,
 * extension functions, {@code GROUP_CONCAT}) have what they build counted. Nothing else changes:
 * the rewritten query has the same answers.
 */
final class BoundedExpressions {

  private BoundedExpressions() {}

  /** Returns the query with its expressions bounded. */
  static Query bound(Query query) {
    return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new Rewrite());
  }

  /**
   * Returns the update with the expressions of its {@code WHERE} patterns bounded; its operations
   * are changed in place.
   */
  static UpdateRequest bound(UpdateRequest request) {
    for (Update update : request.getOperations()) {
      if (update instanceof UpdateModify modify && modify.getWherePattern() != null) {
        modify.setElement(
            ElementTransformer.transform(
                modify.getWherePattern(), new ElementTransformCopyBase(), new Rewrite()));
      }
    }
    return request;
  }

  private static final class Rewrite extends ExprTransformApplyElementTransform {

    Rewrite() {
      super(new ElementTransformCopyBase());
    }

    @Override
    public Expr transform(ExprFunction1 function, Expr argument) {
      Expr copy = super.transform(function, argument);
      return copy instanceof E_StrEncodeForURI
              || copy instanceof E_StrUpperCase
              || copy instanceof E_StrLowerCase
          ? new Counted(copy)
          : copy;
    }

    @Override
    public Expr transform(ExprFunction2 function, Expr left, Expr right) {
      Expr copy = super.transform(function, left, right);
      return copy instanceof E_Multiply ? new Counted(copy) : copy;
    }

    @Override
    public Expr transform(ExprFunctionN function, ExprList arguments) {
      if (function instanceof E_Regex) {
        return new BoundedRegex(arguments);
      }
      if (function instanceof E_StrReplace) {
        return new BoundedReplace(arguments);
      }
      Expr copy = super.transform(function, arguments);
      return copy instanceof E_StrConcat || copy instanceof E_Function ? new Counted(copy) : copy;
    }

    @Override
    public Expr transform(ExprAggregator expression) {
      Aggregator aggregator = expression.getAggregator();
      ExprList arguments =
          aggregator.getExprList() == null
              ? null
              : ExprTransformer.transform(this, aggregator.getExprList());
      Aggregator bounded;
      if (aggregator instanceof AggGroupConcat concat) {
        bounded = new BoundedGroupConcat(arguments.get(0), concat.getSeparator());
      } else if (aggregator instanceof AggGroupConcatDistinct concat) {
        bounded = new BoundedGroupConcatDistinct(arguments.get(0), concat.getSeparator());
      } else if (arguments != null) {
        bounded = aggregator.copy(arguments);
      } else {
        return expression;
      }
      return new ExprAggregator(expression.getVar(), bounded);
    }
  }

  /** Counts the value an expression built against the query's budget. */
  static final class Counted extends ExprFunction1 {

    Counted(Expr built) {
      super(built, "newsgraph:counted");
    }

    @Override
    public NodeValue eval(NodeValue value, FunctionEnv env) {
      QueryBudget budget = QueryBudget.of(env);
      return budget == null ? value : budget.charge(value);
    }

    @Override
    public NodeValue eval(NodeValue value) {
      return value;
    }

    @Override
    public Expr copy(Expr built) {
      return new Counted(built);
    }
  }

  /** {@code REGEX}, stopped when its query is cancelled or out of time. */
  static final class BoundedRegex extends E_Regex {

    private final Pattern constant;

    BoundedRegex(ExprList arguments) {
      super(arguments.get(0), arguments.get(1), arguments.size() > 2 ? arguments.get(2) : null);
      this.constant = constantPattern("Regex", arguments.get(1), flags(arguments, 2));
    }

    @Override
    public NodeValue eval(List<NodeValue> arguments, FunctionEnv env) {
      QueryBudget budget = QueryBudget.of(env);
      if (budget == null) {
        return super.eval(arguments, env);
      }
      String text =
          NodeValueOps.checkAndGetStringLiteral("REGEX", arguments.get(0)).getLiteralLexicalForm();
      Pattern pattern =
          constant != null
              ? constant
              : pattern("Regex", arguments.get(1), arguments.size() > 2 ? arguments.get(2) : null);
      return NodeValue.booleanReturn(pattern.matcher(budget.interruptible(text, env)).find());
    }

    @Override
    public Expr copy(ExprList arguments) {
      return new BoundedRegex(arguments);
    }
  }

  /**
   * {@code REPLACE}, stopped when its query is cancelled or out of time, and with what it builds
   * counted. Like ARQ's, it keeps the language or datatype of the text, and lets a pattern that
   * matches the empty string replace it once at most between two other matches.
   */
  static final class BoundedReplace extends E_StrReplace {

    private final Pattern constant;

    BoundedReplace(ExprList arguments) {
      super(
          arguments.get(0),
          arguments.get(1),
          arguments.get(2),
          arguments.size() > 3 ? arguments.get(3) : null);
      this.constant = constantPattern("REPLACE", arguments.get(1), flags(arguments, 3));
    }

    @Override
    public NodeValue eval(List<NodeValue> arguments, FunctionEnv env) {
      QueryBudget budget = QueryBudget.of(env);
      if (budget == null) {
        return super.eval(arguments, env);
      }
      Node text = NodeValueOps.checkAndGetStringLiteral("replace", arguments.get(0));
      String replacement =
          NodeValueOps.checkAndGetStringLiteral("replace", arguments.get(2))
              .getLiteralLexicalForm();
      Pattern pattern =
          constant != null
              ? constant
              : pattern(
                  "replace", arguments.get(1), arguments.size() > 3 ? arguments.get(3) : null);
      Matcher matcher = pattern.matcher(budget.interruptible(text.getLiteralLexicalForm(), env));
      StringBuilder out = null;
      try {
        while (matcher.find()) {
          if (out == null) {
            out = new StringBuilder();
          } else if (matcher.start() == matcher.end()) {
            continue;
          }
          matcher.appendReplacement(out, replacement);
          budget.requireLength(out.length());
        }
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new ExprEvalException("REPLACE: " + e.getMessage(), e);
      }
      if (out == null) {
        return arguments.get(0);
      }
      matcher.appendTail(out);
      budget.charge(out.length());
      return NodeValue.makeNode(
          NodeFactory.createLiteral(
              out.toString(), text.getLiteralLanguage(), text.getLiteralDatatype()));
    }

    @Override
    public Expr copy(ExprList arguments) {
      return new BoundedReplace(arguments);
    }
  }

  /** {@code GROUP_CONCAT} with what it builds counted. */
  static final class BoundedGroupConcat extends AggGroupConcat {

    private final String separator;

    BoundedGroupConcat(Expr expr, String separator) {
      super(expr, separator);
      this.separator = separator;
    }

    @Override
    public Aggregator copy(ExprList arguments) {
      return new BoundedGroupConcat(arguments.get(0), separator);
    }

    @Override
    public Accumulator createAccumulator() {
      return new CountedConcatenation(getExpr(), separator, false);
    }
  }

  /** {@code GROUP_CONCAT(DISTINCT ...)} with what it builds counted. */
  static final class BoundedGroupConcatDistinct extends AggGroupConcatDistinct {

    private final String separator;

    BoundedGroupConcatDistinct(Expr expr, String separator) {
      super(expr, separator);
      this.separator = separator;
    }

    @Override
    public Aggregator copy(ExprList arguments) {
      return new BoundedGroupConcatDistinct(arguments.get(0), separator);
    }

    @Override
    public Accumulator createAccumulator() {
      return new CountedConcatenation(getExpr(), separator, true);
    }
  }

  private static final class CountedConcatenation extends AccumulatorExpr {

    private final StringBuilder joined = new StringBuilder();
    private final String separator;
    private boolean first = true;

    CountedConcatenation(Expr expr, String separator, boolean distinct) {
      super(expr, distinct);
      this.separator = separator == null ? " " : separator;
    }

    @Override
    protected void accumulate(NodeValue value, Binding binding, FunctionEnv env) {
      String text = value.asString();
      int before = joined.length();
      if (!first) {
        joined.append(separator);
      }
      joined.append(text);
      first = false;
      QueryBudget budget = QueryBudget.of(env);
      if (budget != null) {
        budget.requireLength(joined.length());
        budget.count(joined.length() - before);
      }
    }

    @Override
    protected void accumulateError(Binding binding, FunctionEnv env) {}

    @Override
    public NodeValue getAccValue() {
      return NodeValue.makeString(joined.toString());
    }
  }

  private static Expr flags(ExprList arguments, int index) {
    return arguments.size() > index ? arguments.get(index) : null;
  }

  /** The pattern, compiled once, when it and its flags are constant strings. */
  private static Pattern constantPattern(String label, Expr pattern, Expr flags) {
    boolean constant =
        pattern.isConstant()
            && pattern.getConstant().isString()
            && (flags == null || (flags.isConstant() && flags.getConstant().isString()));
    return constant
        ? RegexEngine.makePattern(
            label,
            pattern.getConstant().getString(),
            flags == null ? null : flags.getConstant().getString())
        : null;
  }

  private static Pattern pattern(String label, NodeValue pattern, NodeValue flags) {
    String text = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
    String modifiers =
        flags == null
            ? null
            : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
    return RegexEngine.makePattern(label, text, modifiers);
  }
}
