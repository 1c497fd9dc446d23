package ai.llmd.prism.core.formats;

import ai.llmd.prism.core.internal.Parsing;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spreadsheet exports (CSV or TSV, UTF-8 or UTF-16) decoded and split into records with Jackson's
 * CSV parser. The charset is decided by the byte order mark or by the byte pattern of UTF-16 text
 * (every other byte zero), and the separator by the header line; nothing is guessed from values.
 */
final class DelimitedText {

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern GROUPED_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  private DelimitedText() {}

  /** Decoded text, the charset it was decoded with, and a warning when bytes were not valid. */
  record Decoded(String text, Charset charset, String warning) {}

  /** Decodes {@code bytes}, choosing the charset by byte order mark or UTF-16 byte pattern. */
  static Decoded decode(byte[] bytes) {
    Charset cs = Parsing.charset(bytes);
    int start = Parsing.bomLength(bytes);
    int end = bytes.length;
    String warning = null;
    if (cs != StandardCharsets.UTF_8 && (end - start) % 2 == 1) {
      // A UTF-16 file cannot have an odd length; exports seen in the wild end with a stray
      // one-byte newline, which carries no data.
      byte last = bytes[end - 1];
      if (last != '\n' && last != '\r') {
        warning = "the file ends in half a UTF-16 character; the last byte was ignored";
      }
      end--;
    }
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
    try {
      CharBuffer out = dec.decode(in);
      return new Decoded(out.toString(), cs, warning);
    } catch (CharacterCodingException e) {
      String lenient = new String(bytes, start, end - start, cs);
      int bad = lenient.indexOf('\uFFFD');
      return new Decoded(
          lenient,
          cs,
          "the file is not valid "
              + cs.name()
              + (bad >= 0 ? " (first bad character on line " + lineOf(lenient, bad) + ")" : "")
              + "; undecodable bytes were replaced by U+FFFD (re-save it as UTF-8)");
    }
  }

  /** Decodes just enough of a sniffed head to look at its first lines. */
  static String headText(byte[] head) {
    Charset cs = Parsing.charset(head);
    int start = Parsing.bomLength(head);
    int len = head.length - start;
    if (cs != StandardCharsets.UTF_8) {
      len -= len % 2;
    }
    return new String(head, start, Math.max(0, len), cs);
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The first line of {@code text}. */
  static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** TAB when the header line has more tabs than commas, else comma. */
  static char separator(String text) {
    String line = firstLine(text);
    long tabs = line.chars().filter(c -> c == '\t').count();
    long commas = line.chars().filter(c -> c == ',').count();
    return tabs > commas ? '\t' : ',';
  }

  /**
   * The records of a table, and the parse error that stopped reading early (a quote never closed),
   * or null when the whole text was read.
   */
  record Records(List<String[]> rows, String error) {}

  /**
   * Every record of {@code text}, ragged rows kept as they are, blank lines as empty arrays (so
   * that record numbers stay aligned with what a spreadsheet shows). A malformed record ends the
   * reading; the records before it are kept.
   */
  static Records records(String text, char separator) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    List<String[]> out = new ArrayList<>();
    try (MappingIterator<String[]> it =
        Trees.CSV
            .readerFor(String[].class)
            .with(schema)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(text)) {
      while (it.hasNextValue()) {
        if (out.size() == Trees.MAX_CSV_RECORDS) {
          throw new IOException(
              "over a limit: more than "
                  + Trees.MAX_CSV_RECORDS
                  + " rows"
                  + Parsing.howToRaise("MAX_CSV_RECORDS", "csvRecords"));
        }
        String[] r = it.nextValue();
        out.add(isBlank(r) ? new String[0] : r);
      }
    } catch (JacksonException e) {
      return new Records(out, whyNotValid(e));
    } catch (RuntimeException e) {
      // the iterator may wrap a parse failure unchecked
      if (e.getCause() instanceof JacksonException j) {
        return new Records(out, whyNotValid(j));
      }
      throw e;
    }
    return new Records(out, null);
  }

  /** The parser's complaint in one line, or the limit it hit and how to raise it. */
  private static String whyNotValid(JacksonException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    return Trees.limitOr(e, m.lines().findFirst().orElse("") + where);
  }

  private static boolean isBlank(String[] r) {
    for (String c : r) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A header cell with whitespace runs collapsed and ends trimmed ({@code "# of Processors "}). */
  static String normalizeHeader(String h) {
    return h == null ? "" : h.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The cell at {@code i}, stripped, or empty when the row is shorter. */
  static String cell(String[] row, int i) {
    return i >= 0 && i < row.length && row[i] != null ? row[i].strip() : "";
  }

  /**
   * Parses a plain decimal number; thousands separators only when {@code grouped} (MLPerf exports
   * write {@code "27,803.90"}). Returns NaN when the cell is not a number.
   */
  static double number(String cell, boolean grouped) {
    String c = cell.strip();
    if (PLAIN_NUMBER.matcher(c).matches()) {
      return Double.parseDouble(c);
    }
    if (grouped && GROUPED_NUMBER.matcher(c).matches()) {
      return Double.parseDouble(c.replace(",", ""));
    }
    return Double.NaN;
  }
}
