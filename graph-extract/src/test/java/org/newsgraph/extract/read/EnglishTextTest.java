package org.newsgraph.extract.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.core.Article;
import org.newsgraph.extract.ExtractionException;

class EnglishTextTest {

  @Test
  void everySampleArticlePasses() {
    assertThat(SampleCorpus.articles())
        .isNotEmpty()
        .allSatisfy(
            article ->
                assertThatCode(() -> EnglishText.require(article)).doesNotThrowAnyException());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Die Firma Nordvik Robotics aus Göteborg hat am Montag eine neue Chefin ernannt. Maria"
            + " Lindqvist soll das Unternehmen durch eine schwierige Zeit führen, sagte der"
            + " Aufsichtsrat. Sie war zuvor bei einem Hersteller von Lagerrobotern tätig und gilt"
            + " als erfahrene Managerin.",
        "La société Solvane, installée à Lyon, a présenté mardi sa première batterie pour les"
            + " maisons. Selon sa fondatrice, le produit doit permettre de stocker l'énergie"
            + " solaire pendant la nuit et sera vendu dès le printemps prochain dans toute la"
            + " France.",
        "La empresa Kestrel Dynamics, con sede en Denver, recaudó ciento veinte millones de"
            + " dólares el miércoles para construir hangares de drones. Su directora dijo que"
            + " el dinero servirá para contratar ingenieros y abrir nuevas oficinas en Europa"
            + " durante los próximos meses.",
        "Компания Северные Роботы объявила в понедельник о назначении нового генерального"
            + " директора. Мария Линдквист возглавит компанию в трудное время, сообщил совет"
            + " директоров. Ранее она работала у производителя складских роботов и считается"
            + " опытным руководителем в отрасли."
      })
  void textInOtherLanguagesIsRefusedWithAClearMessage(String text) {
    assertThatThrownBy(() -> EnglishText.require(Article.of("foreign", text)))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("article foreign: the text")
        .hasMessageEndingWith("Newsgraph reads English only");
  }

  @Test
  void textTooShortToJudgePasses() {
    assertThatCode(
            () -> EnglishText.require(Article.of("short", "Tove Lund runs Skarholm Ferries.")))
        .doesNotThrowAnyException();
  }
}
