package org.newsgraph.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;

/**
 * When a fact held: whether it is past, and from and until when, each as far as known. One article
 * gives its sentence's time on its assertion ({@code ng:former}, {@code ng:startDate}, {@code
 * ng:endDate}); a fact that several articles state has the time that {@link #of} makes of theirs.
 * The API gives each part beside the other fields of a fact, a source or a relation, and leaves out
 * the parts that are absent (a fact that is not former has no {@code "former"}).
 *
 * @param former whether the fact is past
 * @param start the day, month or year from which it held (YYYY, YYYY-MM or YYYY-MM-DD), or {@code
 *     null}
 * @param end the day, month or year until which it held, or {@code null}
 */
public record FactTime(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean former,
    @JsonInclude(JsonInclude.Include.NON_NULL) String start,
    @JsonInclude(JsonInclude.Include.NON_NULL) String end) {

  /** The time of a fact stated as current and without dates. */
  public static final FactTime NONE = new FactTime(false, null, null);

  /**
   * The time one source gives a fact, with when its article was published.
   *
   * @param published the article's publication date (YYYY-MM-DD), or {@code null} if unknown
   * @param time the time the source gives
   */
  public record Stated(String published, FactTime time) {}

  /**
   * Returns the time in a row's {@code ?former}, {@code ?start} and {@code ?end}, each optional.
   */
  public static FactTime ofRow(QuerySolution row) {
    Literal former = row.getLiteral("former");
    Literal start = row.getLiteral("start");
    Literal end = row.getLiteral("end");
    return new FactTime(
        former != null && former.getBoolean(),
        start == null ? null : start.getLexicalForm(),
        end == null ? null : end.getLexicalForm());
  }

  /**
   * Returns the time of a fact from the times its sources give it. News moves on, so the latest
   * word counts: the fact is former when its most recently published sources state it as former
   * (any of them, when several share the latest date, since a change is what news reports first;
   * sources without a publication date count as older than any with one). It started at the
   * earliest start any source gives, since a later article does not make an earlier start untrue.
   * It ended at the latest end that a source gives, when the fact is former; when the latest
   * sources state it as current, only their own ends count, since a later article stating the fact
   * again outranks an earlier one's end.
   */
  public static FactTime of(Collection<Stated> sources) {
    if (sources.isEmpty()) {
      return NONE;
    }
    String latest =
        sources.stream()
            .map(Stated::published)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    List<FactTime> newest =
        sources.stream()
            .filter(s -> Objects.equals(s.published(), latest))
            .map(Stated::time)
            .toList();
    List<FactTime> all = sources.stream().map(Stated::time).toList();
    boolean former = newest.stream().anyMatch(FactTime::former);
    String start =
        all.stream()
            .map(FactTime::start)
            .filter(Objects::nonNull)
            .min(Comparator.comparing(FactTime::firstDay).thenComparing(Comparator.naturalOrder()))
            .orElse(null);
    String end =
        (former ? all : newest)
            .stream()
                .map(FactTime::end)
                .filter(Objects::nonNull)
                .max(
                    Comparator.comparing(FactTime::lastDay)
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    return new FactTime(former, start, end);
  }

  /** The first day a year, a month or a day covers, to compare starts of different precision. */
  private static String firstDay(String date) {
    return date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
  }

  /** The last day a year, a month or a day covers (a month as its 31st: only order matters). */
  private static String lastDay(String date) {
    return date.length() == 4 ? date + "-12-31" : date.length() == 7 ? date + "-31" : date;
  }
}
