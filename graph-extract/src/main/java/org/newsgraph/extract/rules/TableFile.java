package org.newsgraph.extract.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsgraph.extract.ExtractionException;

/**
 * Reads the tab-separated files among the rules ({@code rules/*.tsv}): one row a line, its cells
 * split at tabs and stripped; blank lines and lines starting with {@code #} are skipped. Every rule
 * table is read through here, so every one reports a bad line the same way: file, line number, what
 * was expected and what was there.
 */
public final class TableFile {

  /**
   * One line of a table.
   *
   * @param source the file and line, as {@code roles.tsv:12}
   * @param cells the cells, stripped
   */
  public record Row(String source, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    /** Returns the cell at this 0-based column. */
    public String cell(int column) {
      return cells.get(column);
    }

    /** An error naming this line, what it should have held and what it holds. */
    public ExtractionException error(String expected) {
      return new ExtractionException(
          source + ": expected " + expected + ", got \"" + String.join("\t", cells) + "\"");
    }
  }

  private TableFile() {}

  /**
   * Reads a table from the class path whose every row has this many non-blank cells.
   *
   * @param resource the file, such as {@code rules/roles.tsv}
   * @param columns how many cells a row has
   * @param expected what a row holds, for errors: "a phrase, a tab and a tag"
   * @throws ExtractionException if the file is missing, or naming the first malformed line
   */
  public static List<Row> read(String resource, int columns, String expected) {
    return parse(resource, RuleFile.required(resource), columns, expected);
  }

  /** Parses the text of a table; {@code source} names it in rows and errors. */
  public static List<Row> parse(String source, String text, int columns, String expected) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Row row =
          new Row(
              name + ":" + (i + 1), Arrays.stream(line.split("\t")).map(String::strip).toList());
      if (row.cells().size() != columns || row.cells().stream().anyMatch(String::isEmpty)) {
        throw row.error(expected);
      }
      rows.add(row);
    }
    return rows;
  }
}
