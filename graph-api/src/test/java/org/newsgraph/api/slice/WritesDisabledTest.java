package org.newsgraph.api.slice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsgraph.api.security.WriteAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * With no API key and no user configured, every write is refused with 403 and reads still serve.
 */
@WebMvcTest(properties = "newsgraph.sparql.update-enabled=true")
@Import({SliceStore.class, WriteAccess.class})
class WritesDisabledTest {

  @Autowired private MockMvcTester mvc;

  @Test
  void everyWriteIsForbiddenWhatEverCredentialsItBrings() {
    assertThat(
            mvc.post()
                .uri("/api/articles")
                .header("X-API-Key", "any-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"x\", \"text\": \"Tove Lund runs Skarholm Ferries.\"}"))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("writing is disabled");
    assertThat(mvc.delete().uri("/api/articles/nordvik-1")).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.post().uri("/update").contentType("application/sparql-update").content("CLEAR ALL"))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/api/articles/nordvik-1")).hasStatusOk();
    assertThat(mvc.get().uri("/api/server"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.writes")
        .isEqualTo("DISABLED");
  }
}
