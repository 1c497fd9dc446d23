package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads responses of the GKE Inference Quickstart API ({@code gkerecommender.googleapis.com/v1}):
 * {@code profiles:fetch} and {@code benchmarkingData:fetch}, one point per {@code performanceStats}
 * entry of every profile.
 *
 * <p>Proto3 JSON rules apply: int64 values ({@code Amount.units}) arrive as strings, and zero or
 * empty fields are omitted. An omitted metric is therefore read as absent, never as 0 (a 0 ms TTFT
 * is not a measurement). {@code ttftMilliseconds} is read as a mean: the API states no other
 * statistic. Costs are read per pricing model as stated by the API, in USD per million tokens.
 */
public final class GiqReader implements FormatReader {

  static final String ID = "giq";
  static final String VERSION = "v1";

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "GKE Inference Quickstart API responses (profiles:fetch, benchmarkingData:fetch)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if (!"[]".equals(top.get("profile")) && !"[]".equals(top.get("benchmarkingData"))) {
      return Detection.NO;
    }
    String head = new String(sniff.head(), StandardCharsets.UTF_8);
    return head.contains("\"modelServerInfo\"") || head.contains("\"performanceStats\"")
        ? Detection.CERTAIN
        : Detection.POSSIBLE;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    JsonNode root;
    try {
      root = Trees.jsonReader().readTree(file.bytes());
    } catch (JsonProcessingException e) {
      sink.problem(
          Problem.error(
              file.name(), "", Trees.limitOr(e, "not valid JSON: " + e.getOriginalMessage())));
      return;
    }
    String key = root.has("profile") ? "profile" : "benchmarkingData";
    JsonNode profiles = root.path(key);
    if (!profiles.isArray()) {
      sink.problem(Problem.error(file.name(), "/" + key, "expected an array of profiles"));
      return;
    }
    ReadContext context = ReadContext.of(file, sink);
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode profile = profiles.get(i);
      String at = "/" + key + "/" + i;
      context.row(at, () -> readProfile(file, sink, profile, at));
    }
  }

  private void readProfile(SourceFile file, ReadSink sink, JsonNode p, String ptr) {
    Proto3 issues = new Proto3(ReadContext.of(file, sink));
    JsonNode msi = p.path("modelServerInfo");
    String model = msi.path("model").asText("");
    if (model.isBlank()) {
      issues.error(ptr + "/modelServerInfo/model", "no model; profile skipped");
      return;
    }
    String accel = p.path("acceleratorType").asText("");
    Integer count = null;
    JsonNode c = p.path("resourcesUsed").path("acceleratorCount");
    if (!c.isMissingNode()) {
      Double v = issues.number(c, ptr + "/resourcesUsed/acceleratorCount");
      if (v != null && (v != Math.rint(v) || v < 0)) {
        issues.error(ptr + "/resourcesUsed/acceleratorCount", v + " is not a count; not read");
      } else if (v != null && v > 0) {
        count = v.intValue();
      }
    }
    String stack = p.path("servingStack").path("name").asText("");
    Deployment deployment =
        new Deployment(
            accel.isBlank() ? null : AcceleratorRef.unresolved(accel),
            count,
            blankToNull(msi.path("modelServer").asText("")),
            blankToNull(msi.path("modelServerVersion").asText("")),
            blankToNull(stack),
            List.of(),
            List.of(),
            null);
    Map<String, String> labels = new TreeMap<>();
    putLabel(labels, "instanceType", p.path("instanceType"));
    putLabel(labels, "tpuTopology", p.path("tpuTopology"));
    putLabel(labels, "useCase", p.path("workloadSpec").path("useCase"));
    JsonNode ws = p.path("workloadSpec");
    Double isl =
        issues.positive(ws.path("averageInputLength"), ptr + "/workloadSpec/averageInputLength");
    Double osl =
        issues.positive(ws.path("averageOutputLength"), ptr + "/workloadSpec/averageOutputLength");

    JsonNode stats = p.path("performanceStats");
    if (!stats.isArray() || stats.isEmpty()) {
      issues.warn(ptr + "/performanceStats", "the profile has no performanceStats; no points");
      return;
    }
    for (int s = 0; s < stats.size(); s++) {
      String sp = ptr + "/performanceStats/" + s;
      JsonNode st = stats.get(s);
      Metrics.Builder m = Metrics.builder();
      put(
          m,
          Metric.REQUEST_RATE,
          issues.positive(st.path("queriesPerSecond"), sp + "/queriesPerSecond"));
      put(
          m,
          Metric.OUTPUT_THROUGHPUT,
          issues.positive(st.path("outputTokensPerSecond"), sp + "/outputTokensPerSecond"));
      put(
          m,
          Metric.NTPOT,
          issues.positive(st.path("ntpotMilliseconds"), sp + "/ntpotMilliseconds"));
      put(m, Metric.TTFT, issues.positive(st.path("ttftMilliseconds"), sp + "/ttftMilliseconds"));
      List<Cost> costs = costs(issues, st.path("cost"), sp + "/cost");
      Workload workload =
          new Workload(
              isl == null ? null : Distribution.ofMean(isl),
              osl == null ? null : Distribution.ofMean(osl),
              labels.get("useCase"),
              null,
              null,
              null,
              null,
              s);
      sink.point(
          new BenchmarkPoint(
              new Scenario(ModelRef.unresolved(model), deployment, workload),
              m.build(),
              costs,
              labels,
              new Provenance(file.uri(), ID, VERSION, sp)));
    }
  }

  private static List<Cost> costs(Proto3 issues, JsonNode costs, String ptr) {
    List<Cost> out = new ArrayList<>();
    if (costs.isMissingNode()) {
      return out;
    }
    if (!costs.isArray()) {
      issues.error(ptr, "expected an array of costs; not read");
      return out;
    }
    for (int i = 0; i < costs.size(); i++) {
      JsonNode c = costs.get(i);
      String cp = ptr + "/" + i;
      String raw = c.path("pricingModel").asText("");
      PricingModel pm = pricingModel(raw);
      String basis = "source: " + cp.substring(1);
      if (raw.isEmpty()) {
        pm = PricingModel.SPOT;
        basis += " (pricingModel omitted: the API default, spot)";
        issues.warn(cp + "/pricingModel", "no pricingModel; read as spot, the API default");
      } else if (pm == null) {
        issues.error(
            cp + "/pricingModel",
            "unknown pricing model '"
                + raw
                + "' (known: spot, on-demand, 1-year-cud, 3-years-cud); cost not read");
        continue;
      }
      Double outCost =
          issues.amount(c.path("costPerMillionOutputTokens"), cp + "/costPerMillionOutputTokens");
      Double inCost =
          issues.amount(c.path("costPerMillionInputTokens"), cp + "/costPerMillionInputTokens");
      if (outCost == null && inCost == null) {
        issues.warn(cp, "a cost without an input or output amount; not read");
        continue;
      }
      out.add(new Cost(pm, outCost, inCost, false, basis));
    }
    return out;
  }

  /** The API's pricing-model strings (gkerecommender v1 {@code Cost.pricing_model}). */
  static PricingModel pricingModel(String raw) {
    return switch (raw.strip()) {
      case "spot" -> PricingModel.SPOT;
      case "on-demand" -> PricingModel.ON_DEMAND;
      case "1-year-cud" -> PricingModel.CUD_1Y;
      case "3-years-cud" -> PricingModel.CUD_3Y;
      default -> null;
    };
  }

  private static void put(Metrics.Builder m, Metric metric, Double v) {
    if (v != null) {
      m.put(MetricValue.measured(metric, v));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void putLabel(Map<String, String> labels, String name, JsonNode v) {
    if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
      labels.put(name, v.asText());
    }
  }

  /** proto3 JSON values of one profile, each bad one reported at its JSON pointer. */
  private record Proto3(ReadContext context) {

    void error(String at, String msg) {
      context.error(at, msg);
    }

    void warn(String at, String msg) {
      context.warning(at, msg);
    }

    /** A number, also as a string (proto3 JSON allows both); null when absent or bad. */
    Double number(JsonNode n, String at) {
      if (n.isMissingNode() || n.isNull()) {
        return null;
      }
      double v;
      if (n.isNumber()) {
        v = n.doubleValue();
      } else if (n.isTextual()) {
        v = DelimitedText.number(n.asText(), false);
      } else {
        v = Double.NaN;
      }
      if (!Double.isFinite(v) || v < 0) {
        error(at, "'" + n.asText(n.toString()) + "' is not a non-negative number; not read");
        return null;
      }
      return v;
    }

    /** A metric value; an omitted or 0 field is absent (proto3 omits zeros). */
    Double positive(JsonNode n, String at) {
      Double v = number(n, at);
      return v == null || v == 0 ? null : v;
    }

    /** A google.type-like Amount: units (int64, a string in JSON) + nanos / 1e9 USD. */
    Double amount(JsonNode a, String at) {
      if (a.isMissingNode() || a.isNull()) {
        return null;
      }
      if (!a.isObject()) {
        error(at, "expected an Amount {units, nanos}; not read");
        return null;
      }
      JsonNode u = a.path("units");
      JsonNode n = a.path("nanos");
      BigDecimal units = BigDecimal.ZERO;
      if (!u.isMissingNode()) {
        String t = u.isTextual() || u.isIntegralNumber() ? u.asText() : "";
        if (!INTEGER.matcher(t).matches()) {
          error(at + "/units", "'" + u.asText(u.toString()) + "' is not a whole number; not read");
          return null;
        }
        units = new BigDecimal(t);
      }
      long nanos = 0;
      if (!n.isMissingNode()) {
        if (!n.isIntegralNumber() || Math.abs(n.asLong()) >= 1_000_000_000L) {
          error(at + "/nanos", "'" + n.asText(n.toString()) + "' is not 0..999999999; not read");
          return null;
        }
        nanos = n.asLong();
      }
      double v = units.add(BigDecimal.valueOf(nanos, 9)).doubleValue();
      if (v < 0) {
        error(at, "a negative amount (" + v + "); not read");
        return null;
      }
      return v;
    }
  }
}
