package org.newsgraph.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.newsgraph.core.Article;

/**
 * Business news articles made up from templates for the benchmarks: appointments, acquisitions,
 * funding rounds, lawsuits, launches, partnerships, resignations and press conferences, about
 * companies and people whose names are invented, a few hundred words each. The same seed gives the
 * same corpus, so runs compare.
 */
final class NewsCorpus {

  private static final String[] FIRST = {
    "Maria", "James", "Aisha", "Tomas", "Yuki", "Priya", "Daniel", "Elena", "Kwame", "Sofia",
    "Lucas", "Hannah", "Omar", "Ingrid", "Mateo", "Chloe", "Ravi", "Freya", "Nikolai", "Grace"
  };
  private static final String[] LAST = {
    "Lindqvist", "Okafor", "Brennan", "Tanaka", "Moreau", "Haddad", "Kowalski", "Fischer", "Mensah",
    "Castillo", "Reyes", "Novak", "Sato", "Whitfield", "Ferreira", "Albrecht", "Dunmore", "Quinn",
    "Varga", "Holloway"
  };
  private static final String[] STEM = {
    "Nord", "Kestrel", "Alder", "Solv", "Quarry", "Tessel", "Ferrow", "Brightwave", "Harbor",
    "Greywater", "Pixel", "Atlas", "Lumen", "Corvid", "Meridian", "Orbis", "Halcyon", "Vireo",
    "Cobalt", "Juniper", "Marlow", "Skar", "Trident", "Willow"
  };
  private static final String[] SUFFIX = {
    "Robotics", "Dynamics", "Health", "Labs", "Systems", "Analytics", "Energy", "Foods",
    "Freight", "Software", "Motors", "Bank", "Media", "Therapeutics", "Networks", "Materials"
  };
  private static final String[] CITY = {
    "Gothenburg",
    "Denver",
    "Lyon",
    "Austin",
    "Porto",
    "Leeds",
    "Osaka",
    "Toronto",
    "Nairobi",
    "Munich",
    "Dublin",
    "Seoul",
    "Melbourne",
    "Rotterdam",
    "Chicago",
    "Barcelona"
  };
  private static final String[] KIND = {
    "maker of warehouse robots", "drone startup", "battery company", "chip designer",
    "online lender", "logistics firm", "medical device maker", "software company",
    "solar developer", "food delivery startup"
  };
  private static final String[] PRODUCT = {
    "Pulse", "Vantage", "Sprout", "Beacon", "Harbor One", "Quill", "Nimbus", "Atlas Go"
  };
  private static final String[] WEEKDAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  private final Random random;

  NewsCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** Returns {@code count} articles. */
  List<Article> articles(int count) {
    List<Article> articles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      articles.add(article(i));
    }
    return articles;
  }

  private Article article(int n) {
    String company = company();
    String rival = company();
    String partner = company();
    String person = person();
    String other = person();
    String city = pick(CITY);
    String day = pick(WEEKDAY);
    String product = pick(PRODUCT);
    String kind = pick(KIND);
    int millions = 10 + random.nextInt(490);
    String surname = person.substring(person.indexOf(' ') + 1);
    String otherSurname = other.substring(other.indexOf(' ') + 1);
    LocalDate published = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(330));
    StringBuilder text = new StringBuilder();
    String title;
    switch (n % 8) {
      case 0 -> {
        title = company + " names " + person + " chief executive";
        text.append(company)
            .append(", the ")
            .append(city)
            .append("-based ")
            .append(kind)
            .append(", named ")
            .append(person)
            .append(" as its chief executive on ")
            .append(day)
            .append(". ")
            .append(surname)
            .append(" replaces ")
            .append(other)
            .append(", who led the company for six years and will stay on the board.\n\n");
      }
      case 1 -> {
        title = company + " agrees to buy " + rival;
        text.append(company)
            .append(" agreed on ")
            .append(day)
            .append(" to acquire ")
            .append(rival)
            .append(", a ")
            .append(kind)
            .append(" based in ")
            .append(city)
            .append(", for $")
            .append(millions)
            .append(" million in cash. ")
            .append(rival)
            .append(" will keep its name and its chief executive, ")
            .append(person)
            .append(", after the deal closes.\n\n");
      }
      case 2 -> {
        title = company + " raises $" + millions + " million";
        text.append(company)
            .append(", a ")
            .append(city)
            .append("-based ")
            .append(kind)
            .append(", said on ")
            .append(day)
            .append(" that it had raised $")
            .append(millions)
            .append(" million in a funding round led by ")
            .append(partner)
            .append(". The company was founded in ")
            .append(2010 + random.nextInt(14))
            .append(" by ")
            .append(person)
            .append(", who is its chief executive.\n\n");
      }
      case 3 -> {
        title = company + " sues " + rival + " over patents";
        text.append(company)
            .append(" filed a lawsuit against ")
            .append(rival)
            .append(" on ")
            .append(day)
            .append(", accusing its smaller rival of copying the design of its")
            .append(" products. ")
            .append(person)
            .append(", the chief executive of ")
            .append(company)
            .append(", said the company had no choice.\n\n");
      }
      case 4 -> {
        title = company + " launches " + product;
        text.append(company)
            .append(", a ")
            .append(kind)
            .append(" based in ")
            .append(city)
            .append(", launched ")
            .append(product)
            .append(" on ")
            .append(day)
            .append(". Its chief executive, ")
            .append(person)
            .append(", said the product had taken three years to build and would compete with")
            .append(" offerings from ")
            .append(rival)
            .append(".\n\n");
      }
      case 5 -> {
        title = company + " and " + partner + " sign a partnership";
        text.append(company)
            .append(" and ")
            .append(partner)
            .append(" signed an agreement on ")
            .append(day)
            .append(" to work together on new products for customers in ")
            .append(city)
            .append(". ")
            .append(person)
            .append(", who runs ")
            .append(partner)
            .append(", said the partnership would start in the spring.\n\n");
      }
      case 6 -> {
        title = person + " resigns from " + company;
        text.append(person)
            .append(" resigned as chief executive of ")
            .append(company)
            .append(" on ")
            .append(day)
            .append(" after a dispute with the board. ")
            .append(other)
            .append(", the company's finance chief, will lead it until a")
            .append(" successor is found.\n\n");
      }
      default -> {
        title = company + " holds a news conference in " + city;
        text.append(person)
            .append(", the chief executive of ")
            .append(company)
            .append(", said at a news conference in ")
            .append(city)
            .append(" on ")
            .append(day)
            .append(" that the company would hire 400 people this year and open an office in ")
            .append(pick(CITY))
            .append(".\n\n");
      }
    }
    text.append('\u201c')
        .append(quote())
        .append(",\u201d ")
        .append(surname)
        .append(" said. ")
        .append(company)
        .append(" competes with ")
        .append(rival)
        .append(" and ")
        .append(partner)
        .append(", and sells mostly to customers in ")
        .append(city)
        .append(".\n\n");
    text.append(otherSurname)
        .append(", who joined ")
        .append(company)
        .append(" from ")
        .append(rival)
        .append(" in ")
        .append(2015 + random.nextInt(9))
        .append(", said the coming year would be demanding. Analysts said the company's")
        .append(" results had improved over the past two quarters, helped by lower costs and")
        .append(" strong demand from larger customers.\n\n");
    text.append("The company, which employs about ")
        .append(200 + random.nextInt(4800))
        .append(" people, did not give a forecast for the year. Its shares rose ")
        .append(1 + random.nextInt(9))
        .append(" percent after the announcement.");
    return new Article("bench-" + n, text.toString(), title, null, published);
  }

  private String quote() {
    String[] quotes = {
      "We are building something our customers have asked us for over many years",
      "This is the right moment for the company and for the people who work here",
      "Nobody should doubt that we intend to win this market",
      "We made mistakes last year and we have learned from them"
    };
    return pick(quotes);
  }

  private String company() {
    return pick(STEM) + " " + pick(SUFFIX);
  }

  private String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
