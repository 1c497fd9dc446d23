package com.example.prism;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** {@code mem://bucket/prefix}: objects held in {@link MemStore}. */
public final class MemConnectorProvider implements ConnectorProvider {

  @Override
  public String scheme() {
    return "mem";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "objects held in this JVM's memory (an example plugin)";
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    int pageSize = config.integer("mem.pageSize", 1000);
    if (pageSize < 1) {
      throw new IllegalArgumentException("mem.pageSize must be at least 1, was " + pageSize);
    }
    return new Connector(pageSize);
  }

  private record Connector(int pageSize) implements SourceConnector {

    @Override
    public void list(URI root, Consumer<ObjectRef> each) throws IOException {
      String bucket = root.getHost();
      Map<String, MemStore.Blob> objects = bucket == null ? null : MemStore.bucket(bucket);
      if (objects == null) {
        throw new FileNotFoundException("no bucket '" + bucket + "' in " + root);
      }
      String path = root.getPath() == null ? "" : root.getPath().replaceFirst("^/", "");
      // a root naming one object lists just it, keyed by its file name
      MemStore.Blob single = objects.get(path);
      if (!path.isEmpty() && !path.endsWith("/") && single != null) {
        each.accept(ref(bucket, path, path.substring(path.lastIndexOf('/') + 1), single));
        return;
      }
      String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
      for (Map.Entry<String, MemStore.Blob> e : new TreeMap<>(objects).entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          each.accept(ref(bucket, e.getKey(), e.getKey().substring(prefix.length()), e.getValue()));
        }
      }
    }

    private static ObjectRef ref(String bucket, String key, String relative, MemStore.Blob blob) {
      String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
      return new ObjectRef(
          URI.create("mem://" + bucket + "/" + encoded.replace("+", "%20")),
          relative,
          blob.bytes().length,
          Long.toString(blob.version()));
    }

    @Override
    public InputStream open(ObjectRef object) throws IOException {
      String bucket = object.uri().getHost();
      String key =
          URLDecoder.decode(
              object.uri().getRawPath().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      Map<String, MemStore.Blob> objects = MemStore.bucket(bucket);
      MemStore.Blob blob = objects == null ? null : objects.get(key);
      if (blob == null) {
        throw new FileNotFoundException(object.uri() + " is gone");
      }
      if (!Long.toString(blob.version()).equals(object.changeToken())) {
        throw new IOException(object.uri() + " changed since it was listed");
      }
      MemStore.countRead(bucket, key);
      return new ByteArrayInputStream(blob.bytes());
    }
  }
}
