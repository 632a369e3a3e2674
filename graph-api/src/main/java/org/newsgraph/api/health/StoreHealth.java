package org.newsgraph.api.health;

import org.newsgraph.api.stats.StatsReader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the store answers, and how many articles it holds: the reader's counts, which it keeps
 * until the next write, so that frequent probes do not count the store each time.
 */
@Component("store")
class StoreHealth implements HealthIndicator {

  private final StatsReader reader;

  StoreHealth(StatsReader reader) {
    this.reader = reader;
  }

  @Override
  public Health health() {
    return Health.up().withDetail("articles", reader.stats().articles()).build();
  }
}
