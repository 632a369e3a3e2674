package org.newsgraph.extract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Amount;

/** Reading the words of sums of money, with and without a value from CoreNLP's tagger. */
class AmountsTest {

  private static Amount read(String words, String tagged) {
    Optional<Amount> amount = Amounts.standard().read(words, tagged);
    assertThat(amount).as("the sum \"%s\"", words).isPresent();
    return amount.get();
  }

  @Test
  void aScaleWrittenApartFromTheNumberIsKeptWhereTheTaggerDropsIt() {
    Amount amount = read("£1.2bn", "£1.2");
    assertThat(amount.value()).isEqualByComparingTo(new BigDecimal("1200000000"));
    assertThat(amount.currency()).isEqualTo("GBP");
    assertThat(amount.text()).isEqualTo("£1.2bn");
  }

  @Test
  void theTaggersValueStandsWhereTheWordsAgreeOrCannotBeRead() {
    assertThat(read("10 billion dollars", "$1.0E10").value())
        .isEqualByComparingTo(new BigDecimal("10000000000"));
    Amount words = read("twelve million dollars", "$1.2E7");
    assertThat(words.value()).isEqualByComparingTo(new BigDecimal("12000000"));
    assertThat(words.currency()).isEqualTo("USD");
  }

  @Test
  void aCurrencyIsNamedByItsSymbolOrWordNotByTheTaggersDollar() {
    assertThat(read("C$40 million", "$4.0E7").currency()).isEqualTo("CAD");
    assertThat(read("US$5m", "$5000000.0").currency()).isEqualTo("USD");
    Amount francs = read("400 million Swiss francs", null);
    assertThat(francs.currency()).isEqualTo("CHF");
    assertThat(francs.value()).isEqualByComparingTo(new BigDecimal("400000000"));
    Amount crore = read("Rs 500 crore", null);
    assertThat(crore.currency()).isEqualTo("INR");
    assertThat(crore.value()).isEqualByComparingTo(new BigDecimal("5000000000"));
  }

  @Test
  void aNumberWithoutACurrencyIsNoSum() {
    assertThat(Amounts.standard().read("40 shops", null)).isEmpty();
    assertThat(Amounts.standard().read("2 million patients", null)).isEmpty();
  }

  @Test
  void theValueIsWrittenInUnitsNotInAnExponent() {
    assertThat(read("$10bn", "$10").value().toPlainString()).isEqualTo("10000000000");
    assertThat(read("$10bn", "$10").value().toString()).isEqualTo("10000000000");
  }
}
