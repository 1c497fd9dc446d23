package ai.llmd.prism.report;

import ai.llmd.prism.core.findings.DatasetViews;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.formats.TokenLengths;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * The datasets view: token-length histograms and percentiles per dataset, from {@link
 * Findings#datasets()}.
 */
final class DatasetsView {

  private DatasetsView() {}

  static void write(Report r, Findings f) {
    DatasetViews v = f.datasets();
    if (v.datasets().isEmpty()) {
      r.omitted(
          DashboardViews.DATASETS,
          "Datasets",
          v.problems().isEmpty()
              ? "No dataset summary given (prism report --datasets DIR reads the token-length"
                  + " CSVs)."
              : "No dataset summary could be read: " + v.problems().get(0));
      return;
    }
    DashboardViews.section(
        r,
        DashboardViews.DATASETS,
        "Datasets",
        datasetsData(v),
        "Input and output token lengths of each dataset: "
            + DatasetViews.BINS
            + " equal-width bins from the shortest to the longest sample, and nearest-rank"
            + " percentiles (each a length some sample has).");
  }

  /**
   * The datasets: per dataset its name, file, and input and output lengths, each with count, min,
   * max, mean, percentiles and bins [lower, upper, count].
   */
  static String datasetsData(DatasetViews v) {
    return DashboardViews.json(
        g -> {
          g.writeArrayFieldStart("datasets");
          for (DatasetViews.Dataset d : v.datasets()) {
            g.writeStartObject();
            g.writeStringField("name", Html.shorten(d.name(), Html.KEPT));
            g.writeStringField("file", Html.shorten(d.file(), Html.KEPT));
            lengths(g, "input", d.input());
            if (d.output().isPresent()) {
              lengths(g, "output", d.output().get());
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("problems");
          for (var p : v.problems()) {
            g.writeString(Html.shorten(p.toString(), Html.KEPT));
          }
          g.writeEndArray();
        });
  }

  private static void lengths(JsonGenerator g, String name, DatasetViews.Lengths l)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", l.count());
    g.writeNumberField("min", l.min());
    g.writeNumberField("max", l.max());
    g.writeNumberField("mean", l.mean());
    g.writeObjectFieldStart("percentiles");
    for (Map.Entry<String, Integer> p : l.percentiles().entrySet()) {
      g.writeNumberField(p.getKey(), p.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("bins");
    for (TokenLengths.Bin b : l.histogram()) {
      g.writeStartArray();
      g.writeNumber(b.lower());
      g.writeNumber(b.upper());
      g.writeNumber(b.count());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
