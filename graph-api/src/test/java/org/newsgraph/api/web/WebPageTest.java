package org.newsgraph.api.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.newsgraph.api.FactArticles;
import org.newsgraph.api.NamesakeArticles;
import org.newsgraph.api.ServerTest;
import org.newsgraph.api.StructureArticles;
import org.newsgraph.api.TemporaryFolders;
import org.newsgraph.core.Article;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityType;
import org.newsgraph.core.Extraction;
import org.newsgraph.core.store.GraphStore;
import org.newsgraph.ontology.EventRole;
import org.newsgraph.ontology.NG;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The web page in a real headless Chromium against the running server, on the sample corpus. Each
 * test leaves a screenshot in {@code target/screenshots}. Chromium and ChromeDriver come from
 * Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); {@code
 * CHROMIUM} and {@code CHROMEDRIVER} point elsewhere.
 */
class WebPageTest extends ServerTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
  private static ChromeDriver browser;

  @Autowired GraphStore store;

  @BeforeAll
  static void startChromium() throws IOException {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
      throw new IllegalStateException(
          "the browser tests need Chromium at "
              + chromium
              + " and ChromeDriver at "
              + driver
              + ": apt-get install -y chromium chromium-driver (.ci/run does), or set CHROMIUM and"
              + " CHROMEDRIVER");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + TemporaryFolders.deletedAtExit("newsgraph-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    browser = new ChromeDriver(service, options);
    // The page copies links: the clipboard is allowed, as a reader's click allows it.
    browser.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    Files.createDirectories(SCREENSHOTS);
    // Files the page offers are saved here, where the tests read them back.
    Files.createDirectories(DOWNLOADS);
    try (var saved = Files.list(DOWNLOADS)) {
      for (Path file : saved.toList()) {
        Files.delete(file);
      }
    }
    browser.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    Path file = SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png");
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void searchSuggestsAPersonAndOpensTheirPage() {
    open("/");
    WebElement search = browser.findElement(By.id("search-input"));
    search.sendKeys("Lindqv");
    WebElement suggestion =
        waitFor(By.xpath("//ul[@id='suggestions']//a[.//span[text()='Maria Lindqvist']]"));
    assertThat(suggestion.getText()).contains("Person");

    suggestion.click();

    waitForText(By.tagName("h1"), "Maria Lindqvist");
    assertThat(browser.getCurrentUrl()).endsWith("#/entity/person/maria-lindqvist");
    WebElement heads = waitFor(By.cssSelector(".fact-group[data-relation='heads']"));
    assertThat(heads.getText()).contains("Nordvik Robotics");
    assertThat(heads.findElement(By.cssSelector(".confidence")).getText()).matches("[01]\\.\\d\\d");
  }

  @Test
  void thePlainIdOfASharedNameListsThePeopleAndEachLeadsToTheirPage() {
    // A remote store keeps article graphs only: who is who is the TDB2 store's.
    Assumptions.assumeTrue(store.decidesIdentity(), "namesakes need a store that decides identity");
    store.replaceArticle(NamesakeArticles.working("page-namesakes-1", "Quarrow Mills"));
    store.replaceArticle(NamesakeArticles.working("page-namesakes-2", "Pellinore Bank"));
    try {
      open("/#/entity/" + NamesakeArticles.PLAIN);
      waitForText(By.tagName("h1"), "Several people share this name");
      List<WebElement> people = browser.findElements(By.cssSelector("ul.namesakes a"));
      assertThat(people).hasSize(2);

      people.get(1).click();

      waitForText(By.tagName("h1"), "Ottoline Brackwater");
      assertThat(browser.getCurrentUrl())
          .endsWith("#/entity/" + NamesakeArticles.PLAIN + "--quarrow-mills");
    } finally {
      store.deleteArticle("page-namesakes-1");
      store.deleteArticle("page-namesakes-2");
    }
  }

  @Test
  void theirCompanyIsInTheGraphAndClickingItMovesThere() {
    open("/#/entity/person/maria-lindqvist");
    List<String> nodes = graphNodes("graph");

    assertThat(nodes).contains("organization/nordvik-robotics");

    clickNode("graph", "organization/nordvik-robotics");
    waitForText(By.tagName("h1"), "Nordvik Robotics");
    assertThat(browser.getCurrentUrl()).endsWith("#/entity/organization/nordvik-robotics");
  }

  @Test
  void theGraphExpandsANodeInPlaceAndFiltersByType() {
    open("/#/entity/person/maria-lindqvist");
    int before = graphNodes("graph").size();

    rightClickNode("graph", "organization/nordvik-robotics");
    waitFor(By.cssSelector(".node-menu button.expand")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> graphNodes("graph").size() > before);
    // Clicking the node scrolled the graph to the middle: the filters above it are brought back.
    WebElement organizations =
        browser.findElement(By.cssSelector(".type-filter input[value='Organization']"));
    script("arguments[0].scrollIntoView({ block: 'center' })", organizations);
    organizations.click();

    Object hidden =
        script(
            "return document.getElementById('graph').cy.getElementById(arguments[0])"
                + ".hasClass('hidden')",
            "organization/nordvik-robotics");
    assertThat(hidden).isEqualTo(true);
    // Still the same page, with the filter in its address.
    assertThat(browser.getCurrentUrl())
        .endsWith("#/entity/person/maria-lindqvist?types=Person,Place,Product,Event");
  }

  @Test
  void anEntityPageFindsThePathsToAnotherAndEachStepLeadsToItsSentence() {
    open("/#/entity/person/ravi-menon");
    waitForText(By.tagName("h1"), "Ravi Menon");
    waitFor(By.cssSelector(".path-finder summary")).click();
    browser.findElement(By.cssSelector(".path-finder input")).sendKeys("Quarry Sys");

    waitFor(By.cssSelector(".path-finder li[data-id='organization/quarry-systems'] a")).click();

    waitForText(By.tagName("h1"), "Paths from Ravi Menon to Quarry Systems");
    assertThat(browser.getCurrentUrl())
        .contains("#/paths?from=person%2Fravi-menon&to=organization%2Fquarry-systems");
    assertThat(graphNodes("path-graph"))
        .contains("person/ravi-menon", "organization/quarry-systems", "organization/tessellate");
    WebElement firstPath = waitFor(By.cssSelector(".paths > li"));
    assertThat(firstPath.findElements(By.cssSelector(".hop"))).hasSize(2);
    assertThat(firstPath.getText()).contains("Ravi Menon works for Tessellate");
    WebElement sentence = firstPath.findElement(By.cssSelector(".hop a.source"));
    String stated = sentence.getAttribute("title");

    sentence.click();

    waitFor(By.cssSelector("#article-text mark"));
    assertThat(markedText()).isEqualTo(stated);
  }

  @Test
  void theGraphsMenuFindsThePathsFromTheCentreToAnEntity() {
    open("/#/entity/person/maria-lindqvist");
    graphNodes("graph");
    rightClickNode("graph", "organization/nordvik-robotics");

    waitFor(By.cssSelector(".node-menu a.path-to")).click();

    waitForText(By.tagName("h1"), "Paths from Maria Lindqvist to Nordvik Robotics");
    assertThat(graphNodes("path-graph"))
        .contains("person/maria-lindqvist", "organization/nordvik-robotics");
    assertThat(waitFor(By.cssSelector(".paths")).getText())
        .contains("Maria Lindqvist heads Nordvik Robotics");
  }

  @Test
  void thePathsPageSaysWhenAnEntityIsUnknownOrNothingConnectsThem() {
    open("/#/paths?from=person/maria-lindqvist&to=person/nobody-at-all");
    assertThat(waitFor(By.cssSelector("main .error")).getText())
        .isEqualTo("No entity with the id person/nobody-at-all is stored.");

    open("/#/paths?from=person/ravi-menon&to=organization/quarry-systems&max=1");
    assertThat(waitFor(By.cssSelector(".no-path")).getText())
        .isEqualTo(
            "No chain of at most 1 relation connects Ravi Menon and Quarry Systems in the graph.");
    assertThat(browser.findElements(By.id("path-graph"))).isEmpty();
    waitFor(By.linkText("Look for longer ones, up to 5 relations")).click();
    assertThat(graphNodes("path-graph")).contains("organization/quarry-systems");
  }

  @Test
  void aFactLeadsToItsSentenceInTheArticle() {
    open("/#/entity/person/maria-lindqvist");
    WebElement heads = waitFor(By.cssSelector(".fact-group[data-relation='heads']"));
    String sentence = heads.findElement(By.cssSelector("a.source")).getAttribute("title");

    heads.findElement(By.cssSelector("a.source")).click();

    WebElement mark = waitFor(By.cssSelector("#article-text mark"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Nordvik Robotics names Maria Lindqvist chief executive");
    assertThat(markedText()).isEqualTo(sentence);
    assertThat(mark.getText()).contains("Nordvik Robotics");
    assertThat(
            browser.findElements(By.cssSelector("#article-text a.mention.type-person")).stream()
                .map(WebElement::getText))
        .contains("Maria Lindqvist");
  }

  @Test
  void aWordNoEntityCarriesIsFoundInTheArticlesAndMarkedWhereItStands() throws IOException {
    open("/#/search?q=warehouse");
    if (!store.indexesArticleText()) {
      // A remote store has no text index: the panel says so, and the entities are still listed.
      waitForText(By.cssSelector(".panel .error"), "has no text index");
      return;
    }
    WebElement passage = waitFor(By.cssSelector(".passages li"));
    Files.write(
        SCREENSHOTS.resolve("theSearchPageListsPassagesBesideEntities.png"),
        browser.getScreenshotAs(OutputType.BYTES));

    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Nothing in the graph has that name.");
    // The last word of a search may start a longer one ("warehouses").
    assertThat(passage.findElement(By.cssSelector(".passage mark")).getText())
        .startsWithIgnoringCase("warehouse");
    WebElement link = passage.findElement(By.cssSelector("a.passage-title"));
    String title = link.getText();
    link.click();

    waitFor(By.cssSelector("#article-text mark.searched"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(browser.getCurrentUrl()).contains("?s=").contains("mark=warehouse");
    assertThat(searchedMarks())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).startsWithIgnoringCase("warehouse"));
  }

  @Test
  void anArticleMarksEveryOccurrenceOfTheSearchedWords() throws Exception {
    String text = json(get("/api/articles/nordvik-names-lindqvist", null)).get("text").asString();
    long robots =
        java.util.regex.Pattern.compile("(?i)(?<![\\p{L}\\p{N}])robots[\\p{L}\\p{N}]*")
            .matcher(text)
            .results()
            .count();

    open("/#/article/nordvik-names-lindqvist?mark=Robots");
    waitFor(By.cssSelector("#article-text mark.searched"));

    assertThat(robots).isGreaterThan(1);
    assertThat(searchedMarks()).hasSize((int) robots);
  }

  @SuppressWarnings("unchecked")
  private List<String> searchedMarks() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#article-text mark.searched')]"
                + ".map(m => m.textContent)");
  }

  @Test
  void clickingAFactOnTheArticlePageHighlightsItsSentence() {
    open("/#/article/kestrel-funding");
    WebElement fact = waitFor(By.cssSelector(".article-facts button.fact"));

    fact.click();

    waitFor(By.cssSelector("#article-text mark"));
    assertThat(markedText()).isNotBlank();
    assertThat(browser.getCurrentUrl()).contains("#/article/kestrel-funding?s=");
  }

  @Test
  void aQueryRunsFromTheEditorAndShowsAsATableAndAGraph() {
    open("/#/sparql");
    waitFor(By.cssSelector(".CodeMirror"));
    script(
        "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])",
        "SELECT ?person ?company WHERE { ?p ng:heads ?c . ?p rdfs:label ?person ."
            + " ?c rdfs:label ?company } ORDER BY ?person");

    browser.findElement(By.cssSelector(".yasqe_queryButton")).click();

    WebElement table = waitFor(By.cssSelector(".yasr table tbody"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> table.getText().contains("Maria Lindqvist"));
    assertThat(table.getText()).contains("Nordvik Robotics");

    browser.findElement(By.id("show-graph")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage(() -> browser.findElement(By.cssSelector(".graph-status")).getText())
        .until(driver -> nodeCount("sparql-graph") > 0);
  }

  @Test
  void theGraphsDepthAndFiltersAreKeptInTheAddressAndALinkRestoresThem() {
    open("/#/entity/person/maria-lindqvist");
    int nearest = graphNodes("graph").size();
    new Select(browser.findElement(By.id("graph-depth"))).selectByValue("2");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> graphNodes("graph").size() > nearest);
    browser.findElement(By.cssSelector(".type-filter input[value='Organization']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("types="));
    String link = browser.getCurrentUrl();
    assertThat(link)
        .endsWith("#/entity/person/maria-lindqvist?depth=2&types=Person,Place,Product,Event");

    open(link.substring(base().length()));
    int restored = graphNodes("graph").size();
    assertThat(restored).isGreaterThan(nearest);
    assertThat(
            new Select(browser.findElement(By.id("graph-depth")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("2");
    assertThat(
            browser
                .findElement(By.cssSelector(".type-filter input[value='Organization']"))
                .isSelected())
        .isFalse();
    assertThat(
            script(
                "return document.getElementById('graph').cy.getElementById(arguments[0])"
                    + ".hasClass('hidden')",
                "organization/nordvik-robotics"))
        .isEqualTo(true);
  }

  @Test
  void aQueryIsKeptInTheAddressAndItsLinkReopensItAndCopiesIt() throws Exception {
    String text =
        "SELECT ?person WHERE { ?p ng:heads ?c . ?p rdfs:label ?person } ORDER BY ?person";
    open("/#/sparql");
    waitFor(By.cssSelector(".CodeMirror"));
    script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", text);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("query=SELECT"));
    String link = browser.getCurrentUrl();

    open(link.substring(base().length()));
    waitFor(By.cssSelector(".CodeMirror"));
    assertThat(script("return document.querySelector('.CodeMirror').CodeMirror.getValue()"))
        .isEqualTo(text);
    browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
    WebElement table = waitFor(By.cssSelector(".yasr table tbody"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> table.getText().contains("Maria Lindqvist"));

    browser.findElement(By.cssSelector("button.copy-link")).click();
    waitForText(By.cssSelector(".copied"), "Link copied");
    assertThat(clipboard()).isEqualTo(link);
  }

  @Test
  void anEntityPageDownloadsItsFactsItsLinkedDataAndAPictureOfItsGraph() throws Exception {
    String id = "person/maria-lindqvist";
    JsonNode entity = json(get("/api/entities/" + id, null));
    open("/#/entity/" + id);
    graphNodes("graph");

    browser.findElement(By.xpath("//button[text()='Facts (CSV)']")).click();
    List<String> facts = lines(downloaded("person-maria-lindqvist-facts.csv"));
    assertThat(facts.get(0))
        .isEqualTo(
            "\ufeffsubject,subject_id,relation,object,object_id,value,confidence,articles,article,"
                + "article_title,published,sentence");
    assertThat(facts).hasSize(entity.get("facts").size() + 1);
    assertThat(facts)
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith(
                        "Maria Lindqvist,person/maria-lindqvist,heads,Nordvik Robotics,"
                            + "organization/nordvik-robotics,,"));

    browser.findElement(By.xpath("//button[text()='JSON-LD']")).click();
    String linkedData = new String(downloaded("person-maria-lindqvist.jsonld"), UTF_8);
    // The file is what the API answers to a linked-data client.
    HttpResponse<String> asked = get("/api/entities/" + id, "application/ld+json");
    assertThat(linkedData).isEqualTo(asked.body());
    assertThat(json(asked).has("@context")).isTrue();

    browser.findElement(By.cssSelector(".graph-actions button.export")).click();
    BufferedImage picture =
        ImageIO.read(new ByteArrayInputStream(downloaded("person-maria-lindqvist-graph.png")));
    assertThat(picture).isNotNull();
    assertThat(picture.getWidth()).isGreaterThan(100);
    assertThat(colours(picture)).as("colours in the picture").isGreaterThan(3);
  }

  @Test
  void theTimelineAndASearchDownloadWhatTheyList() throws Exception {
    JsonNode appointments = json(get("/api/events?type=Appointment&limit=500", null)).get("items");
    open("/#/events?type=Appointment");
    waitFor(By.cssSelector(".timeline .event-type"));

    browser.findElement(By.cssSelector(".exports button.export")).click();
    List<String> events = lines(downloaded("timeline-Appointment.csv"));
    assertThat(events.get(0)).startsWith("\ufeffdate,type,participants,");
    assertThat(events).hasSize(appointments.size() + 1);
    assertThat(events.subList(1, events.size()))
        .allSatisfy(row -> assertThat(row.split(",")[1]).isEqualTo("Appointment"));

    JsonNode matches = json(get("/api/entities?q=Nordvik&limit=200", null)).get("items");
    open("/#/search?q=Nordvik");
    waitFor(By.cssSelector(".results li"));
    browser.findElement(By.cssSelector(".exports button.export")).click();
    List<String> found = lines(downloaded("search-nordvik.csv"));
    assertThat(found.get(0)).isEqualTo("\ufeffname,id,type,score");
    assertThat(found.subList(1, found.size()).stream().map(row -> row.split(",")[1]))
        .containsExactlyElementsOf(
            matches.valueStream().map(m -> m.get("entity").get("id").asString()).toList());
  }

  @Test
  void theHomePageShowsTheLatestEventsFirstAndMoreArticlesOnRequest() throws Exception {
    List<String> stored = storedArticles("title");
    assertThat(stored).hasSizeGreaterThan(10);
    open("/");
    waitFor(By.cssSelector(".articles li"));

    List<String> dates = texts(".timeline .date");
    assertThat(dates).isNotEmpty();
    // Newest first: no date after the first is later than it, and undated events come last.
    String first = dates.get(0);
    for (String date : dates.subList(1, dates.size())) {
      if (!date.equals("undated")) {
        int common = Math.min(first.length(), date.length());
        assertThat(first.substring(0, common)).isGreaterThanOrEqualTo(date.substring(0, common));
      }
    }
    assertThat(texts(".articles li a")).isEqualTo(stored.subList(0, 10));

    browser.findElement(By.cssSelector("button.more")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> texts(".articles li a").size() > 10);
    assertThat(texts(".articles li a")).isEqualTo(stored.subList(0, Math.min(20, stored.size())));
    if (stored.size() <= 20) {
      assertThat(browser.findElement(By.cssSelector("button.more")).isDisplayed()).isFalse();
    }

    // The whole timeline opens newest first too, and says so in its filter.
    WebElement homeTimeline = browser.findElement(By.cssSelector(".timeline"));
    browser.findElement(By.linkText("The whole timeline")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.stalenessOf(homeTimeline));
    waitFor(By.cssSelector(".timeline .date"));
    assertThat(texts(".timeline .date").get(0)).isEqualTo(first);
    assertThat(new Select(browser.findElement(By.name("order"))).getFirstSelectedOption().getText())
        .isEqualTo("newest first");
  }

  @Test
  void everyScriptAndStyleSheetComesFromTheApplication() {
    open("/#/sparql");
    waitFor(By.cssSelector(".CodeMirror"));
    List<String> sparqlPage = loadedResources();
    open("/#/entity/organization/nordvik-robotics");
    graphNodes("graph");
    List<String> entityPage = loadedResources();

    assertThat(sparqlPage).anySatisfy(url -> assertThat(url).contains("/webjars/zazuko__yasgui/"));
    assertThat(entityPage).anySatisfy(url -> assertThat(url).contains("/webjars/cytoscape/"));
    assertThat(sparqlPage).allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
    assertThat(entityPage).allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
  }

  @Test
  void anArticleWithScriptInItsTextShowsTheMarkupAndRunsNothing() {
    open("/#/article/lakeshore-skimmer");
    WebElement text = waitFor(By.id("article-text"));

    assertThat(text.getText())
        .contains("<script>window.newsgraphPwned = true</script>")
        .contains("<img src=x onerror=\"window.newsgraphPwned=true\">");
    assertThat(text.findElements(By.tagName("script"))).isEmpty();
    assertThat(text.findElements(By.tagName("img"))).isEmpty();
    assertThat(script("return window.newsgraphPwned === undefined")).isEqualTo(true);
  }

  @Test
  void theTimelineFiltersByType() {
    open("/#/events");
    WebElement unfiltered = waitFor(By.id("event-filter"));
    waitFor(By.cssSelector(".timeline .event-type"));
    new Select(browser.findElement(By.name("type"))).selectByValue("Appointment");

    browser.findElement(By.cssSelector("#event-filter button")).click();

    // The page is drawn again, its form and lists at once: wait for the form drawn before the
    // filter to go. An entry of the lists going is no sign, as the unfiltered page draws its
    // "In the window" list again by itself once its axis has settled.
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.stalenessOf(unfiltered));
    assertThat(browser.getCurrentUrl()).contains("type=Appointment");
    @SuppressWarnings("unchecked")
    List<String> types =
        (List<String>)
            script(
                "return [...document.querySelectorAll('.timeline .event-type')]"
                    + ".map(e => e.textContent)");
    assertThat(types).isNotEmpty().containsOnly("Appointment");
  }

  @Test
  void theTimelineKeepsAFilterChosenJustAfterAZoomInTheAddress() {
    open("/#/events");
    WebElement unfiltered = waitFor(By.id("event-filter"));
    waitFor(By.cssSelector("#timeline-axis[data-drawn]"));

    // A zoom writes the axis's window in the address a moment later; the filter is sent before.
    script(
        "document.querySelector('.tl-toolbar .zoom-in').click();"
            + "document.querySelector('#event-filter select[name=type]').value = 'Appointment';"
            + "document.getElementById('event-filter').requestSubmit();");

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.stalenessOf(unfiltered));
    // A window's timers of no longer a delay run in the order they were set: once this one has
    // run, so has the one the zoom set.
    ((JavascriptExecutor) browser)
        .executeAsyncScript("setTimeout(arguments[arguments.length - 1], TIMELINE_ADDRESS_DELAY)");
    assertThat(browser.getCurrentUrl()).contains("#/events?type=Appointment");
    assertThat(texts(".timeline .event-type")).isNotEmpty().containsOnly("Appointment");
  }

  @Test
  void theTimelineNamesEachParticipantsRole() throws Exception {
    // What the page should show: each participant's name with its role in brackets, if any.
    List<String> expected = new java.util.ArrayList<>();
    for (JsonNode event : json(get("/api/events?type=Acquisition&limit=500", null)).get("items")) {
      expected.add(
          event
              .get("participants")
              .valueStream()
              .map(
                  p ->
                      p.get("name").asString()
                          + (p.get("role").isNull() ? "" : " (" + p.get("role").asString() + ")"))
              .collect(java.util.stream.Collectors.joining(", ")));
    }
    open("/#/events?type=Acquisition");
    waitFor(By.cssSelector(".timeline .participants"));

    assertThat(expected).anyMatch(line -> line.contains("(acquirer)"));
    assertThat(texts(".timeline .participants")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void anArticleAddedThroughThePageIsExtractedAndOpened() {
    open("/#/add");
    waitFor(By.id("add-article"));
    browser.findElement(By.id("article-title")).sendKeys("Corvid Labs hires a chief executive");
    browser
        .findElement(By.id("article-body"))
        .sendKeys(
            "Corvid Labs, a Leeds-based robotics startup, named Hana Sato as its chief"
                + " executive on Monday.");
    browser.findElement(By.name("key")).sendKeys(API_KEY);

    browser.findElement(By.cssSelector("#add-article button[type='submit']")).click();

    waitForText(By.tagName("h1"), "Corvid Labs hires a chief executive");
    assertThat(browser.getCurrentUrl()).endsWith("#/article/corvid-labs-hires-a-chief-executive");
    assertThat(waitFor(By.id("article-text")).getText()).startsWith("Corvid Labs, a Leeds-based");
  }

  @Test
  void anAnalystMergesAnotherEntityIntoThisOneOnItsPageAndUndoesIt() throws Exception {
    String kept = "organization/nordvik-robotics";
    JsonNode other =
        json(get("/api/entities?q=Chalmers&type=Organization&limit=1", null))
            .get("items")
            .get(0)
            .get("entity");
    String otherId = other.get("id").asString();
    String otherName = other.get("name").asString();
    try {
      open("/#/entity/" + kept);
      waitForText(By.tagName("h1"), "Nordvik Robotics");
      assertThat(browser.findElement(By.tagName("main")).getText())
          .doesNotContain(otherName)
          .doesNotContain("null");
      if (!json(get("/api/server", null)).get("decisions").asBoolean()) {
        // A remote store keeps no decisions: the page offers none, and the API says why.
        assertThat(browser.findElements(By.cssSelector(".identity-panel"))).isEmpty();
        HttpResponse<String> refused =
            write(
                "/api/decisions",
                "application/json",
                "{\"kind\":\"merge\",\"entity\":\"" + otherId + "\",\"other\":\"" + kept + "\"}");
        assertThat(refused.statusCode()).isEqualTo(501);
        assertThat(refused.body()).contains("TDB2 store");
        return;
      }
      openIdentityPanel();
      WebElement key = browser.findElement(By.cssSelector(".identity input[name=key]"));
      key.clear();
      key.sendKeys(API_KEY);
      browser.findElement(By.cssSelector(".identity input[name=other]")).sendKeys(otherName);
      waitFor(By.cssSelector(".identity-matches li[data-id='" + otherId + "'] button.merge"))
          .click();

      // Drawn again from the graph: the other's name is now one of this entity's, and its page
      // sends readers here.
      waitForText(By.cssSelector(".aliases"), otherName);
      assertThat(get("/api/entities/" + otherId, null).statusCode()).isEqualTo(308);
      openIdentityPanel();
      WebElement decision = waitFor(By.cssSelector(".identity-decisions li[data-kind='merge']"));
      assertThat(decision.getText()).contains(otherId + " merged into " + kept);

      decision.findElement(By.cssSelector("button.undo")).click();

      // The page is drawn anew; its text is read in one step, never from elements it replaced.
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(
              driver ->
                  script(
                          "return [...document.querySelectorAll('.aliases')]"
                              + ".some(e => e.textContent.includes(arguments[0]))",
                          otherName)
                      .equals(false));
      assertThat(get("/api/entities/" + otherId, null).statusCode()).isEqualTo(200);
      // Left open for the screenshot: the undone merge is no longer among the decisions.
      openIdentityPanel();
      script("document.querySelector('.identity-panel').scrollIntoView()");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".identity-decisions"), "None."));
    } finally {
      // Whatever happened above, the shared store is left as the other tests expect it.
      for (JsonNode made : json(get("/api/decisions", null))) {
        send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/api/decisions/" + made.get("id").asString()))
                .header("X-API-Key", API_KEY)
                .DELETE());
      }
    }
  }

  @Test
  void aFactStatedByTwoArticlesShowsOnceWithItsSourcesEachLeadingToItsSentence() {
    FactArticles.store(store);
    try {
      open("/#/entity/" + FactArticles.VANTORQ);
      WebElement competes = waitFor(By.cssSelector(".fact-group[data-relation='competesWith']"));

      assertThat(competes.findElements(By.cssSelector("li.fact"))).hasSize(1);
      WebElement sources = competes.findElement(By.cssSelector("details.sources"));
      WebElement summary = sources.findElement(By.tagName("summary"));
      assertThat(summary.getText()).isEqualTo("3 sources · 2 articles");
      summary.click();
      List<WebElement> links = sources.findElements(By.cssSelector("a.source"));
      assertThat(links).hasSize(3);
      assertThat(links.get(0).getText()).isEqualTo("About " + FactArticles.SECOND);
      String sentence = links.get(2).getAttribute("title");
      assertThat(sentence).isEqualTo("Brisela Systems and Vantorq Labs are rivals.");

      links.get(2).click();

      waitFor(By.cssSelector("#article-text mark"));
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("About " + FactArticles.FIRST);
      assertThat(markedText()).isEqualTo(sentence);
      // The article lists the fact once too, its second sentence a button of its own.
      WebElement listed = waitFor(By.cssSelector(".article-facts li"));
      listed.findElement(By.cssSelector("button.also")).click();
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(driver -> markedText().equals(sentence));
      // Back on the entity page with the sources open, for the screenshot.
      open("/#/entity/" + FactArticles.VANTORQ);
      waitFor(By.cssSelector(".fact-group[data-relation='competesWith'] details.sources summary"))
          .click();
      waitFor(By.cssSelector(".fact-group[data-relation='competesWith'] details.sources li"));
    } finally {
      FactArticles.remove(store);
    }
  }

  @Test
  void anAnalystRejectsAFactOnItsEntityPageRestoresItAndConfirmsIt() throws Exception {
    FactArticles.store(store);
    By competes = By.cssSelector(".fact-group[data-relation='competesWith']");
    try {
      open("/#/entity/" + FactArticles.VANTORQ);
      WebElement fact = waitFor(competes);
      if (!json(get("/api/server", null)).get("decisions").asBoolean()) {
        // A remote store keeps no decisions: the page offers none, and the API says why.
        assertThat(browser.findElements(By.cssSelector("button.reject"))).isEmpty();
        HttpResponse<String> refused =
            write(
                "/api/decisions",
                "application/json",
                "{\"kind\":\"reject-fact\",\"entity\":\""
                    + FactArticles.VANTORQ
                    + "\",\"relation\":\"competesWith\",\"other\":\""
                    + FactArticles.BRISELA
                    + "\"}");
        assertThat(refused.statusCode()).isEqualTo(501);
        assertThat(refused.body()).contains("TDB2 store");
        return;
      }
      WebElement key = browser.findElement(By.cssSelector(".fact-review input[name=key]"));
      key.clear();
      key.sendKeys(API_KEY);
      browser.findElement(By.cssSelector(".fact-review input[name=reason]")).sendKeys("not rivals");

      fact.findElement(By.cssSelector("button.reject")).click();

      // Drawn again from the graph: the fact is gone from the facts and from the graph view.
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(driver -> driver.findElements(competes).isEmpty());
      assertThat(waitFor(By.cssSelector(".fact-group[data-relation='heads']")).getText())
          .contains("Ilse Marrow");
      assertThat(graphNodes("graph")).doesNotContain(FactArticles.BRISELA);
      openIdentityPanel();
      WebElement decision =
          waitFor(By.cssSelector(".identity-decisions li[data-kind='reject-fact']"));
      assertThat(decision.getText()).contains("rejected: ", "competes with", "(not rivals)");

      decision.findElement(By.cssSelector("button.undo")).click();

      fact = waitFor(competes);
      assertThat(fact.findElement(By.cssSelector("details.sources summary")).getText())
          .startsWith("3 sources");
      fact.findElement(By.cssSelector("button.confirm")).click();
      WebElement confirmed =
          waitFor(By.cssSelector(".fact-group[data-relation='competesWith'] .confirmed"));
      assertThat(confirmed.getText()).startsWith("✓ confirmed by ");
      assertThat(
              browser.findElements(
                  By.cssSelector(".fact-group[data-relation='competesWith'] button.confirm")))
          .isEmpty();
      script("document.querySelector('.fact-group[data-relation=competesWith]').scrollIntoView()");
    } finally {
      FactArticles.remove(store);
    }
  }

  @Test
  void anAnalystRejectsAFactAndKeepsTwoEntitiesApartFromTheReviewPage() throws Exception {
    // Less confident than any fact the extractors keep, so first in the queue; and Ilse Marrow,
    // whom a lone "Marrow" may be, as may Jonas Marrow.
    store.replaceArticle(
        FactArticles.article(FactArticles.FIRST, FactArticles.FIRST_TEXT, 0.12, 0.1, 0.11));
    store.replaceArticle(
        new Extraction(
            new Article("review-marrow", "Marrow spoke. Jonas Marrow listened.", null, null, null),
            List.of(
                Entity.named(EntityType.PERSON, "Marrow"),
                Entity.named(EntityType.PERSON, "Jonas Marrow")),
            List.of(),
            List.of(),
            List.of()));
    // A symmetric fact: either company may be its subject.
    By competes =
        By.cssSelector(
            ".review-facts li[data-relation='competesWith'][data-subject='"
                + FactArticles.VANTORQ
                + "'], .review-facts li[data-relation='competesWith'][data-object='"
                + FactArticles.VANTORQ
                + "']");
    By jonas = By.cssSelector(".review-pairs li[data-first='person/jonas-marrow']");
    try {
      open("/#/review");
      waitForText(By.tagName("h1"), "Review");
      if (!json(get("/api/server", null)).get("decisions").asBoolean()) {
        // A remote store keeps no decisions: no link to the page, and the page offers no answers.
        assertThat(browser.findElement(By.id("review-link")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".review-facts button"))).isEmpty();
        return;
      }
      assertThat(browser.findElement(By.id("review-link")).isDisplayed()).isTrue();
      WebElement fact = waitFor(competes);
      assertThat(fact.getText()).contains("Vantorq Labs", "competes with", "0.12", "2 sources");
      assertThat(waitFor(jonas).getText()).contains("Jonas Marrow", "Marrow", "0 facts");
      assertThat(
              waitFor(By.cssSelector(".review-pairs li[data-first='person/ilse-marrow']"))
                  .getText())
          .contains("1 fact");
      WebElement key = browser.findElement(By.cssSelector(".fact-review input[name=key]"));
      key.clear();
      key.sendKeys(API_KEY);

      fact.findElement(By.cssSelector("button.reject")).click();

      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(driver -> driver.findElements(competes).isEmpty());
      assertThat(json(get("/api/decisions", null)))
          .extracting(d -> d.get("kind").asString())
          .containsExactly("reject-fact");
      waitFor(jonas).findElement(By.cssSelector("button.not-same")).click();

      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(driver -> driver.findElements(jonas).isEmpty());
      assertThat(json(get("/api/decisions", null)))
          .extracting(d -> d.get("kind").asString())
          .containsExactlyInAnyOrder("reject-fact", "not-same");
      // The other pair and the fact Ilse Marrow heads Vantorq Labs still wait, for the screenshot.
      waitFor(By.cssSelector(".review-pairs li[data-first='person/ilse-marrow']"));
      waitFor(By.cssSelector(".review-facts li[data-relation='heads']"));
    } finally {
      FactArticles.remove(store);
      store.deleteArticle("review-marrow");
    }
  }

  private void openIdentityPanel() {
    WebElement summary = waitFor(By.cssSelector(".identity-panel summary"));
    if (summary.findElement(By.xpath("..")).getAttribute("open") == null) {
      summary.click();
    }
  }

  @Test
  void anEntityPageFitsAPhoneScreen() {
    phoneScreen();
    open("/#/entity/organization/nordvik-robotics");
    waitForText(By.tagName("h1"), "Nordvik Robotics");
    graphNodes("graph");
    if (!browser.findElements(By.cssSelector(".identity-panel")).isEmpty()) {
      openIdentityPanel();
      waitFor(By.cssSelector(".identity-decisions li"));
      script("document.querySelector('.identity-panel').scrollIntoView()");
    }

    Object tooWide =
        script(
            "const width = document.documentElement.clientWidth;"
                + " return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > width + 1)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)");
    assertThat((List<?>) tooWide).isEmpty();
  }

  @Test
  void noTwoLabelsOfTheEntityGraphOverlapAtDepthOneAndTwo() throws Exception {
    for (String id : List.of("organization/tessellate", "organization/nordvik-robotics")) {
      open("/#/entity/" + id);
      int nearest = graphNodes("graph").size();
      // Entities with many neighbours, where a layout that ignores labels piles them up.
      assertThat(nearest).as(id + " at depth 1").isGreaterThan(4);
      assertThat(overlappingLabels("graph")).as(id + " at depth 1").isEmpty();

      new Select(browser.findElement(By.id("graph-depth"))).selectByValue("2");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(driver -> graphNodes("graph").size() > nearest);

      assertThat(overlappingLabels("graph")).as(id + " at depth 2").isEmpty();
      assertMostEdgeLabelsShown("graph");
    }
    assertThat(loadedResources())
        .anySatisfy(url -> assertThat(url).contains("/webjars/cytoscape-fcose/"));

    String from = "organization/tessellate";
    open("/#/paths?from=" + from + "&to=" + mostReached(from) + "&max=5");
    assertThat(graphNodes("path-graph")).hasSizeGreaterThanOrEqualTo(3);
    assertMostEdgeLabelsShown("path-graph");
    assertThat(overlappingLabels("path-graph")).isEmpty();
  }

  /**
   * The entity two or three steps away from one that the most paths reach, found through the API:
   * the demo's facts decide which.
   */
  private String mostReached(String from) throws Exception {
    return json(get("/api/entities/" + from + "/neighbourhood?depth=3&limit=150", null))
        .get("nodes")
        .valueStream()
        .filter(node -> node.get("depth").asInt() >= 2)
        .map(node -> node.get("entity").get("id").asString())
        .max(java.util.Comparator.comparingInt(id -> pathEntities(from, id)))
        .orElseThrow(() -> new AssertionError("no entity two steps from " + from));
  }

  /** How many entities the paths page would draw between two entities, ends included. */
  private int pathEntities(String from, String to) {
    try {
      return json(get("/api/paths?from=" + from + "&to=" + to + "&maxLength=5&limit=10", null))
          .get("entities")
          .size();
    } catch (Exception e) {
      throw new AssertionError("the paths from " + from + " to " + to, e);
    }
  }

  @Test
  void theGraphDrawsTheEventsJoinedToTheirParticipantsAndAnEventLeadsToItsSentence()
      throws Exception {
    String id = "organization/tessellate";
    JsonNode around =
        json(get("/api/entities/" + id + "/neighbourhood?events=true&limit=150", null));
    JsonNode event =
        around
            .get("events")
            .valueStream()
            .filter(e -> e.get("date").isString() && e.get("participants").size() > 1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no dated event with two participants"));
    String iri = event.get("iri").asString();
    open("/#/entity/" + id);

    assertThat(graphNodes("graph")).contains(iri);
    Map<String, Object> drawn = graphElement(iri);
    assertThat(drawn.get("classes")).asString().contains("event");
    // The type, then the status and the amount where the event has them, then the date.
    String title =
        String.join(
            " · ",
            java.util.stream.Stream.of(
                    words(event.get("type").asString()),
                    event.has("status") ? event.get("status").asString() : null,
                    event.has("amount") ? event.get("amount").get("text").asString() : null)
                .filter(java.util.Objects::nonNull)
                .toList());
    assertThat(drawn.get("label")).isEqualTo(title + "\n" + event.get("date").asString());
    for (JsonNode participant : event.get("participants")) {
      Map<String, Object> edge =
          graphElement(iri + " participant " + participant.get("id").asString());
      assertThat(edge).as("the edge to " + participant.get("name")).isNotEmpty();
      assertThat(edge.get("source")).isEqualTo(iri);
      assertThat(edge.get("target")).isEqualTo(participant.get("id").asString());
      // The edge is named with the participant's role, or plainly where the API gives none.
      JsonNode role = participant.get("role");
      assertThat(edge.get("label"))
          .isEqualTo(role == null || role.isNull() ? "participant" : role.asString());
    }
    assertThat(overlappingLabels("graph")).isEmpty();

    clickNode("graph", iri);

    waitFor(By.cssSelector("#article-text mark"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(event.get("evidence").get("article").get("title").asString());
    assertThat(markedText()).isEqualTo(event.get("evidence").get("sentence").asString());
  }

  @Test
  void theEventFilterHidesTheEventsAndTheAddressKeepsIt() {
    open("/#/entity/organization/tessellate");
    graphNodes("graph");
    assertThat(visibleNodes("graph", ".event")).isNotEmpty();

    browser.findElement(By.cssSelector(".type-filter input[value='Event']")).click();

    // The graph may still be taking in its answer when the box is clicked: it applies the
    // filters again once it has.
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> visibleNodes("graph", ".event").isEmpty());
    assertThat(visibleNodes("graph", "[type != 'Event']")).isNotEmpty();
    assertThat(browser.getCurrentUrl())
        .endsWith("#/entity/organization/tessellate?types=Person,Organization,Place,Product");
  }

  @Test
  void theTimeFilterHidesTheEventsOutsideItsDatesAndTheAddressKeepsThem() throws Exception {
    String id = "organization/tessellate";
    List<JsonNode> events =
        json(get("/api/entities/" + id + "/neighbourhood?events=true&limit=150", null))
            .get("events")
            .valueStream()
            .toList();
    List<String> days =
        events.stream()
            .map(e -> e.get("date"))
            .filter(d -> d.isString() && d.asString().length() == 10)
            .map(JsonNode::asString)
            .distinct()
            .sorted()
            .toList();
    assertThat(days)
        .as("days on which the events around " + id + " happened")
        .hasSizeGreaterThan(1);
    // From the second day on: the events of the first day are out.
    String from = days.get(1);
    open("/#/entity/" + id + "?from=" + from);
    graphNodes("graph");
    List<String> entities = visibleNodes("graph", "[type != 'Event']");

    assertThat(browser.findElement(By.id("graph-from")).getAttribute("value")).isEqualTo(from);
    assertEventsShownBetween(events, from, null);

    // No start, and the day before the last as the end: the events of the last day are out.
    String to = days.get(days.size() - 2);
    script(
        "for (const [end, day] of [['from', ''], ['to', arguments[0]]]) {"
            + " const input = document.getElementById('graph-' + end); input.value = day;"
            + " input.dispatchEvent(new Event('change')); }",
        to);

    assertThat(browser.getCurrentUrl()).endsWith("#/entity/" + id + "?to=" + to);
    assertEventsShownBetween(events, null, to);
    // Entities are not bound to a time: every one stays.
    assertThat(visibleNodes("graph", "[type != 'Event']")).isEqualTo(entities);
  }

  @Test
  void theTimelinePlacesEachDatedEventByItsDateAndListsTheUndatedApart() throws Exception {
    List<JsonNode> events =
        json(get("/api/events?limit=500", null)).get("items").valueStream().toList();
    List<JsonNode> dated = events.stream().filter(e -> e.get("date").isString()).toList();
    List<JsonNode> undated = events.stream().filter(e -> !e.get("date").isString()).toList();
    assertThat(dated).hasSizeGreaterThan(2);
    assertThat(undated).as("undated events in the sample corpus").isNotEmpty();
    open("/#/events");
    waitForAxis();

    // Every dated event, and only those, on the axis, each where its first day falls in the
    // window: the axis's left edge plus the window's fraction before that day.
    List<Map<String, Object>> drawn = eventsOnAxis();
    assertThat(drawn.stream().map(e -> (String) e.get("iri")))
        .containsExactlyInAnyOrderElementsOf(dated.stream().map(e -> iri(e)).toList());
    Instant[] window = axisWindow();
    Map<String, Number> axis = axisBox();
    for (Map<String, Object> event : drawn) {
      String date = (String) event.get("date");
      double fraction =
          (double) (firstInstant(date).toEpochMilli() - window[0].toEpochMilli())
              / (window[1].toEpochMilli() - window[0].toEpochMilli());
      assertThat(((Number) event.get("x")).doubleValue())
          .as("where the event of " + date + " is drawn")
          .isCloseTo(
              axis.get("left").doubleValue() + fraction * axis.get("width").doubleValue(),
              org.assertj.core.api.Assertions.within(1.0));
    }
    // Left to right in date order, from one side of the axis to the other.
    List<Double> byDate =
        drawn.stream()
            .sorted(java.util.Comparator.comparing(e -> firstInstant((String) e.get("date"))))
            .map(e -> ((Number) e.get("x")).doubleValue())
            .toList();
    for (int i = 1; i < byDate.size(); i++) {
      assertThat(byDate.get(i)).isGreaterThanOrEqualTo(byDate.get(i - 1) - 0.5);
    }
    assertThat(byDate.get(byDate.size() - 1) - byDate.get(0))
        .isGreaterThan(axis.get("width").doubleValue() / 2);
    assertThat(overlappingEvents()).isEmpty();

    // The undated ones in a list of their own, none in the list of the window.
    assertThat(texts("#undated-events .timeline .date"))
        .hasSize(undated.size())
        .containsOnly("undated");
    assertThat(texts("#events-in-view .timeline .date"))
        .hasSize(dated.size())
        .doesNotContain("undated");

    // The events of one day, zoomed in on that day: one above the other, at the same place.
    Map<String, List<JsonNode>> byDay =
        dated.stream()
            .filter(e -> e.get("date").asString().length() == 10)
            .collect(java.util.stream.Collectors.groupingBy(e -> e.get("date").asString()));
    List<JsonNode> sameDay =
        byDay.values().stream()
            .filter(list -> list.size() > 1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no two events on one day in the corpus"));
    LocalDate day = LocalDate.parse(sameDay.get(0).get("date").asString());
    open("/#/events?start=" + day.minusDays(1) + "&end=" + day.plusDays(2));
    waitForAxis();
    List<Map<String, Object>> ofTheDay =
        eventsOnAxis().stream()
            .filter(e -> sameDay.stream().anyMatch(d -> iri(d).equals(e.get("iri"))))
            .toList();
    assertThat(ofTheDay).hasSize(sameDay.size());
    assertThat(ofTheDay.stream().map(e -> Math.round(((Number) e.get("x")).doubleValue())))
        .as("x of the events of " + day)
        .allSatisfy(
            x ->
                assertThat(x)
                    .isCloseTo(
                        Math.round(((Number) ofTheDay.get(0).get("x")).doubleValue()),
                        org.assertj.core.api.Assertions.within(1L)));
    assertThat(ofTheDay.stream().map(e -> ((Number) e.get("y")).doubleValue()).distinct())
        .hasSize(sameDay.size());
    assertThat(overlappingEvents()).isEmpty();

    // A click on one shows who took part, in which role, and the sentence that reports it.
    JsonNode chosen =
        sameDay.stream()
            .max(java.util.Comparator.comparingInt(e -> e.get("participants").size()))
            .orElseThrow();
    browser
        .findElement(By.cssSelector(".tl-event[data-iri='" + iri(chosen) + "'] .tl-mark"))
        .click();
    waitFor(By.cssSelector("#event-detail blockquote a"));
    assertThat(texts("#event-detail .tl-participants li"))
        .containsExactlyElementsOf(
            chosen
                .get("participants")
                .valueStream()
                .map(
                    p ->
                        p.get("name").asString()
                            + " "
                            + (p.get("role").isNull() ? "participant" : p.get("role").asString()))
                .toList());
    // Nothing absent (the place of an event that names none) is written as "null".
    assertThat(browser.findElement(By.id("event-detail")).getText()).doesNotContain("null");
    // Each article's report when several report it, else its one sentence: each a link to the
    // sentence in its article.
    List<JsonNode> sources =
        chosen.has("reports") && chosen.get("reports").size() > 0
            ? chosen.get("reports").valueStream().map(r -> r.get("evidence")).toList()
            : List.of(chosen.get("evidence"));
    List<WebElement> sentences = browser.findElements(By.cssSelector("#event-detail blockquote a"));
    assertThat(sentences.stream().map(WebElement::getText))
        .containsExactlyElementsOf(
            sources.stream().map(e -> e.get("sentence").asString()).toList());
    assertThat(sentences.stream().map(link -> link.getAttribute("href")))
        .zipSatisfy(
            sources,
            (href, evidence) ->
                assertThat(href)
                    .endsWith(
                        "#/article/"
                            + evidence.get("article").get("id").asString()
                            + "?s="
                            + evidence.get("sentenceStart").asInt()
                            + "-"
                            + evidence.get("sentenceEnd").asInt()));
  }

  @Test
  void theTimelineZoomsWithItsButtonsAndTheWheelAndTheAddressKeepsItsWindow() {
    open("/#/events");
    waitForAxis();
    Instant[] fitted = axisWindow();
    assertThat(span(fitted)).isGreaterThan(Duration.ofDays(2 * 366));
    assertThat(axisUnit()).isEqualTo("year");

    browser.findElement(By.cssSelector(".tl-toolbar .zoom-in")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> !java.util.Arrays.equals(axisWindow(), fitted));
    Instant[] zoomed = axisWindow();
    assertThat((double) span(zoomed).toMillis() / span(fitted).toMillis())
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.001));

    // The wheel turned towards the reader zooms in further, around the pointer.
    WebElement axis = browser.findElement(By.id("timeline-axis"));
    new Actions(browser)
        .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(axis), 0, -200)
        .perform();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> span(axisWindow()).compareTo(span(zoomed)) < 0);
    Instant[] wheeled = axisWindow();

    // The address keeps the window (to the day, for a window of years) once the zoom settles.
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            driver -> {
              Instant[] kept = addressWindow(browser.getCurrentUrl());
              return kept != null
                  && Duration.between(kept[0], wheeled[0]).abs().toHours() <= 12
                  && Duration.between(kept[1], wheeled[1]).abs().toHours() <= 12;
            });
    String link = browser.getCurrentUrl();
    open(link.substring(base().length()));
    waitForAxis();

    assertThat(axisWindow()).containsExactly(addressWindow(link));
    assertThat(span(axisWindow())).isLessThan(span(zoomed));

    // The ticks follow the window: months across a year, days across a few days.
    open("/#/events?start=2025-01-01&end=2026-01-01");
    waitForAxis();
    assertThat(axisUnit()).isEqualTo("month");
    open("/#/events?start=2025-03-01&end=2025-03-04");
    waitForAxis();
    assertThat(axisUnit()).isEqualTo("day");
    assertThat(axisWindow())
        .containsExactly(
            Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-04T00:00:00Z"));
  }

  @Test
  void theTimelineAndASearchDownloadJsonLdThatAParserReads() throws Exception {
    // The hand-built deals give acquisitions a status and a sum, beside the sample corpus's.
    StructureArticles.store(store);
    try {
      List<JsonNode> acquisitions =
          json(get("/api/events?type=Acquisition&limit=500", null))
              .get("items")
              .valueStream()
              .toList();
      open("/#/events?type=Acquisition");
      waitForAxis();
      List<String> drawn = eventsOnAxis().stream().map(e -> (String) e.get("iri")).toList();
      assertThat(drawn).as("acquisitions on the axis").isNotEmpty();

      browser.findElement(By.xpath("//button[text()='Download as JSON-LD']")).click();
      Model graph = linkedData(downloaded("timeline-Acquisition.jsonld"));

      // Every event the timeline lists, and each article's report of it, and nothing else.
      List<String> expected =
          acquisitions.stream()
              .flatMap(
                  e ->
                      java.util.stream.Stream.concat(
                          java.util.stream.Stream.of(iri(e)),
                          e.path("reports").valueStream().map(r -> r.get("event").asString())))
              .distinct()
              .toList();
      List<String> exported =
          graph.listSubjectsWithProperty(RDF.type, NG.Event).mapWith(Resource::getURI).toList();
      assertThat(exported).containsExactlyInAnyOrderElementsOf(expected).containsAll(drawn);
      for (JsonNode event : acquisitions) {
        Resource node = graph.getResource(iri(event));
        assertThat(node.hasProperty(RDF.type, NG.Acquisition)).as(iri(event)).isTrue();
        for (JsonNode participant : event.get("participants")) {
          Resource entity = graph.getResource(participant.get("iri").asString());
          assertThat(entity.getProperty(RDFS.label).getString())
              .isEqualTo(participant.get("name").asString());
          if (participant.get("role").isString()) {
            // The role is the graph's own property, on the event or on one of its reports.
            org.apache.jena.rdf.model.Property role =
                EventRole.ofRole(participant.get("role").asString()).orElseThrow().property();
            assertThat(
                    graph.listSubjectsWithProperty(role, entity).mapWith(Resource::getURI).toList())
                .as("%s as %s", participant.get("name"), participant.get("role"))
                .containsAnyElementsOf(expected);
          }
        }
        JsonNode evidence = event.get("evidence");
        assertThat(node.getProperty(NG.sentence).getString())
            .isEqualTo(evidence.get("sentence").asString());
        assertThat(
                node.getPropertyResourceValue(NG.sourceArticle).getProperty(NG.title).getString())
            .isEqualTo(evidence.get("article").get("title").asString());
        if (event.has("date") && event.get("date").isString() && !event.has("reports")) {
          assertThat(node.getProperty(NG.date).getLiteral().getLexicalForm())
              .isEqualTo(event.get("date").asString());
        }
      }
      // Where the deals stand and what they cost, as the graph keeps them.
      List<JsonNode> withSums = acquisitions.stream().filter(e -> e.has("amount")).toList();
      assertThat(withSums).as("acquisitions with a sum").isNotEmpty();
      for (JsonNode event : withSums) {
        Resource amount = graph.getResource(iri(event)).getPropertyResourceValue(NG.amount);
        if (!event.has("reports")) {
          assertThat(new java.math.BigDecimal(amount.getProperty(NG.amountValue).getString()))
              .isEqualByComparingTo(event.get("amount").get("value").decimalValue());
          assertThat(amount.getProperty(NG.currency).getString())
              .isEqualTo(event.get("amount").get("currency").asString());
          Resource status = graph.getResource(iri(event)).getPropertyResourceValue(NG.status);
          if (event.has("status")) {
            assertThat(status.getLocalName()).isEqualToIgnoringCase(event.get("status").asString());
          } else {
            assertThat(status).isNull();
          }
        }
      }
    } finally {
      StructureArticles.remove(store);
    }

    // A search's matches, each with its name.
    JsonNode matches = json(get("/api/entities?q=Nordvik&limit=200", null)).get("items");
    assertThat(matches.size()).as("matches of Nordvik").isPositive();
    open("/#/search?q=Nordvik");
    waitFor(By.cssSelector(".results li"));
    browser.findElement(By.xpath("//button[text()='Download as JSON-LD']")).click();
    Model found = linkedData(downloaded("search-nordvik.jsonld"));
    for (JsonNode match : matches) {
      assertThat(
              found.getResource(match.get("entity").get("iri").asString()).getProperty(RDFS.label))
          .as(match.toString())
          .isNotNull()
          .satisfies(
              label ->
                  assertThat(label.getString())
                      .isEqualTo(match.get("entity").get("name").asString()));
    }
    assertThat(found.listSubjectsWithProperty(RDFS.label).toList()).hasSize(matches.size());
  }

  /** A file of JSON-LD, read by Jena's JSON-LD parser into a graph. */
  private static Model linkedData(byte[] file) {
    Model graph = ModelFactory.createDefaultModel();
    RDFParser.fromString(new String(file, UTF_8), Lang.JSONLD).parse(graph);
    return graph;
  }

  @Test
  void theSelectedEventSurvivesAReloadOfItsAddressAndGoingBackToIt() throws Exception {
    JsonNode chosen =
        json(get("/api/events?limit=500", null))
            .get("items")
            .valueStream()
            .filter(e -> e.get("date").isString() && e.get("participants").size() > 0)
            .filter(e -> !e.has("reports"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no dated event with a participant"));
    String sentence = chosen.get("evidence").get("sentence").asString();
    open("/#/events");
    waitForAxis();
    assertThat(selectedOnAxis()).isEmpty();

    browser
        .findElement(By.cssSelector(".tl-event[data-iri='" + iri(chosen) + "'] .tl-mark"))
        .click();

    waitForText(By.cssSelector("#event-detail blockquote a"), sentence);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> iri(chosen).equals(addressEvent(browser.getCurrentUrl())));
    String link = browser.getCurrentUrl();

    // The link, opened afresh, selects the event and shows it again.
    open(link.substring(base().length()));
    waitForAxis();
    waitForText(By.cssSelector("#event-detail blockquote a"), sentence);
    assertThat(selectedOnAxis()).containsExactly(iri(chosen));
    assertThat(addressEvent(browser.getCurrentUrl())).isEqualTo(iri(chosen));

    // To a participant's page and back: the event is selected again; and forward once more.
    String name = chosen.get("participants").get(0).get("name").asString();
    browser.findElement(By.cssSelector("#event-detail .tl-participants a")).click();
    waitForText(By.tagName("h1"), name);
    browser.navigate().back();
    waitForAxis();
    waitForText(By.cssSelector("#event-detail blockquote a"), sentence);
    assertThat(selectedOnAxis()).containsExactly(iri(chosen));
    browser.navigate().forward();
    waitForText(By.tagName("h1"), name);
    browser.navigate().back();
    waitForAxis();
    waitForText(By.cssSelector("#event-detail blockquote a"), sentence);
  }

  @Test
  void draggingTheAxisMovesItsWindowAndAPinchZoomsIt() {
    open("/#/events");
    waitForAxis();
    WebElement axis = browser.findElement(By.id("timeline-axis"));
    script("arguments[0].scrollIntoView({ block: 'center' })", axis);
    Instant[] before = axisWindow();
    double width = axisBox().get("width").doubleValue();
    int height = axis.getSize().getHeight();

    // Pressed on the band of tick labels, where no event is, and dragged 200 px to the left.
    new Actions(browser)
        .moveToElement(axis, 100, -height / 2 + 8)
        .clickAndHold()
        .moveByOffset(-50, 0)
        .moveByOffset(-70, 0)
        .moveByOffset(-80, 0)
        .release()
        .perform();

    afterTwoFrames();
    Instant[] dragged = axisWindow();
    long span = span(before).toMillis();
    assertThat(span(dragged).toMillis())
        .as("the window's width")
        .isCloseTo(span, org.assertj.core.api.Assertions.within(1000L));
    assertThat(Duration.between(before[0], dragged[0]).toMillis())
        .as("how far the window moved, later in time for a drag to the left")
        .isCloseTo(
            Math.round(span * 200 / width), org.assertj.core.api.Assertions.within(span / 500));
    assertThat(selectedOnAxis()).as("a drag selects nothing").isEmpty();

    // Two fingers on the axis, 100 px apart around the middle event (kept 160 px from the axis's
    // ends), drawn apart to 300 px: the window narrows to a third, around the instant between them.
    @SuppressWarnings("unchecked")
    Map<String, Number> box =
        (Map<String, Number>)
            script(
                "const box = arguments[0].getBoundingClientRect();"
                    + " return { left: box.left, top: box.top, width: box.width }",
                axis);
    List<Double> xs =
        eventsOnAxis().stream().map(e -> ((Number) e.get("x")).doubleValue()).sorted().toList();
    assertThat(xs).as("events in the dragged window").isNotEmpty();
    double middle =
        Math.min(
            Math.max(xs.get(xs.size() / 2), box.get("left").doubleValue() + 160),
            box.get("left").doubleValue() + box.get("width").doubleValue() - 160);
    double y = box.get("top").doubleValue() + 8;
    Instant middleBefore =
        dragged[0].plusMillis(
            Math.round(
                span(dragged).toMillis()
                    * (middle - box.get("left").doubleValue())
                    / box.get("width").doubleValue()));
    touch("touchStart", middle, y, 50);
    for (int half = 70; half <= 150; half += 20) {
      touch("touchMove", middle, y, half);
    }
    browser.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));

    afterTwoFrames();
    Instant[] pinched = axisWindow();
    assertThat((double) span(pinched).toMillis() / span(dragged).toMillis())
        .as("the window's width after the pinch, as a share of before")
        .isCloseTo(100.0 / 300.0, org.assertj.core.api.Assertions.within(0.01));
    Instant middleAfter =
        pinched[0].plusMillis(
            Math.round(
                span(pinched).toMillis()
                    * (middle - box.get("left").doubleValue())
                    / box.get("width").doubleValue()));
    assertThat(Duration.between(middleBefore, middleAfter).abs().toMillis())
        .as("how far the instant between the fingers moved")
        .isLessThan(span(pinched).toMillis() / 100);
  }

  /**
   * Returns once the page has drawn two more frames: the axis draws its window on the next frame
   * after the input that moved it, so that what it shows then is where the input left it.
   */
  private void afterTwoFrames() {
    ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()))");
  }

  /** Two touches on the page, at x ± half and y, as a touch screen's driver sends them. */
  private void touch(String type, double x, double y, int half) {
    browser.executeCdpCommand(
        "Input.dispatchTouchEvent",
        Map.of(
            "type",
            type,
            "touchPoints",
            List.of(
                Map.of("x", x - half, "y", y, "id", 1), Map.of("x", x + half, "y", y, "id", 2))));
  }

  /** The IRIs of the events that the axis draws as selected. */
  private List<String> selectedOnAxis() {
    return browser.findElements(By.cssSelector("#timeline-axis .tl-event.selected")).stream()
        .map(group -> group.getAttribute("data-iri"))
        .toList();
  }

  /** The event that a timeline's address selects, or null. */
  private static String addressEvent(String url) {
    java.util.regex.Matcher event =
        java.util.regex.Pattern.compile("[?&]event=([^&]+)").matcher(url);
    return event.find() ? java.net.URLDecoder.decode(event.group(1), UTF_8) : null;
  }

  @Test
  void noPageScrollsSidewaysOnAPhone() throws Exception {
    List<String> articles = storedArticles("id");
    String from = "organization/tessellate";
    String paths = "/#/paths?from=" + from + "&to=" + mostReached(from) + "&max=5";
    phoneScreen();
    Map<String, Runnable> pages = new java.util.LinkedHashMap<>();
    pages.put("/", () -> waitFor(By.cssSelector(".articles li")));
    pages.put("/#/entity/organization/nordvik-robotics", () -> graphNodes("graph"));
    pages.put(paths, () -> graphNodes("path-graph"));
    pages.put("/#/events", this::waitForAxis);
    // Every article: a line of one of them may reach further than the others'.
    for (String article : articles) {
      pages.put("/#/article/" + article, () -> waitFor(By.id("article-text")));
    }
    for (Map.Entry<String, Runnable> page : pages.entrySet()) {
      open(page.getKey());
      page.getValue().run();
      assertThat(script("return document.documentElement.clientWidth"))
          .as("the width of the window, less a scrollbar if there is one")
          .isIn(375L, 390L);
      Object tooWide =
          script(
              "const root = document.documentElement;"
                  + " return root.scrollWidth <= root.clientWidth ? [] :"
                  + " [root.scrollWidth + ' > ' + root.clientWidth, ...[...document"
                  + ".querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                  + " > root.clientWidth).map(e => e.tagName + '.' + e.className)]");
      assertThat((List<?>) tooWide).as(page.getKey()).isEmpty();
    }
  }

  /** One field (id, title) of each stored article, in the order the API lists them. */
  private List<String> storedArticles(String field) throws Exception {
    return json(get("/api/articles?limit=500", null))
        .get("items")
        .valueStream()
        .map(a -> a.get(field).asString())
        .toList();
  }

  /**
   * A phone's screen, 390 px wide, as Chromium's device emulation makes it (headless Chromium does
   * not make a window narrower than 500 px); the screenshot after each test ends it.
   */
  private void phoneScreen() {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
  }

  private void waitForAxis() {
    waitFor(By.cssSelector("#timeline-axis[data-drawn='true']"));
  }

  /** The time axis's window as it draws it: its first and its last instant. */
  private Instant[] axisWindow() {
    @SuppressWarnings("unchecked")
    List<String> window =
        (List<String>)
            script(
                "const axis = document.getElementById('timeline-axis');"
                    + " return [axis.dataset.start, axis.dataset.end]");
    return new Instant[] {Instant.parse(window.get(0)), Instant.parse(window.get(1))};
  }

  private String axisUnit() {
    return (String) script("return document.getElementById('timeline-axis').dataset.unit");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Number> axisBox() {
    return (Map<String, Number>)
        script(
            "const box = document.getElementById('timeline-axis').getBoundingClientRect();"
                + " return { left: box.left, width: box.width }");
  }

  /** The events drawn on the axis: each one's IRI, date and its marker's centre on the screen. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> eventsOnAxis() {
    return (List<Map<String, Object>>)
        script(
            "return [...document.querySelectorAll('#timeline-axis .tl-event')].map(g => {"
                + " const box = g.querySelector('.tl-mark').getBoundingClientRect();"
                + " return { iri: g.dataset.iri, date: g.dataset.date,"
                + " x: box.left + box.width / 2, y: box.top + box.height / 2 }; })");
  }

  /** The pairs of events on the axis whose markers and labels overlap on the screen. */
  @SuppressWarnings("unchecked")
  private List<String> overlappingEvents() {
    return (List<String>)
        script(
            "const boxes = [...document.querySelectorAll('#timeline-axis .tl-event')]"
                + ".map(g => [g.dataset.iri, g.getBoundingClientRect()]);"
                + " const found = [];"
                + " boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {"
                + "   if (p.left < q.right && q.left < p.right && p.top < q.bottom"
                + "     && q.top < p.bottom) found.push(a + ' & ' + b); }));"
                + " return found;");
  }

  /** The window a timeline's address keeps (start and end, days or minutes of UTC), or null. */
  private static Instant[] addressWindow(String url) {
    java.util.regex.Matcher start =
        java.util.regex.Pattern.compile("[?&]start=([^&]+)").matcher(url);
    java.util.regex.Matcher end = java.util.regex.Pattern.compile("[?&]end=([^&]+)").matcher(url);
    if (!start.find() || !end.find()) {
      return null;
    }
    return new Instant[] {addressInstant(start.group(1)), addressInstant(end.group(1))};
  }

  private static Instant addressInstant(String value) {
    String decoded = java.net.URLDecoder.decode(value, UTF_8);
    return decoded.length() == 10
        ? LocalDate.parse(decoded).atStartOfDay().toInstant(ZoneOffset.UTC)
        : LocalDateTime.parse(decoded).toInstant(ZoneOffset.UTC);
  }

  private static Duration span(Instant[] window) {
    return Duration.between(window[0], window[1]);
  }

  /** The first instant of a date's year, month or day, in UTC. */
  private static Instant firstInstant(String date) {
    return LocalDate.parse(firstDay(date)).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static String iri(JsonNode event) {
    return event.get("iri").asString();
  }

  /**
   * How many of a graph's visible edges show their label, and how many have one: a label that the
   * page could not move off every node is left out, and most must not be.
   */
  private void assertMostEdgeLabelsShown(String container) {
    @SuppressWarnings("unchecked")
    List<Number> counts =
        (List<Number>)
            script(
                "const edges = document.getElementById(arguments[0]).cy.edges(':visible[label]');"
                    + " return [edges.filter(e => !e.hasClass('quiet')).length, edges.length]",
                container);
    assertThat(counts.get(1).longValue()).as("labelled edges of " + container).isPositive();
    assertThat(counts.get(0).longValue() * 2)
        .as("labels shown of " + counts.get(1) + " in " + container)
        .isGreaterThan(counts.get(1).longValue());
  }

  @Test
  void anAnnouncedAcquisitionShowsItsStatusAndAmountAndAFormerFactReadsAsFormer() throws Exception {
    StructureArticles.store(store);
    try {
      open("/#/entity/" + StructureArticles.TIRSA);
      WebElement deal =
          waitFor(By.xpath("//ol[@class='timeline']/li[.//span[@class='event-type']]"));
      assertThat(deal.findElement(By.cssSelector(".event-type")).getText())
          .isEqualTo("Acquisition");
      assertThat(deal.findElement(By.cssSelector(".event-structure")).getText())
          .isEqualTo("· announced · $1.2 billion · effective 2025-06");
      WebElement heads = waitFor(By.cssSelector(".fact-group[data-relation='heads'] li.fact"));
      assertThat(heads.getText()).startsWith("Oda Brenning ← (former, from 2019 until 2024)");
      assertThat(heads.findElement(By.cssSelector(".fact-time")).getAttribute("class"))
          .contains("former");
      // Each source with the time it gives: the later article says "former, until 2024".
      heads.findElement(By.cssSelector("details.sources summary")).click();
      assertThat(
              heads.findElements(By.cssSelector("details.sources li")).stream()
                  .map(WebElement::getText)
                  .toList())
          .anySatisfy(source -> assertThat(source).contains("(former, until 2024)"))
          .anySatisfy(source -> assertThat(source).contains("(from 2019)"));

      graphNodes("graph");
      JsonNode around =
          json(
              get("/api/entities/" + StructureArticles.TIRSA + "/neighbourhood?events=true", null));
      String dealNode =
          around
              .get("events")
              .valueStream()
              .filter(e -> e.has("status") && e.get("status").asString().equals("announced"))
              .findFirst()
              .orElseThrow()
              .get("iri")
              .asString();
      assertThat(graphElement(dealNode).get("label"))
          .isEqualTo("Acquisition · announced · $1.2 billion\n2025-02-10");
      Map<String, String> edges = new java.util.HashMap<>();
      for (JsonNode edge : around.get("edges")) {
        String id =
            String.join(
                " ",
                edge.get("source").asString(),
                edge.get("relation").asString(),
                edge.get("target").asString());
        edges.put(edge.get("relation").asString(), id);
      }
      String formerHead = edges.get("heads");
      String rival = edges.get("competesWith");
      assertThat(graphElement(formerHead).get("label")).isEqualTo("heads (former)");
      // From 2025 on, the relation that ended in 2024 is hidden; the one without a time stays.
      script(
          "const input = document.getElementById('graph-from'); input.value = '2025-01-01';"
              + " input.dispatchEvent(new Event('change'));");
      assertThat(visibleEdges()).contains(rival).doesNotContain(formerHead);
      // The list of relations under the graph follows the filters as the graph does.
      assertThat(listedRelations())
          .anyMatch(relation -> relation.contains(" competes with "))
          .noneMatch(relation -> relation.contains(" heads (former) "));
      // Until 2018, before she headed it: hidden too.
      script(
          "for (const [end, day] of [['from', ''], ['to', '2018-12-31']]) {"
              + " const input = document.getElementById('graph-' + end); input.value = day;"
              + " input.dispatchEvent(new Event('change')); }");
      assertThat(visibleEdges()).contains(rival).doesNotContain(formerHead);
      script(
          "const input = document.getElementById('graph-to'); input.value = '2022-06-30';"
              + " input.dispatchEvent(new Event('change'));");
      assertThat(visibleEdges()).contains(rival, formerHead);
      assertThat(listedRelations())
          .anyMatch(relation -> relation.contains(" competes with "))
          .anyMatch(relation -> relation.contains(" heads (former) "));
      // For the screenshot: no dates, so the events show again, and the facts in view.
      script(
          "const input = document.getElementById('graph-to'); input.value = '';"
              + " input.dispatchEvent(new Event('change'));"
              + " arguments[0].scrollIntoView({ block: 'center' })",
          heads);
      assertThat(visibleNodes("graph", ".event")).contains(dealNode);
    } finally {
      StructureArticles.remove(store);
    }
  }

  /**
   * The relations the list under the entity graph names, each as it reads ("Oda Brenning heads
   * Tirsa Optics"); the list is folded away, so its text is read from the page rather than from
   * what the browser shows.
   */
  @SuppressWarnings("unchecked")
  private List<String> listedRelations() {
    return (List<String>)
        script("return [...document.querySelectorAll('#graph-list li')].map(li => li.textContent)");
  }

  /** The ids of the entity graph's visible edges. */
  @SuppressWarnings("unchecked")
  private List<String> visibleEdges() {
    return (List<String>)
        script("return document.getElementById('graph').cy.edges(':visible').map(e => e.id())");
  }

  /**
   * Loads the page afresh at the path: from a blank page, since going from one hash to another of
   * the same page would not load it again (a reload instead raced the page's own routing).
   */
  private void open(String path) {
    browser.get("about:blank");
    browser.get(base() + path);
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void waitForText(By by, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  @SuppressWarnings("unchecked")
  private List<String> loadedResources() {
    return (List<String>)
        script("return performance.getEntriesByType('resource').map(r => r.name)");
  }

  /**
   * Waits until the browser has saved the file (Chromium writes it under another name and renames
   * it when whole), and returns its bytes; the file is then deleted.
   */
  private byte[] downloaded(String name) throws IOException {
    Path file = DOWNLOADS.resolve(name);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage(() -> name + " was not saved in " + DOWNLOADS)
        .until(driver -> Files.isRegularFile(file));
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    return bytes;
  }

  /** A CSV file's lines, which end with CRLF. */
  private static List<String> lines(byte[] csv) {
    return List.of(new String(csv, UTF_8).split("\r\n"));
  }

  /** How many colours a picture has, sampled on a grid: a blank one has one. */
  private static long colours(BufferedImage picture) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int x = 0; x < picture.getWidth(); x += 4) {
      for (int y = 0; y < picture.getHeight(); y += 4) {
        seen.add(picture.getRGB(x, y));
      }
    }
    return seen.size();
  }

  /** The text of each element the selector finds, in page order. */
  @SuppressWarnings("unchecked")
  private List<String> texts(String selector) {
    return (List<String>)
        script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)",
            selector);
  }

  /** What the page put on the clipboard. */
  private String clipboard() {
    return (String)
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('refused: ' + e))");
  }

  private String markedText() {
    return (String)
        script(
            "return [...document.querySelectorAll('#article-text mark')]"
                + ".map(m => m.textContent).join('')");
  }

  private long nodeCount(String container) {
    Object count =
        script(
            "const c = document.getElementById(arguments[0]);"
                + " return c && c.cy ? c.cy.nodes().length : 0",
            container);
    return ((Number) count).longValue();
  }

  /** Waits until the graph has drawn more than its centre, and returns its nodes' ids. */
  @SuppressWarnings("unchecked")
  private List<String> graphNodes(String container) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver ->
                script(
                        "const c = document.getElementById(arguments[0]);"
                            + " return !!c && c.dataset.drawn === 'true' && c.cy.nodes().length > 1",
                        container)
                    .equals(true));
    return (List<String>)
        script(
            "return document.getElementById(arguments[0]).cy.nodes().map(n => n.id())", container);
  }

  /**
   * What overlaps on the screen, as Cytoscape measures it in the browser: the pairs of visible
   * nodes whose boxes, labels included, overlap ("a & b" for each), and the edge labels shown over
   * such a box ("label ~ node").
   */
  @SuppressWarnings("unchecked")
  private List<String> overlappingLabels(String container) {
    return (List<String>)
        script(
            "const cy = document.getElementById(arguments[0]).cy;"
                + " const meet = (p, q) => p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;"
                + " const boxes = cy.nodes(':visible')"
                + ".map(n => [n.id(), n.boundingBox({ includeLabels: true })]);"
                + " const found = [];"
                + " boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {"
                + "   if (meet(p, q)) found.push(a + ' & ' + b); }));"
                + " cy.edges(':visible[label]').forEach(e => {"
                + "   const p = e.boundingBox({ includeNodes: false, includeEdges: false,"
                + "     includeLabels: true, includeOverlays: false, includeUnderlays: false });"
                + "   if (p.w > 0) boxes.forEach(([id, q]) => {"
                + "     if (meet(p, q)) found.push(e.data('label') + ' ~ ' + id); }); });"
                + " return found;",
            container);
  }

  /**
   * Checks that the entity graph shows each of the events unless its date lies wholly before from
   * or wholly after to (a year or a month counts as all its days; an undated event stays).
   */
  private void assertEventsShownBetween(List<JsonNode> events, String from, String to) {
    List<String> shown = visibleNodes("graph", ".event");
    for (JsonNode event : events) {
      String date = event.get("date").isString() ? event.get("date").asString() : null;
      boolean outside =
          date != null
              && ((from != null && lastDay(date).compareTo(from) < 0)
                  || (to != null && firstDay(date).compareTo(to) > 0));
      assertThat(shown.contains(event.get("iri").asString()))
          .as(
              event.get("type").asString()
                  + " on "
                  + date
                  + ", shown between "
                  + from
                  + " and "
                  + to)
          .isEqualTo(!outside);
    }
  }

  private static String firstDay(String date) {
    return date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
  }

  private static String lastDay(String date) {
    return date.length() == 4 ? date + "-12-31" : date.length() == 7 ? date + "-31" : date;
  }

  /** The ids of the graph's visible nodes that the Cytoscape selector picks. */
  @SuppressWarnings("unchecked")
  private List<String> visibleNodes(String container, String selector) {
    return (List<String>)
        script(
            "return document.getElementById(arguments[0]).cy.nodes(arguments[1])"
                + ".filter(':visible').map(n => n.id())",
            container,
            selector);
  }

  /** A node's or an edge's data in the entity graph, with its classes; empty if it is not drawn. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> graphElement(String id) {
    return (Map<String, Object>)
        script(
            "const e = document.getElementById('graph').cy.getElementById(arguments[0]);"
                + " return e.empty() ? {} : { ...e.data(), classes: e.classes().join(' ') };",
            id);
  }

  /** A type's name as the page writes it: PressConference as "Press conference". */
  private static String words(String name) {
    String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /**
   * Where a node is drawn, in the window, once its graph is scrolled into the middle of the window:
   * a graph partly below the window would otherwise be clicked from the middle of its visible part.
   */
  @SuppressWarnings("unchecked")
  private int[] nodeInWindow(String container, String node) {
    Map<String, Number> at =
        (Map<String, Number>)
            script(
                "const c = document.getElementById(arguments[0]);"
                    + " c.scrollIntoView({ block: 'center' });"
                    + " const box = c.getBoundingClientRect();"
                    + " const p = c.cy.getElementById(arguments[1]).renderedPosition();"
                    + " return {x: box.left + c.clientLeft + p.x, y: box.top + c.clientTop + p.y}",
                container,
                node);
    return new int[] {
      (int) Math.round(at.get("x").doubleValue()), (int) Math.round(at.get("y").doubleValue())
    };
  }

  private void rightClickNode(String container, String node) {
    int[] at = nodeInWindow(container, node);
    new Actions(browser).moveToLocation(at[0], at[1]).contextClick().perform();
  }

  private void clickNode(String container, String node) {
    int[] at = nodeInWindow(container, node);
    new Actions(browser).moveToLocation(at[0], at[1]).click().perform();
  }
}
