package ai.llmd.prism.spark;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.formats.ColumnMappedReader;
import ai.llmd.prism.spi.FormatReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

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
    Map<String, String> hadoop,
    String mappingName,
    String mappingContent)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest column mapping read: a mapping is a page of YAML. */
  static final int MAX_MAPPING_BYTES = 1 << 20;

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
    String mappingName = own.get("mapping");
    String mappingContent = null;
    if (mappingName != null) {
      mappingContent = Base64.getEncoder().encodeToString(readMapping(mappingName, hadoop));
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
        hadoop,
        mappingName,
        mappingContent);
  }

  /**
   * Reads and checks the mapping on the driver, through Hadoop so it may live on any file system
   * the executors can read from; the executors get its content, not its path.
   */
  private static byte[] readMapping(String name, Map<String, String> hadoop) {
    byte[] content;
    try {
      Configuration conf =
          new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
      hadoop.forEach(conf::set);
      Path path = new Path(name);
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        content = in.readNBytes(MAX_MAPPING_BYTES + 1);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "option 'mapping': " + name + " could not be read: " + e.getMessage(), e);
    }
    if (content.length > MAX_MAPPING_BYTES) {
      throw new IllegalArgumentException(
          "option 'mapping': " + name + " is over " + MAX_MAPPING_BYTES + " bytes");
    }
    List<Problem> problems = ColumnMappedReader.of(name, content).mappingProblems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "option 'mapping': "
              + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }
    return content;
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
    return PRISMS.computeIfAbsent(
        this,
        o -> {
          Prism p = Prism.create().withOptions(o.loadOptions());
          return o.mappingContent == null
              ? p
              : p.withMapping(o.mappingName, Base64.getDecoder().decode(o.mappingContent));
        });
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
