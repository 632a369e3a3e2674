package org.newsgraph.api.health;

import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the NLP pipeline, which ingest needs, is loaded. While it loads the status is {@link
 * #LOADING}: the readiness group ranks that below UP, so the server reads as ready (SPARQL and
 * reads serve from the open store) while this component says ingest must wait; {@code
 * /actuator/health/readiness/nlpPipeline} answers 503 until the models are in.
 */
@Component("nlpPipeline")
class NlpPipelineHealth implements HealthIndicator {

  /** The pipeline is loading: reads serve, ingest answers 503. */
  static final Status LOADING = new Status("LOADING", "the NLP pipeline is loading; ingest waits");

  private final NlpPipelineLoader nlp;

  NlpPipelineHealth(NlpPipelineLoader nlp) {
    this.nlp = nlp;
  }

  @Override
  public Health health() {
    return switch (nlp.state()) {
      case READY -> Health.up().withDetail("pipeline", "loaded").build();
      case NOT_LOADED, LOADING -> Health.status(LOADING).withDetail("pipeline", "loading").build();
      case FAILED ->
          Health.down().withDetail("pipeline", "failed to load: " + nlp.failure()).build();
    };
  }
}
