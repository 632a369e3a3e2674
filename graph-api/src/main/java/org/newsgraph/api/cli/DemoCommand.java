package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsgraph.api.ingest.NlpPipelineLoader;
import org.newsgraph.core.Article;
import org.newsgraph.core.ingest.IngestPipeline;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.extract.pipeline.ArticleExtractor;
import org.newsgraph.extract.read.SampleCorpus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code newsgraph demo}: the sample corpus into the store, then serve. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the server on the store (./data unless --store), loads the sample articles written"
          + " for Newsgraph into it (those already there unchanged are skipped), and keeps serving.",
    })
public final class DemoCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  /** Settings for Spring, such as {@code --newsgraph.sparql.timeout=10s}. */
  @Unmatched String[] settings = new String[0];

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ConfigurableApplicationContext context =
        server.start(
            Map.of(
                "newsgraph.extraction.preload",
                false,
                // The demo listens on loopback only (unless --host says otherwise), and lets
                // anyone there add articles: no credentials to set up.
                "newsgraph.security.open-writes",
                !server.listensBeyondLoopback()),
            settings);
    List<Article> samples = SampleCorpus.articles();
    err.println("Loading the NLP pipeline (about half a minute)...");
    context.getBean(NlpPipelineLoader.class).load();
    // The server's store and extractor; the sample articles stored already are left as they are.
    IngestPipeline pipeline =
        IngestPipeline.into(context.getBean(GraphStore.class))
            .extractor(context.getBean(ArticleExtractor.class)::extract)
            .skipUnchanged(true)
            .build();
    IngestCommand.run(pipeline, "demo", samples, err);
    ServerOptions.printUrls(spec.commandLine().getOut(), context);
    ServerOptions.awaitClose(context);
    return 0;
  }
}
