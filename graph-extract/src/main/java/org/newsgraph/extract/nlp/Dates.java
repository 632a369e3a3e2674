package org.newsgraph.extract.nlp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.core.DateValue;

/**
 * Turns the dates that SUTime normalises ({@code 2025-01-21}, {@code 1944-04}, {@code 2016}, {@code
 * 2025-01-21T10:00}) into {@link DateValue}s, and drops what is not a calendar date (durations,
 * sets, dates with unknown years such as {@code XXXX-04-10}).
 */
public final class Dates {

  private static final Pattern LEADING_DATE = Pattern.compile("^(\\d{4})(-\\d{2})?(-\\d{2})?");

  private Dates() {}

  /** Returns the normalised date that a SUTime value starts with, if it starts with one. */
  public static Optional<String> fromSuTime(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher matcher = LEADING_DATE.matcher(value);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String rest = value.substring(matcher.end());
    if (!rest.isEmpty() && !rest.startsWith("T")) {
      return Optional.empty();
    }
    String date = matcher.group();
    return DateValue.isValid(date) ? Optional.of(date) : Optional.empty();
  }
}
