package org.newsgraph.api.health;

import org.newsgraph.core.store.GraphStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Whether the store answers: it lists its articles in a read transaction. */
@Component("store")
class StoreHealth implements HealthIndicator {

  private final GraphStore store;

  StoreHealth(GraphStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    return Health.up().withDetail("articles", store.articleIds().size()).build();
  }
}
