package org.newsgraph.extract.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganizationKindTest {

  @Test
  void theLastWordOrTheWordsBeforeOfTellTheKind() {
    assertThat(OrganizationKind.of("Purdue University")).isEqualTo("SCHOOL");
    assertThat(OrganizationKind.of("Chalmers University of Technology")).isEqualTo("SCHOOL");
    assertThat(OrganizationKind.of("University of Manchester")).isEqualTo("SCHOOL");
    assertThat(OrganizationKind.of("Labour Party")).isEqualTo("PARTY");
    assertThat(OrganizationKind.of("Quarry Systems")).isEqualTo("COMPANY");
    assertThat(OrganizationKind.of("Bank of America")).isEqualTo("COMPANY");
    assertThat(OrganizationKind.of("Threshly")).isEqualTo("UNKNOWN");
  }
}
