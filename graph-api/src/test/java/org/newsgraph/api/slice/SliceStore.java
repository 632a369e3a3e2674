package org.newsgraph.api.slice;

import org.newsgraph.api.TemporaryFolders;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.ingest.IngestJobs;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.core.Fixtures;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.core.store.Tdb2GraphStore;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * What the controllers stand on in a slice test: a TDB2 store in a fresh folder holding one
 * hand-built article (no NLP), the readers of each feature over it (the components whose names end
 * in Reader, with the entity names and article references they share), and an ingest service whose
 * pipeline is never loaded, so that ingest answers 503.
 */
@TestConfiguration
@EnableConfigurationProperties(NewsgraphProperties.class)
@ComponentScan(
    basePackages = "org.newsgraph.api",
    useDefaultFilters = false,
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.newsgraph\\.api\\..*\\.(\\w+Reader|EntityNames|ArticleRefs)"))
class SliceStore {

  @Bean(destroyMethod = "close")
  GraphStore graphStore() {
    GraphStore store = Tdb2GraphStore.open(TemporaryFolders.deletedAtExit("newsgraph-slice"));
    store.replaceArticle(Fixtures.nordvik());
    return store;
  }

  @Bean
  QueryLimits queryLimits(NewsgraphProperties properties) {
    return properties.sparql().limits();
  }

  @Bean
  ArticleExtractor articleExtractor() {
    return ArticleExtractor.withThreshold(0.3);
  }

  @Bean
  NlpPipelineLoader nlpPipelineLoader(ArticleExtractor extractor) {
    return new NlpPipelineLoader(() -> extractor);
  }

  @Bean
  IngestPipeline ingestPipeline(GraphStore store, ArticleExtractor extractor) {
    return IngestPipeline.into(store).extractor(extractor::extract).build();
  }

  @Bean(destroyMethod = "close")
  IngestJobs ingestJobs(IngestPipeline pipeline) {
    return new IngestJobs(pipeline);
  }
}
