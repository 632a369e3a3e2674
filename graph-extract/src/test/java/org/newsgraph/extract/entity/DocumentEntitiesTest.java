package org.newsgraph.extract.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Mention;

/** Entities of one article made one where their keys say they are one thing. */
class DocumentEntitiesTest {

  private static final String TEXT =
      "Microsoft Corp. said on Monday that MSFT shares and Microsoft rose.";

  private static Mention at(String words, int from) {
    int start = TEXT.indexOf(words, from);
    return Mention.in(TEXT, start, start + words.length());
  }

  @Test
  void namesOfOneKeyOrOneLinkBecomeOneEntityAndTheirMentionsFollow() {
    Entity corp =
        new Entity(
            EntityType.ORGANIZATION,
            "Microsoft Corp.",
            List.of(),
            List.of(at("Microsoft Corp.", 0)));
    Entity plain =
        new Entity(EntityType.ORGANIZATION, "Microsoft", List.of(), List.of(at("Microsoft", 20)));
    Entity ticker = new Entity(EntityType.ORGANIZATION, "MSFT", List.of(), List.of(at("MSFT", 0)));
    DocumentEntities recognised =
        new DocumentEntities(
            List.of(corp, ticker, plain),
            List.of(
                new EntityMention(corp, corp.mentions().get(0), true),
                new EntityMention(ticker, ticker.mentions().get(0), true),
                new EntityMention(plain, plain.mentions().get(0), true)));

    DocumentEntities unlinked = recognised.linked(e -> Optional.empty());
    DocumentEntities linked =
        recognised.linked(
            e ->
                e.name().equals("MSFT") || e.name().startsWith("Microsoft")
                    ? Optional.of("Microsoft")
                    : Optional.empty());

    // By key alone, "Microsoft Corp." and "Microsoft" are one company; the ticker is not yet.
    assertThat(unlinked.entities())
        .extracting(Entity::name)
        .containsExactly("Microsoft Corp.", "MSFT");
    assertThat(unlinked.entities().get(0).aliases()).contains("Microsoft Corp.", "Microsoft");
    // Linked to one title, all three are one, and every mention refers to it.
    assertThat(linked.entities()).hasSize(1);
    Entity one = linked.entities().get(0);
    assertThat(one.link()).isEqualTo("Microsoft");
    assertThat(one.mentions()).hasSize(3);
    assertThat(linked.mentions()).allSatisfy(m -> assertThat(m.entity()).isSameAs(one));
  }
}
