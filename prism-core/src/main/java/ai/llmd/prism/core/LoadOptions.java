package ai.llmd.prism.core;

import ai.llmd.prism.spi.ConnectorConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link Prism} loads its sources.
 *
 * @param format a reader id that overrides sniffing for every file, or {@code null} to sniff
 * @param threads how many files to read at once; results do not depend on it
 * @param followSymlinks whether a directory walk may follow links that lead outside the directory
 * @param maxFileBytes files larger than this are reported and not read
 * @param connectorConfig configuration handed to connectors for remote sources
 * @param maxPointsPerFile points beyond this many from one file are not kept, and said so
 * @param maxPointsPerLoad points beyond this many from all inputs together are not kept, and said
 *     so: the bound that keeps 200,000 small files from exhausting the heap
 * @param maxProblemsPerLoad problems beyond this many are counted, not kept (a file of a million
 *     bad entries would otherwise cost more than its points)
 * @param mapping a column mapping file applied to every CSV and TSV loaded ({@code
 *     docs/mapping.md}), or {@code null} to apply only a {@code prism-mapping.yaml} found beside
 *     the data
 * @param maxBytesInFlight the bytes that the files being read at once may hold together: a read
 *     waits until its file's size fits (arrival order), and a file larger than this alone is
 *     reported and not read
 */
public record LoadOptions(
    String format,
    int threads,
    boolean followSymlinks,
    long maxFileBytes,
    ConnectorConfig connectorConfig,
    int maxPointsPerFile,
    int maxPointsPerLoad,
    int maxProblemsPerLoad,
    Path mapping,
    long maxBytesInFlight) {

  /** 256 MiB: far above any benchmark report seen, far below what would exhaust a heap. */
  public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

  /** 100,000: the largest real archive holds a few hundred points; each point costs ~2 KB. */
  public static final int DEFAULT_MAX_POINTS_PER_FILE = 100_000;

  /** 1,000,000 points: the most a 2 GB heap holds with room to analyse them. */
  public static final int DEFAULT_MAX_POINTS_PER_LOAD = 1_000_000;

  /** 100,000 problems: far more than anyone reads; the rest are counted. */
  public static final int DEFAULT_MAX_PROBLEMS_PER_LOAD = 100_000;

  /**
   * 512 MiB: two files at the default file limit, or many smaller ones, read at once; a tree costs
   * several times its file, so this is what bounds the heap that concurrent reads need.
   */
  public static final long DEFAULT_MAX_BYTES_IN_FLIGHT = 512L << 20;

  public LoadOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
    }
    Objects.requireNonNull(connectorConfig, "connectorConfig");
    if (maxPointsPerFile < 1) {
      throw new IllegalArgumentException(
          "maxPointsPerFile must be positive, was " + maxPointsPerFile);
    }
    if (maxPointsPerLoad < 1) {
      throw new IllegalArgumentException(
          "maxPointsPerLoad must be positive, was " + maxPointsPerLoad);
    }
    if (maxProblemsPerLoad < 1) {
      throw new IllegalArgumentException(
          "maxProblemsPerLoad must be positive, was " + maxProblemsPerLoad);
    }
    if (maxBytesInFlight < 1) {
      throw new IllegalArgumentException(
          "maxBytesInFlight must be positive, was " + maxBytesInFlight);
    }
  }

  /** Options with the default {@link #DEFAULT_MAX_BYTES_IN_FLIGHT}. */
  public LoadOptions(
      String format,
      int threads,
      boolean followSymlinks,
      long maxFileBytes,
      ConnectorConfig connectorConfig,
      int maxPointsPerFile,
      int maxPointsPerLoad,
      int maxProblemsPerLoad,
      Path mapping) {
    this(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        DEFAULT_MAX_BYTES_IN_FLIGHT);
  }

  /** Options with the default per-load limits and no column mapping. */
  public LoadOptions(
      String format,
      int threads,
      boolean followSymlinks,
      long maxFileBytes,
      ConnectorConfig connectorConfig,
      int maxPointsPerFile) {
    this(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        DEFAULT_MAX_POINTS_PER_LOAD,
        DEFAULT_MAX_PROBLEMS_PER_LOAD,
        null);
  }

  /** Options with the default {@link #DEFAULT_MAX_POINTS_PER_FILE}. */
  public LoadOptions(
      String format,
      int threads,
      boolean followSymlinks,
      long maxFileBytes,
      ConnectorConfig connectorConfig) {
    this(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        DEFAULT_MAX_POINTS_PER_FILE);
  }

  /** Sniff every file, read with up to 4 threads, stay inside the given directories. */
  public static LoadOptions defaults() {
    return new LoadOptions(
        null,
        Math.min(4, Runtime.getRuntime().availableProcessors()),
        false,
        DEFAULT_MAX_FILE_BYTES,
        ConnectorConfig.EMPTY,
        DEFAULT_MAX_POINTS_PER_FILE);
  }

  public LoadOptions withFormat(String format) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withThreads(int threads) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withFollowSymlinks(boolean followSymlinks) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withMaxFileBytes(long maxFileBytes) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withConnectorConfig(ConnectorConfig connectorConfig) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withMaxPointsPerFile(int maxPointsPerFile) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withMaxPointsPerLoad(int maxPointsPerLoad) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  public LoadOptions withMaxProblemsPerLoad(int maxProblemsPerLoad) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  /** The same, applying the column mapping in {@code mapping} to every CSV and TSV. */
  public LoadOptions withMapping(Path mapping) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }

  /** The same, letting the files read at once hold at most {@code maxBytesInFlight} together. */
  public LoadOptions withMaxBytesInFlight(long maxBytesInFlight) {
    return new LoadOptions(
        format,
        threads,
        followSymlinks,
        maxFileBytes,
        connectorConfig,
        maxPointsPerFile,
        maxPointsPerLoad,
        maxProblemsPerLoad,
        mapping,
        maxBytesInFlight);
  }
}
