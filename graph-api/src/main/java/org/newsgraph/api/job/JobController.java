package org.newsgraph.api.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsgraph.api.ingest.IngestJobs;
import org.newsgraph.api.rest.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The progress of batch ingests. */
@RestController
@Tag(name = "Jobs", description = "Batch ingests")
class JobController {

  private final IngestJobs jobs;

  JobController(IngestJobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping(path = "/api/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A batch's progress: articles done and failed, rate, time left")
  IngestJobs.Job job(@PathVariable String id) {
    return jobs.get(id).orElseThrow(() -> unknown(id));
  }

  @DeleteMapping(path = "/api/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Cancel a batch (writers only): it stops before its next article",
      description = "The articles it stored stay. Answers the job as it is now.")
  IngestJobs.Job cancel(@PathVariable String id) {
    return jobs.cancel(id).orElseThrow(() -> unknown(id));
  }

  private static RuntimeException unknown(String id) {
    return Problems.notFound("no job with id " + id + " is known");
  }
}
