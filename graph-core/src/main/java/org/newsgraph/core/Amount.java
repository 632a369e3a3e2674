package org.newsgraph.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A sum of money that an article gives for an event, such as the price of an acquisition or the
 * size of a funding round.
 *
 * @param value the sum in units of the currency ("$10 billion" is 10000000000)
 * @param currency the ISO 4217 code, such as {@code USD}
 * @param text the words that state it, as the article writes them
 */
public record Amount(BigDecimal value, String currency, String text) {

  public Amount {
    requireNonNull(value, "value");
    requireNonNull(currency, "currency");
    requireNonNull(text, "text");
    if (value.signum() <= 0) {
      throw new GraphException("amount \"" + text + "\": " + value + " is not a positive sum");
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new GraphException(
          "amount \"" + text + "\": currency \"" + currency + "\" is not an ISO 4217 code");
    }
  }
}
