package org.newsgraph.api.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.api.NamesakeArticles;
import org.newsgraph.api.ServerTest;
import org.newsgraph.core.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two people of one name over HTTP: each has an id of their own, the plain id answers with the
 * choice of them, and an id that no longer names anyone sends its readers to the plain one.
 */
class NamesakesApiTest extends ServerTest {

  private static final String PLAIN = "/api/entities/" + NamesakeArticles.PLAIN;

  @Autowired GraphStore store;

  @AfterEach
  void removeThem() {
    store.deleteArticle("namesakes-1");
    store.deleteArticle("namesakes-2");
  }

  @Test
  void thePlainIdOfASharedNameAnswersWithTheChoiceOfPeople() throws Exception {
    store.replaceArticle(NamesakeArticles.working("namesakes-1", "Quarrow Mills"));
    store.replaceArticle(NamesakeArticles.working("namesakes-2", "Pellinore Bank"));

    HttpResponse<String> plain = get(PLAIN, "application/json");

    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(300);
    JsonNode choice = json(plain);
    assertThat(choice.get("id").asString()).isEqualTo("person/ottoline-brackwater");
    List<String> ids = new ArrayList<>();
    choice.get("namesakes").forEach(namesake -> ids.add(namesake.get("id").asString()));
    assertThat(ids)
        .containsExactly(
            "person/ottoline-brackwater--pellinore-bank",
            "person/ottoline-brackwater--quarrow-mills");
    HttpResponse<String> one = get(PLAIN + "--quarrow-mills", "application/json");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("articles")).hasSize(1);
  }

  @Test
  void anIdThatNoLongerNamesAnyoneSendsItsReadersToThePlainOne() throws Exception {
    store.replaceArticle(NamesakeArticles.working("namesakes-1", "Quarrow Mills"));
    store.replaceArticle(NamesakeArticles.working("namesakes-2", "Pellinore Bank"));
    store.deleteArticle("namesakes-2");

    HttpResponse<String> gone = get(PLAIN + "--quarrow-mills", "application/json");

    assertThat(gone.statusCode()).isEqualTo(308);
    assertThat(gone.headers().firstValue("Location")).hasValue(PLAIN);
    assertThat(get(PLAIN, "application/json").statusCode()).isEqualTo(200);
  }
}
