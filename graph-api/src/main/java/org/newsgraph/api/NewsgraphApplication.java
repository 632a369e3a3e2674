package org.newsgraph.api;

import org.newsgraph.api.ingest.IngestService;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.ArticleExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Newsgraph server: the SPARQL endpoint and the REST API over the store. It answers SPARQL as
 * soon as the store is open; the NLP pipeline, needed only to ingest, loads in the background.
 */
@SpringBootApplication
@EnableConfigurationProperties(NewsgraphProperties.class)
public class NewsgraphApplication {

  private static final Logger log = LoggerFactory.getLogger(NewsgraphApplication.class);

  @Bean(destroyMethod = "close")
  GraphStore graphStore(NewsgraphProperties properties) {
    return Tdb2GraphStore.open(properties.store().path());
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
