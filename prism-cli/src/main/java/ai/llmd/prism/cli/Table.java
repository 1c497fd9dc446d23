package ai.llmd.prism.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as left-aligned, space-padded columns; the last column is never padded. Cells are
 * {@linkplain Escape#text escaped}, so a name cannot break a row or reach the terminal raw.
 */
final class Table {

  private Table() {}

  static void print(PrintWriter out, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    List<String[]> escaped = new ArrayList<>(rows.size());
    for (String[] given : rows) {
      String[] row = new String[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = Escape.text(given[c]);
      }
      escaped.add(row);
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : escaped) {
      sb.setLength(0);
      for (int c = 0; c < columns; c++) {
        sb.append(row[c]);
        if (c < columns - 1) {
          sb.append(" ".repeat(width[c] - row[c].length() + 2));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }
}
