package org.newsgraph.api;

import org.apache.catalina.core.StandardHost;
import org.newsgraph.api.config.NewsgraphProperties;
import org.newsgraph.api.ingest.IngestJobs;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.core.store.GraphStores;
import org.newsgraph.core.store.QueryLimits;
import org.newsgraph.extract.link.EntityLinker;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The server's parts: the store, the extractor and ingest, and the background loading of the NLP
 * pipeline (each feature's reader is a component of its package, over the store). Kept apart from
 * the application class so that web slice tests can stand the controllers on a store of their own.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ServerConfiguration.class);

  /** The store, opened at start-up; how long that took is logged, for start-up to be measured. */
  @Bean(destroyMethod = "close")
  GraphStore graphStore(NewsgraphProperties properties) {
    long start = System.nanoTime();
    GraphStore store = GraphStores.open(properties.store().settings());
    log.info("store opened in {} ms", (System.nanoTime() - start) / 1_000_000);
    return store;
  }

  @Bean
  QueryLimits queryLimits(NewsgraphProperties properties) {
    return properties.sparql().limits();
  }

  /**
   * The extractor, made when the NLP pipeline loads or an article first comes, not at start-up:
   * reading its rule files and relation model took seconds before SPARQL could answer.
   */
  @Bean
  @Lazy
  ArticleExtractor articleExtractor(NewsgraphProperties properties) {
    ArticleExtractor extractor =
        ArticleExtractor.withThreshold(
            properties.extraction().threshold(), properties.extraction().encoder());
    if (!properties.extraction().link()) {
      return extractor;
    }
    return extractor.withLinker(
        EntityLinker.onIndex(
            properties.extraction().wikidict(), line -> log.info("wikidict: {}", line)));
  }

  @Bean
  NlpPipelineLoader nlpPipelineLoader(ObjectProvider<ArticleExtractor> extractor) {
    return new NlpPipelineLoader(extractor::getObject);
  }

  /** The one way articles go into the store, for single articles and batch jobs alike. */
  @Bean
  IngestPipeline ingestPipeline(
      GraphStore store,
      ObjectProvider<ArticleExtractor> extractor,
      NewsgraphProperties properties) {
    return IngestPipeline.into(store)
        .extractor(article -> extractor.getObject().extract(article))
        .batchSize(properties.ingest().articlesPerTransaction())
        .build();
  }

  @Bean(destroyMethod = "close")
  IngestJobs ingestJobs(IngestPipeline pipeline) {
    return new IngestJobs(pipeline);
  }

  /**
   * On shutdown, once the requests running had their moment to finish, cancels the batch jobs and
   * the queries still running, before the web server stops: it would otherwise wait for those
   * requests. The store closes after the web server, with nothing left running. (Spring's test
   * contexts stop and start again between uses, so stopping cancels and closes nothing for good.)
   */
  @Bean
  SmartLifecycle cancelWorkBeforeTheWebServerStops(IngestJobs jobs, GraphStore store) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        jobs.cancelAll();
        store.cancelRunning();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        // After the graceful shutdown's wait, before the web server stops (1024 phases lower).
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;
      }
    };
  }

  /**
   * The servlet container answers the requests it refuses itself with problem details too, and asks
   * for a request's body ({@code 100 Continue}) only once the server reads it: a body over the
   * limits is refused before the client sends it.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcat() {
    return factory -> {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
          });
      factory.addConnectorCustomizers(
          connector -> connector.setProperty("continueResponseTiming", "onRead"));
    };
  }

  @Bean
  ApplicationRunner pipelinePreloader(NlpPipelineLoader nlp, NewsgraphProperties properties) {
    return arguments -> {
      if (!properties.extraction().preload()) {
        return;
      }
      Thread loader =
          new Thread(
              () -> {
                long start = System.nanoTime();
                try {
                  nlp.load();
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
