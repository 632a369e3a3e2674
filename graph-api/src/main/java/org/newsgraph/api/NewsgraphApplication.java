package org.newsgraph.api;

import org.newsgraph.api.config.NewsgraphProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Newsgraph server: the SPARQL endpoint and the REST API over the store. It answers SPARQL as
 * soon as the store is open; the NLP pipeline, needed only to ingest, loads in the background. Its
 * parts are wired in {@link ServerConfiguration}.
 */
@SpringBootApplication
@EnableConfigurationProperties(NewsgraphProperties.class)
public class NewsgraphApplication {}
