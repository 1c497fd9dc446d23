package ai.llmd.prism.core.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sourced average power per accelerator (the resource {@code power-table.json}), used to estimate a
 * point's power only when its source measured none. An accelerator without a row stays without an
 * estimate.
 */
final class PowerTable {

  /** One sourced figure. */
  record Row(
      String accelerator,
      double wattsPerAccelerator,
      String source,
      String sourceUrl,
      String asOfText,
      String note) {

    /** The row as cited in a derivation rule. */
    String describe() {
      return wattsPerAccelerator
          + " W per "
          + accelerator
          + " ("
          + source
          + ", "
          + asOfText
          + ", "
          + sourceUrl
          + ")";
    }
  }

  private static final PowerTable BUILT_IN = read(RegistryFile.resource("power-table.json"));

  private final String version;
  private final Map<String, Row> rows;

  private PowerTable(String version, Map<String, Row> rows) {
    this.version = version;
    this.rows = rows;
  }

  static PowerTable builtIn() {
    return BUILT_IN;
  }

  static PowerTable read(RegistryFile f) {
    Map<String, Row> rows = new TreeMap<>();
    for (RegistryFile.Item i : f.items("rows")) {
      Double watts = i.positive("wattsPerAccelerator");
      if (watts == null) {
        throw new IllegalArgumentException(
            f.name + ":" + i.at + "/wattsPerAccelerator: required (a positive number)");
      }
      Row r =
          new Row(
              i.text("accelerator", true),
              watts,
              i.text("source", true),
              i.text("sourceUrl", true),
              i.text("asOfText", true),
              i.text("note", false));
      rows.put(r.accelerator().toLowerCase(Locale.ROOT), r);
    }
    return new PowerTable(f.version(), rows);
  }

  String version() {
    return version;
  }

  Optional<Row> row(String accelerator) {
    return Optional.ofNullable(rows.get(accelerator.toLowerCase(Locale.ROOT)));
  }

  List<Row> rows() {
    return List.copyOf(rows.values());
  }
}
