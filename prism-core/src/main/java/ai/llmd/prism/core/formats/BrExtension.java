package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.BrFields.at;

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
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.readkit.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the extension {@link BrV02Writer} writes under {@code results.observability.prism} over the
 * point the standard fields gave: each member present replaces that one fact. A malformed member is
 * an error naming its place, and that fact keeps what the standard fields said.
 */
final class BrExtension {

  static final String AT = "/results/observability/" + BrV02Writer.EXTENSION;

  private BrExtension() {}

  static BenchmarkPoint apply(BenchmarkPoint p, JsonNode ext, BrFields f) {
    if (!ext.isObject()) {
      f.error(AT, "expected a mapping, found " + JsonFields.describe(ext));
      return p;
    }
    try {
      ModelRef model = model(p.model(), f.object(ext, AT, "model", false), f);
      Deployment deployment = deployment(p.deployment(), ext, f);
      Workload workload = workload(p.workload(), f.object(ext, AT, "workload", false), f);
      Metrics metrics = metrics(p.metrics(), f.object(ext, AT, "metrics", false), f);
      List<Cost> costs = costs(f.array(ext, AT, "costs", false), f);
      Map<String, String> labels = labels(p.labels(), f.array(ext, AT, "labels", false), f);
      JsonNode from = f.object(ext, AT, "republished_from", false);
      if (from != null) {
        String a = at(AT, "republished_from");
        BrV02.putLabel(labels, "republished.source", f.text(from, a, "source", true));
        BrV02.putLabel(labels, "republished.format", f.text(from, a, "format", true));
        BrV02.putLabel(
            labels, "republished.format_version", f.text(from, a, "format_version", false));
        BrV02.putLabel(labels, "republished.location", f.text(from, a, "location", false));
      }
      return new BenchmarkPoint(
          new Scenario(model, deployment, workload), metrics, costs, labels, p.provenance());
    } catch (IllegalArgumentException e) {
      // a combination of facts the model refuses (e.g. a stage below 0): the standard part stands
      f.error(AT, "not applied: " + e.getMessage());
      return p;
    }
  }

  private static ModelRef model(ModelRef m, JsonNode ext, BrFields f) {
    if (ext == null) {
      return m;
    }
    String a = at(AT, "model");
    String raw = m.raw();
    JsonNode r = ext.get("raw");
    if (r != null && r.isTextual()) {
      raw = r.asText(); // may be empty: a source that named its model ""
    } else if (r != null) {
      f.error(at(a, "raw"), "expected text, found " + JsonFields.describe(r));
    }
    return new ModelRef(
        raw,
        ModelRef.unresolved(raw).id(),
        f.text(ext, a, "family", false),
        positive(ext, a, "total_params_billions", f),
        positive(ext, a, "active_params_billions", f),
        f.text(ext, a, "precision", false),
        false);
  }

  private static Deployment deployment(Deployment d, JsonNode ext, BrFields f) {
    AcceleratorRef acc = d.accelerator();
    if (ext.has("accelerator")) {
      JsonNode a = ext.get("accelerator");
      String aa = at(AT, "accelerator");
      if (a.isNull()) {
        acc = null;
      } else if (f.object(ext, AT, "accelerator", false) != null) {
        String raw = f.text(a, aa, "raw", true);
        if (raw != null) {
          String name = f.text(a, aa, "name", false);
          acc =
              new AcceleratorRef(
                  raw,
                  name == null ? raw : name,
                  f.text(a, aa, "vendor", false),
                  positive(a, aa, "memory_gib", f),
                  false);
        }
      }
    }
    JsonNode dep = f.object(ext, AT, "deployment", false);
    if (dep == null) {
      return acc == d.accelerator() ? d : copy(d, acc, d.roles());
    }
    String at = at(AT, "deployment");
    Integer count = dep.has("accelerator_count") ? count(dep, at, "accelerator_count", f) : null;
    String engine = dep.has("engine") ? f.text(dep, at, "engine", false) : d.engine();
    String version =
        dep.has("engine_version") ? f.text(dep, at, "engine_version", false) : d.engineVersion();
    String stack =
        dep.has("serving_stack") ? f.text(dep, at, "serving_stack", false) : d.servingStack();
    Integer nodes = dep.has("nodes") ? count(dep, at, "nodes", f) : d.nodes();
    List<String> components = d.components();
    JsonNode cs = f.array(dep, at, "components", false);
    if (cs != null) {
      components = new ArrayList<>();
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i).isTextual()) {
          components.add(cs.get(i).asText());
        } else {
          f.error(
              at(at(at, "components"), i),
              "expected text, found " + JsonFields.describe(cs.get(i)));
        }
      }
    }
    List<Role> roles = d.roles();
    JsonNode rs = f.array(dep, at, "roles", false);
    if (rs != null) {
      roles = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        Role r = role(rs.get(i), at(at(at, "roles"), i), f);
        if (r != null) {
          roles.add(r);
        }
      }
    }
    return new Deployment(
        acc,
        dep.has("accelerator_count") ? count : d.acceleratorCount(),
        engine,
        version,
        stack,
        components,
        roles,
        nodes);
  }

  private static Deployment copy(Deployment d, AcceleratorRef acc, List<Role> roles) {
    return new Deployment(
        acc,
        d.acceleratorCount(),
        d.engine(),
        d.engineVersion(),
        d.servingStack(),
        d.components(),
        roles,
        d.nodes());
  }

  private static Role role(JsonNode r, String at, BrFields f) {
    if (!r.isObject()) {
      f.error(at, "expected a role mapping, found " + JsonFields.describe(r));
      return null;
    }
    String kindText = f.text(r, at, "kind", true);
    Role.Kind kind = kindText == null ? null : BrV02.kind(kindText);
    Integer replicas = count(r, at, "replicas", f);
    if (kind == null || replicas == null || replicas < 1) {
      f.error(at, "a role needs a kind (replica, prefill or decode) and at least 1 replica");
      return null;
    }
    return new Role(
        kind,
        replicas,
        count(r, at, "tp", f),
        count(r, at, "dp", f),
        count(r, at, "pp", f),
        count(r, at, "ep", f),
        count(r, at, "accelerators_per_replica", f));
  }

  private static Workload workload(Workload w, JsonNode ext, BrFields f) {
    if (ext == null) {
      return w;
    }
    String at = at(AT, "workload");
    Distribution isl =
        ext.has("input_length") ? lengths(ext, at, "input_length", f) : w.inputLength();
    Distribution osl =
        ext.has("output_length") ? lengths(ext, at, "output_length", f) : w.outputLength();
    String dataset = ext.has("dataset") ? f.text(ext, at, "dataset", false) : w.dataset();
    String harness = ext.has("harness") ? f.text(ext, at, "harness", false) : w.harness();
    String harnessVersion =
        ext.has("harness_version") ? f.text(ext, at, "harness_version", false) : w.harnessVersion();
    Double rate =
        ext.has("target_request_rate")
            ? load(ext, at, "target_request_rate", f)
            : w.targetRequestRate();
    Double concurrency = ext.has("concurrency") ? load(ext, at, "concurrency", f) : w.concurrency();
    Integer stage = ext.has("stage") ? count(ext, at, "stage", f) : w.stage();
    return new Workload(isl, osl, dataset, harness, harnessVersion, rate, concurrency, stage);
  }

  private static Distribution lengths(JsonNode ext, String at, String key, BrFields f) {
    return ext.get(key).isNull() ? null : f.statistics(ext, at, key, Unit.TOKENS, false);
  }

  /** A rate or concurrency: a positive number, or {@code .inf} for "unlimited". */
  private static Double load(JsonNode ext, String at, String key, BrFields f) {
    JsonNode v = ext.get(key);
    if (v.isNull()) {
      return null;
    }
    if (v.isTextual() && v.asText().strip().equalsIgnoreCase(".inf")
        || v.isNumber() && v.doubleValue() == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    Double d = f.number(v, at(at, key));
    if (d != null && d == 0) {
      f.error(at(at, key), "must be greater than 0");
      return null;
    }
    return d;
  }

  private static Metrics metrics(Metrics m, JsonNode ext, BrFields f) {
    if (ext == null) {
      return m;
    }
    String at = at(AT, "metrics");
    Metrics.Builder b = m.toBuilder();
    for (Map.Entry<String, JsonNode> e : ext.properties()) {
      String here = at(at, e.getKey());
      Metric metric = Metric.byKey(e.getKey()).orElse(null);
      if (metric == null) {
        f.error(here, "unknown metric '" + e.getKey() + "'; not read");
        continue;
      }
      JsonNode s = f.object(ext, at, e.getKey(), true);
      if (s == null) {
        continue;
      }
      ObjectNode stats = ((ObjectNode) s).deepCopy();
      stats.remove("derivation"); // the rule, beside the statistics
      Distribution d = f.statistics(stats, here, metric.unit());
      if (d == null) {
        continue;
      }
      String rule = f.text(s, here, "derivation", false);
      b.put(rule == null ? MetricValue.measured(metric, d) : MetricValue.derived(metric, d, rule));
    }
    return b.build();
  }

  private static List<Cost> costs(JsonNode costs, BrFields f) {
    if (costs == null) {
      return List.of();
    }
    List<Cost> out = new ArrayList<>();
    for (int i = 0; i < costs.size(); i++) {
      String at = at(at(AT, "costs"), i);
      JsonNode c = costs.get(i);
      String model = f.text(c, at, "pricing_model", true);
      PricingModel pm = null;
      try {
        pm = model == null ? null : PricingModel.valueOf(model.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        f.error(at(at, "pricing_model"), "unknown pricing model '" + model + "'");
      }
      String basis = f.text(c, at, "basis", true);
      Double output = f.number(c, at, "usd_per_million_output_tokens", false);
      Double input = f.number(c, at, "usd_per_million_input_tokens", false);
      if (pm == null || basis == null || output == null && input == null) {
        f.error(at, "a cost needs a pricing model, a basis and a price; not read");
        continue;
      }
      out.add(new Cost(pm, output, input, c.path("estimated").asBoolean(false), basis));
    }
    return out;
  }

  private static Map<String, String> labels(Map<String, String> read, JsonNode labels, BrFields f) {
    if (labels == null) {
      return new TreeMap<>(read);
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      String at = at(at(AT, "labels"), i);
      String name = f.text(labels.get(i), at, "name", true);
      JsonNode v = labels.get(i).get("value");
      if (name != null && v != null && v.isValueNode() && !v.isNull()) {
        out.put(name, v.asText());
      } else {
        f.error(at, "a label needs a name and a text value; not read");
      }
    }
    return out;
  }

  private static Integer count(JsonNode parent, String at, String key, BrFields f) {
    return f.count(parent, at, key, false);
  }

  private static Double positive(JsonNode parent, String at, String key, BrFields f) {
    Double d = f.number(parent, at, key, false);
    if (d != null && d == 0) {
      f.error(at(at, key), "must be greater than 0");
      return null;
    }
    return d;
  }
}
