package ai.llmd.prism.core;

import ai.llmd.prism.spi.ConnectorConfig;
import java.util.Objects;

/**
 * How a {@link Prism} loads its sources.
 *
 * @param format a reader id that overrides sniffing for every file, or {@code null} to sniff
 * @param threads how many files to read at once; results do not depend on it
 * @param followSymlinks whether a directory walk may follow links that lead outside the directory
 * @param maxFileBytes files larger than this are reported and not read
 * @param connectorConfig configuration handed to connectors for remote sources
 */
public record LoadOptions(
    String format,
    int threads,
    boolean followSymlinks,
    long maxFileBytes,
    ConnectorConfig connectorConfig) {

  /** 256 MiB: far above any benchmark report seen, far below what would exhaust a heap. */
  public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

  public LoadOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
    }
    Objects.requireNonNull(connectorConfig, "connectorConfig");
  }

  /** Sniff every file, read with up to 4 threads, stay inside the given directories. */
  public static LoadOptions defaults() {
    return new LoadOptions(
        null,
        Math.min(4, Runtime.getRuntime().availableProcessors()),
        false,
        DEFAULT_MAX_FILE_BYTES,
        ConnectorConfig.EMPTY);
  }

  public LoadOptions withFormat(String format) {
    return new LoadOptions(format, threads, followSymlinks, maxFileBytes, connectorConfig);
  }

  public LoadOptions withThreads(int threads) {
    return new LoadOptions(format, threads, followSymlinks, maxFileBytes, connectorConfig);
  }

  public LoadOptions withFollowSymlinks(boolean followSymlinks) {
    return new LoadOptions(format, threads, followSymlinks, maxFileBytes, connectorConfig);
  }

  public LoadOptions withMaxFileBytes(long maxFileBytes) {
    return new LoadOptions(format, threads, followSymlinks, maxFileBytes, connectorConfig);
  }

  public LoadOptions withConnectorConfig(ConnectorConfig connectorConfig) {
    return new LoadOptions(format, threads, followSymlinks, maxFileBytes, connectorConfig);
  }
}
