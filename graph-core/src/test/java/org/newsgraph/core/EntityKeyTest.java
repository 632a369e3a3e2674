package org.newsgraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsgraph.ontology.IriMinter;

/** The keys of namesakes: a person's plain key qualified by an organisation, and back. */
class EntityKeyTest {

  private static final EntityKey PRIYA = new EntityKey("person", "priya-raman");

  @Test
  void aPersonsKeyQualifiedByAnOrganisationGivesThePlainKeyBack() {
    EntityKey qualified = PRIYA.qualified("Lumora Labs");

    assertThat(qualified.id()).isEqualTo("person/priya-raman--lumora-labs");
    assertThat(qualified.isQualified()).isTrue();
    assertThat(qualified.plain()).isEqualTo(PRIYA);
    assertThat(EntityKey.ofIri(qualified.iri().getURI())).hasValue(qualified);
    assertThat(PRIYA.isQualified()).isFalse();
    assertThat(PRIYA.plain()).isEqualTo(PRIYA);
  }

  @Test
  void onlyAPersonsPlainKeyIsQualified() {
    assertThatThrownBy(() -> new EntityKey("organization", "zendesk").qualified("acme"))
        .isInstanceOf(GraphException.class)
        .hasMessage("only a person's plain key is qualified, not organization/zendesk");
    assertThatThrownBy(() -> PRIYA.qualified("zendesk").qualified("acme"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("not person/priya-raman--zendesk");
    // No name's plain key looks qualified: a slug never holds two hyphens in a row.
    assertThat(IriMinter.slug("Priya -- Raman")).isEqualTo("priya-raman");
    assertThat(new EntityKey("organization", "a--b").plain().id()).isEqualTo("organization/a--b");
  }
}
