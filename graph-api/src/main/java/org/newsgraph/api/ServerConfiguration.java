package org.newsgraph.api;

import org.newsgraph.api.graph.GraphReader;
import org.newsgraph.api.ingest.IngestJobs;
import org.newsgraph.api.ingest.IngestService;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.extract.ArticleExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's parts: the store, the extractor, ingest and the reader the controllers share, and
 * the background loading of the NLP pipeline. Kept apart from the application class so that web
 * slice tests can stand the controllers on a store of their own.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ServerConfiguration.class);

  @Bean(destroyMethod = "close")
  GraphStore graphStore(NewsgraphProperties properties) {
    return properties.store().open();
  }

  @Bean
  QueryLimits queryLimits(NewsgraphProperties properties) {
    return new QueryLimits(properties.sparql().timeout(), properties.sparql().maxRows());
  }

  @Bean
  ArticleExtractor articleExtractor(NewsgraphProperties properties) {
    return ArticleExtractor.withThreshold(properties.extraction().threshold());
  }

  @Bean
  IngestService ingestService(GraphStore store, ArticleExtractor extractor) {
    return new IngestService(store, extractor);
  }

  @Bean(destroyMethod = "close")
  IngestJobs ingestJobs(IngestService ingest) {
    return new IngestJobs(ingest);
  }

  @Bean
  GraphReader graphReader(GraphStore store, QueryLimits limits) {
    return new GraphReader(store, limits);
  }

  @Bean
  ApplicationRunner pipelinePreloader(IngestService ingest, NewsgraphProperties properties) {
    return arguments -> {
      if (!properties.extraction().preload()) {
        return;
      }
      Thread loader =
          new Thread(
              () -> {
                long start = System.nanoTime();
                try {
                  ingest.loadPipeline();
                  log.info(
                      "NLP pipeline ready in {} s", (System.nanoTime() - start) / 1_000_000_000);
                } catch (RuntimeException | Error e) {
                  log.error("NLP pipeline failed to load: {}", e.toString());
                }
              },
              "nlp-pipeline-loader");
      loader.setDaemon(true);
      loader.start();
    };
  }
}
