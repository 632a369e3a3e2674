package org.newsgraph.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * A normalised date as news states it: a year ({@code 2016}), a month ({@code 2016-05}) or a day
 * ({@code 2016-05-04}).
 */
public final class DateValue {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private DateValue() {}

  /** Returns whether the text is a year, a month or a day in ISO 8601 form. */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    try {
      if (DAY.matcher(value).matches()) {
        LocalDate.parse(value);
        return true;
      }
      if (MONTH.matcher(value).matches()) {
        YearMonth.parse(value);
        return true;
      }
      return YEAR.matcher(value).matches();
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * Returns the value as a typed literal: {@code xsd:date}, {@code xsd:gYearMonth} or {@code
   * xsd:gYear}.
   *
   * @throws GraphException if the value is not a date in one of those forms
   */
  public static Literal toLiteral(String value) {
    if (!isValid(value)) {
      throw new GraphException(
          "\"" + value + "\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    XSDDatatype type =
        DAY.matcher(value).matches()
            ? XSDDatatype.XSDdate
            : MONTH.matcher(value).matches() ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDgYear;
    return ResourceFactory.createTypedLiteral(value, type);
  }
}
