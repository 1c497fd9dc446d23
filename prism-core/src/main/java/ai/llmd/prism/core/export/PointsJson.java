package ai.llmd.prism.core.export;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes points in Prism's public JSON shape (documented in docs/json-format.md): one object per
 * point with model, accelerator, topology, workload, every metric with its unit, statistics and
 * measured/derived flag, costs, labels and provenance. Absent facts are {@code null}; absent
 * statistics are left out. A view other than {@link Views.Basis#TOTAL} changes values, never the
 * shape.
 */
public final class PointsJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PointsJson() {}

  /** Writes {@code points} as a JSON array, pretty-printed, in the given order. */
  public static void write(List<BenchmarkPoint> points, Views.Basis basis, OutputStream out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (BenchmarkPoint p : points) {
        write(p, basis, g);
      }
      g.writeEndArray();
    }
  }

  /** Writes {@code points} as JSON Lines: one compact point object per line, in the given order. */
  public static void writeLines(List<BenchmarkPoint> points, Views.Basis basis, OutputStream out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
      for (BenchmarkPoint p : points) {
        write(p, basis, g);
      }
      if (!points.isEmpty()) {
        g.writeRaw('\n');
      }
    }
  }

  static void write(BenchmarkPoint p, Views.Basis basis, JsonGenerator g) throws IOException {
    g.writeStartObject();
    ModelRef m = p.model();
    g.writeObjectFieldStart("model");
    g.writeStringField("id", m.id());
    g.writeStringField("raw", m.raw());
    g.writeStringField("family", m.family());
    g.writeStringField("precision", m.precision());
    nullableNumber(g, "totalParamsBillions", m.totalParamsBillions());
    nullableNumber(g, "activeParamsBillions", m.activeParamsBillions());
    g.writeBooleanField("resolved", m.resolved());
    g.writeEndObject();

    Deployment d = p.deployment();
    AcceleratorRef a = d.accelerator();
    g.writeObjectFieldStart("accelerator");
    g.writeStringField("name", a == null ? null : a.name());
    g.writeStringField("raw", a == null ? null : a.raw());
    g.writeStringField("vendor", a == null ? null : a.vendor());
    nullableNumber(g, "memoryGiB", a == null ? null : a.memoryGiB());
    OptionalInt count = Views.accelerators(d);
    g.writeFieldName("count");
    if (count.isPresent()) {
      g.writeNumber(count.getAsInt());
    } else {
      g.writeNull();
    }
    g.writeEndObject();

    g.writeObjectFieldStart("engine");
    g.writeStringField("name", d.engine());
    g.writeStringField("version", d.engineVersion());
    g.writeEndObject();
    g.writeStringField("servingStack", d.servingStack());
    g.writeStringField(
        "architecture",
        d.architecture() == Architecture.UNKNOWN
            ? null
            : d.architecture().name().toLowerCase(Locale.ROOT));
    g.writeStringField("pdRatio", d.pdRatio());
    g.writeArrayFieldStart("roles");
    for (Role r : d.roles()) {
      g.writeStartObject();
      g.writeStringField("kind", r.kind().name().toLowerCase(Locale.ROOT));
      g.writeNumberField("replicas", r.replicas());
      nullableNumber(g, "tp", r.tp());
      nullableNumber(g, "dp", r.dp());
      nullableNumber(g, "pp", r.pp());
      nullableNumber(g, "ep", r.ep());
      nullableNumber(g, "acceleratorsPerReplica", r.acceleratorsPerReplica());
      g.writeEndObject();
    }
    g.writeEndArray();
    nullableNumber(g, "nodes", d.nodes());

    Workload w = p.workload();
    g.writeObjectFieldStart("workload");
    nullableNumber(g, "isl", mean(w.inputLength()));
    nullableNumber(g, "osl", mean(w.outputLength()));
    load(g, "concurrency", w.concurrency());
    load(g, "requestRate", w.targetRequestRate());
    g.writeStringField("dataset", w.dataset());
    g.writeStringField("harness", w.harness());
    g.writeStringField("harnessVersion", w.harnessVersion());
    nullableNumber(g, "stage", w.stage());
    g.writeEndObject();

    g.writeStringField("basis", basis.name().toLowerCase(Locale.ROOT));
    g.writeObjectFieldStart("metrics");
    for (Metric metric : p.metrics().metrics()) {
      Optional<MetricValue> v = Views.value(p, metric, basis);
      g.writeFieldName(metric.key());
      if (v.isEmpty()) {
        g.writeNull(); // the view's divisor is unknown: no value rather than a guess
        continue;
      }
      g.writeStartObject();
      g.writeStringField("unit", metric.unit().symbol());
      Distribution dist = v.get().distribution();
      for (Statistic s : dist.statistics()) {
        g.writeNumberField(s.key(), dist.get(s).getAsDouble());
      }
      g.writeBooleanField("derived", v.get().isDerived());
      if (v.get().isDerived()) {
        g.writeStringField("rule", v.get().derivation());
      }
      g.writeEndObject();
    }
    g.writeEndObject();

    g.writeArrayFieldStart("costs");
    for (Cost c : p.costs()) {
      g.writeStartObject();
      g.writeStringField("pricingModel", c.pricingModel().key());
      g.writeStringField("unit", "USD/1M tokens");
      nullableNumber(g, "perMillionOutputTokens", c.perMillionOutputTokens());
      nullableNumber(g, "perMillionInputTokens", c.perMillionInputTokens());
      g.writeBooleanField("estimated", c.estimated());
      g.writeStringField("basis", c.basis());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeObjectFieldStart("labels");
    for (Map.Entry<String, String> e : p.labels().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();

    g.writeObjectFieldStart("provenance");
    g.writeStringField("uri", p.provenance().source().toString());
    g.writeStringField("format", p.provenance().format());
    g.writeStringField("formatVersion", p.provenance().formatVersion());
    g.writeStringField("location", p.provenance().location());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static Double mean(Distribution d) {
    return d == null || d.mean().isEmpty() ? null : d.mean().getAsDouble();
  }

  private static void load(JsonGenerator g, String field, Double v) throws IOException {
    if (v != null && v.isInfinite()) {
      g.writeStringField(
          field, "inf"); // JSON has no infinity; "unlimited" load is a fact worth keeping
    } else {
      nullableNumber(g, field, v);
    }
  }

  private static void nullableNumber(JsonGenerator g, String field, Number v) throws IOException {
    g.writeFieldName(field);
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else {
      g.writeNumber(v.doubleValue());
    }
  }
}
