package org.newsgraph.api.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.event.EventReader.EventFilter;

class EventReaderTest {

  @Test
  void aFilterNarrowsByAParticipantOrByAnArticleNotBoth() {
    assertThatThrownBy(
            () ->
                new EventFilter(
                    null,
                    null,
                    null,
                    NodeFactory.createURI("https://newsgraph.org/id/entity/person/ada"),
                    NodeFactory.createURI("https://newsgraph.org/id/article/a-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("events are filtered by a participant or by an article, not both");
  }
}
