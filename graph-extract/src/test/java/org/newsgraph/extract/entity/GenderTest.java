package org.newsgraph.extract.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenderTest {

  @Test
  void firstNamesAndPronounsTellAGender() {
    assertThat(Gender.ofFirstName("Maria")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.ofFirstName("Jonah")).isEqualTo(Gender.MALE);
    assertThat(Gender.ofPronoun("Her")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.ofPronoun("it")).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void anUnknownGenderAgreesWithAnyPronoun() {
    assertThat(Gender.UNKNOWN.agrees(Gender.MALE)).isTrue();
    assertThat(Gender.FEMALE.agrees(Gender.MALE)).isFalse();
  }

  @Test
  void demonymsNameTheirCountryByItsUsualName() {
    assertThat(Demonyms.placeOf("Senegalese")).contains("Senegal");
    assertThat(Demonyms.placeOf("American")).contains("United States");
    assertThat(Demonyms.placeOf("american")).isEmpty();
  }
}
