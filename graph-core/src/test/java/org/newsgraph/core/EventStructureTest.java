package org.newsgraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EventStructureTest {

  @Test
  void anEventKeepsItsStatusAmountAndEffectiveDate() {
    Event event = Fixtures.nordvik().events().get(0);
    Amount price = new Amount(new BigDecimal("1.2e9"), "USD", "$1.2 billion");

    Event structured = event.withStructure(EventStatus.ANNOUNCED, price, "2025-06-01");

    assertThat(event.status()).isNull();
    assertThat(structured.status()).isEqualTo(EventStatus.ANNOUNCED);
    assertThat(structured.amount().value()).isEqualByComparingTo("1200000000");
    assertThat(structured.effectiveDate()).isEqualTo("2025-06-01");
    assertThat(structured.participants()).isEqualTo(event.participants());
  }

  @Test
  void statusesAreReadByTheirNamesInRecords() {
    assertThat(EventStatus.fromLabel("Rumoured")).isEqualTo(EventStatus.RUMOURED);
    assertThat(EventStatus.BLOCKED.label()).isEqualTo("blocked");
    assertThatThrownBy(() -> EventStatus.fromLabel("cancelled"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("\"cancelled\"");
  }

  @Test
  void aBadAmountOrDateIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> new Amount(BigDecimal.ZERO, "USD", "nothing"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("not a positive sum");
    assertThatThrownBy(() -> new Amount(BigDecimal.TEN, "dollars", "$10"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("ISO 4217");
    Event event = Fixtures.nordvik().events().get(0);
    assertThatThrownBy(() -> event.withStructure(null, null, "next spring"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("effective date \"next spring\"");
  }

  @Test
  void aFactCarriesTheTimeTheArticleGivesIt() {
    Fact fact = Fixtures.nordvik().facts().get(0);

    Fact past = fact.withTime(true, "2019", "2024-05");

    assertThat(fact.former()).isFalse();
    assertThat(past.former()).isTrue();
    assertThat(past.start()).isEqualTo("2019");
    assertThat(past.end()).isEqualTo("2024-05");
    assertThatThrownBy(() -> fact.withTime(false, "last year", null))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("\"last year\" is not a date");
  }
}
