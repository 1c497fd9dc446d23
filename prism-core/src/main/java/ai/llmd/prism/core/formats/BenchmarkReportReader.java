package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads llm-d-benchmark Benchmark Reports (BR) v0.1, v0.2 and v0.2.1, in YAML or JSON: one report
 * is one load level, so one file gives one point.
 */
public final class BenchmarkReportReader implements FormatReader {

  static final String ID = "llmd-br";

  /**
   * Members never read, skipped while the tree is built: native args, env vars, health and
   * profiling sections hold nothing the model keeps.
   */
  private static final Set<String> UNREAD =
      Set.of(
          "args", "envars", "profiling", "component_health", "pod_startup_times", "replica_status");

  /** Of every time series, only the accelerator power series is read (for average power). */
  private static final Map<String, Set<String>> PARTLY_READ =
      Map.of("time_series", Set.of("power_consumption"));

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
    return "llm-d-benchmark Benchmark Report v0.1, v0.2 and v0.2.1 (YAML or JSON)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    boolean v01 = top.containsKey("scenario") && top.containsKey("metrics");
    boolean v02 = top.containsKey("run") && top.containsKey("results");
    String version = top.get("version");
    if (version != null) {
      String v = normalize(version);
      boolean is01 = v.equals("0.1");
      boolean is02 = v.equals("0.2") || v.startsWith("0.2.");
      if ((is01 && v01) || (is02 && v02)) {
        return Detection.CERTAIN;
      }
      // a report cut short, or missing a required section: read it and say what is missing
      if (is01 && (top.containsKey("scenario") || top.containsKey("metrics"))
          || is02 && (top.containsKey("run") || top.containsKey("results"))) {
        return Detection.POSSIBLE;
      }
    }
    if (v01 || v02) {
      return Detection.POSSIBLE; // read it, and say what is wrong with its version
    }
    // A head cut inside a huge first member (v0.2.1 writers sort keys: results comes first).
    if (!sniff.complete() && top.size() == 1 && top.containsKey("results")) {
      return Detection.POSSIBLE;
    }
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    JsonNode root;
    try {
      root = LenientTrees.parse(file.bytes(), UNREAD, PARTLY_READ);
    } catch (JacksonException e) {
      sink.problem(
          Problem.error(
              file.name(),
              location(e.getLocation()),
              Trees.limitOr(e, "not valid YAML or JSON: " + message(e))));
      return;
    }
    BrFields f = new BrFields(ReadContext.of(file, sink));
    if (!root.isObject()) {
      f.error("", "a benchmark report must be a mapping at the top level");
      return;
    }
    String declared = f.text(root, "", "version", false);
    String version;
    if (declared == null) {
      version = root.has("metrics") && !root.has("results") ? "0.1" : "0.2";
      f.warning("/version", "no version; read as " + version + " by its shape");
    } else {
      String v = normalize(declared);
      if (v.equals("0.1") || v.equals("0.2") || v.equals("0.2.1")) {
        version = v;
      } else if (v.matches("0\\.2\\.[0-9]+")) {
        version = v;
        f.warning("/version", "version " + declared + " is newer than 0.2.1; read as 0.2.1");
      } else {
        f.error(
            "/version",
            "unsupported version '" + declared + "' (expected 0.1, 0.2 or 0.2.1); not read");
        return;
      }
    }
    if (version.equals("0.1")) {
      BrV01.read(root, f, file, sink);
    } else {
      BrV02.read(root, f, file, sink, version);
    }
  }

  /** {@code v0.2} and {@code 0.2} are the same version. */
  static String normalize(String version) {
    String v = version.strip().toLowerCase(Locale.ROOT);
    return v.startsWith("v") ? v.substring(1) : v;
  }

  private static String location(JsonLocation l) {
    return l == null || l.getLineNr() < 1
        ? ""
        : "line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  private static String message(JacksonException e) {
    String m = e.getOriginalMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
