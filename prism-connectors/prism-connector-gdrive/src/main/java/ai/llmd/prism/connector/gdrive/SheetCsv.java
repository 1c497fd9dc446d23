package ai.llmd.prism.connector.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Writes the {@code values} of a Sheets API {@code ValueRange} as RFC 4180 CSV. The API leaves off
 * trailing empty cells, so every row is padded to the widest; numbers are written in plain decimal,
 * exactly as the API sent them.
 */
final class SheetCsv {

  private SheetCsv() {}

  static byte[] of(JsonNode values) {
    int width = 0;
    for (JsonNode row : values) {
      width = Math.max(width, row.size());
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode row : values) {
      for (int c = 0; c < width; c++) {
        if (c > 0) {
          b.append(',');
        }
        JsonNode cell = row.get(c);
        if (cell != null && !cell.isNull()) {
          b.append(quote(text(cell)));
        }
      }
      b.append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonNode cell) {
    if (cell.isIntegralNumber()) {
      return cell.bigIntegerValue().toString();
    }
    if (cell.isNumber()) {
      return cell.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (cell.isBoolean()) {
      return cell.booleanValue() ? "TRUE" : "FALSE";
    }
    return cell.asText();
  }

  private static String quote(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
