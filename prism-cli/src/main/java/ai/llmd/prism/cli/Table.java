package ai.llmd.prism.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned, space-padded columns; the last column is never padded. */
final class Table {

  private Table() {}

  static void print(PrintWriter out, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
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
