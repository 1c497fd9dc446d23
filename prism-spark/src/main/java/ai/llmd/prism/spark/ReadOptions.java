package ai.llmd.prism.spark;

import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.spi.FormatReader;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options of one {@code spark.read.format("prism")}, checked on the driver, shipped to the
 * executors. Options it does not know are Hadoop settings for this read (as with Spark's own file
 * sources), e.g. {@code fs.s3a.endpoint}.
 */
record ReadOptions(
    List<String> paths,
    String format,
    long maxFileBytes,
    int maxPointsPerFile,
    boolean problemsOnly,
    String provider,
    String region,
    int filesPerPartition,
    Map<String, String> hadoop)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The default number of files one task reads. */
  static final int DEFAULT_FILES_PER_PARTITION = 256;

  private static final Set<String> OWN =
      Set.of(
          "path",
          "paths",
          "format",
          "maxfilebytes",
          "maxpointsperfile",
          "problems",
          "provider",
          "region",
          "filesperpartition",
          "mapping");

  // one Prism and one estimator per executor JVM and option set: plugin discovery is not free
  private static final Map<ReadOptions, Prism> PRISMS = new ConcurrentHashMap<>();
  private static final Map<ReadOptions, CostEstimator> ESTIMATORS = new ConcurrentHashMap<>();

  ReadOptions {
    paths = List.copyOf(paths);
    hadoop = Map.copyOf(hadoop);
  }

  /**
   * Parses {@code options} (keys in any case, as Spark hands them over).
   *
   * @throws IllegalArgumentException naming the option and what was wrong
   */
  static ReadOptions parse(Map<String, String> options, List<String> paths) {
    Map<String, String> own = new LinkedHashMap<>();
    Map<String, String> hadoop = new LinkedHashMap<>();
    options.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          if (OWN.contains(key)) {
            own.put(key, v);
          } else {
            hadoop.put(k, v);
          }
        });
    if (own.containsKey("mapping")) {
      throw new IllegalArgumentException(
          "option 'mapping': column mappings need the column-mapped reader, which this build"
              + " does not include yet");
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException(
          "no path: use spark.read.format(\"prism\").load(\"s3a://bucket/runs/\")");
    }
    String format = own.get("format");
    if (format != null) {
      List<String> ids = Prism.create().plugins().readers().stream().map(FormatReader::id).toList();
      if (!ids.contains(format)) {
        throw new IllegalArgumentException(
            "option 'format': no reader '" + format + "'; installed: " + String.join(", ", ids));
      }
    }
    String problems = own.getOrDefault("problems", "exclude");
    if (!problems.equals("only") && !problems.equals("exclude")) {
      throw new IllegalArgumentException(
          "option 'problems': 'only' (one row per problem) or 'exclude' (points), not '"
              + problems
              + "'");
    }
    return new ReadOptions(
        paths,
        format,
        positiveLong(own, "maxfilebytes", "maxFileBytes", LoadOptions.DEFAULT_MAX_FILE_BYTES),
        (int)
            Math.min(
                Integer.MAX_VALUE,
                positiveLong(
                    own,
                    "maxpointsperfile",
                    "maxPointsPerFile",
                    LoadOptions.DEFAULT_MAX_POINTS_PER_FILE)),
        problems.equals("only"),
        own.get("provider"),
        own.get("region"),
        (int)
            Math.min(
                Integer.MAX_VALUE,
                positiveLong(
                    own, "filesperpartition", "filesPerPartition", DEFAULT_FILES_PER_PARTITION)),
        hadoop);
  }

  private static long positiveLong(Map<String, String> own, String key, String shown, long dflt) {
    String v = own.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option '" + shown + "': a positive whole number, not '" + v + "'");
    }
  }

  /** The single-machine options these stand for: one thread, since Spark runs the tasks. */
  LoadOptions loadOptions() {
    return LoadOptions.defaults()
        .withThreads(1)
        .withFormat(format)
        .withMaxFileBytes(maxFileBytes)
        .withMaxPointsPerFile(maxPointsPerFile);
  }

  /** This JVM's Prism for these options. */
  Prism prism() {
    return PRISMS.computeIfAbsent(this, o -> Prism.create().withOptions(o.loadOptions()));
  }

  /** This JVM's cost estimator: the built-in catalog, narrowed by provider and region. */
  CostEstimator costs() {
    return ESTIMATORS.computeIfAbsent(
        this,
        o -> {
          CostEstimator e = CostEstimator.of(PricingCatalog.builtIn());
          e = o.provider == null ? e : e.withProvider(o.provider);
          return o.region == null ? e : e.withRegion(o.region);
        });
  }
}
