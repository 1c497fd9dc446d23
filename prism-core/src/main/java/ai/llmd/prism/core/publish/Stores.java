package ai.llmd.prism.core.publish;

import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.spi.WritableConnector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens the store a target names: a local directory (a path or a {@code file:} URI) or a URI whose
 * scheme's connector can write ({@code s3://}, {@code gs://}).
 */
public final class Stores {

  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private Stores() {}

  /**
   * An open store and the root URI inside it.
   *
   * @param connector the connector; close it when done
   * @param root the root, as a URI the connector understands
   */
  public record Store(WritableConnector connector, URI root) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      connector.close();
    }
  }

  /** Whether {@code target} names a remote URI rather than a local path. */
  public static boolean isRemote(String target) {
    return URI_SCHEME.matcher(target).matches() && !target.startsWith("file:");
  }

  /**
   * Opens the store {@code target} names for writing.
   *
   * @throws IllegalArgumentException when no installed connector can write to its scheme, saying
   *     which schemes can
   */
  public static Store open(String target, Plugins plugins, ConnectorConfig config) {
    if (!isRemote(target)) {
      Path dir = target.startsWith("file:") ? Path.of(URI.create(target)) : Path.of(target);
      return new Store(new LocalStore(), dir.toAbsolutePath().normalize().toUri());
    }
    URI uri = URI.create(target);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Optional<ConnectorProvider> provider = plugins.connector(scheme);
    if (provider.isEmpty() || !provider.get().availability().available()) {
      throw new IllegalArgumentException(
          "no connector for " + scheme + ":// is installed (see `prism plugins`)");
    }
    SourceConnector c = provider.get().create(config);
    if (c instanceof WritableConnector w) {
      return new Store(w, uri);
    }
    try {
      c.close();
    } catch (IOException e) {
      // closing a connector that wrote nothing; nothing is lost
    }
    throw new IllegalArgumentException(
        "the " + scheme + ":// connector cannot write; publish to a directory, s3:// or gs://");
  }
}
