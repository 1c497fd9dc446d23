package com.example.prism;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.SourceConnectorContract;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The mem connector held to every rule of the connector contract. */
class MemConnectorContractTest extends SourceConnectorContract {

  static {
    MemStore.createBucket("contract");
  }

  private final SourceConnector connector =
      new MemConnectorProvider().create(ConnectorConfig.EMPTY);

  @Override
  protected SourceConnector connector() {
    return connector;
  }

  @Override
  protected URI freshRoot(String name) {
    return URI.create("mem://contract/" + name + "/");
  }

  @Override
  protected void put(URI root, String key, byte[] content) {
    MemStore.put("contract", root.getPath().substring(1) + key, content);
  }

  @Override
  protected int contentRequests(URI object) {
    String key = URLDecoder.decode(object.getRawPath().substring(1), StandardCharsets.UTF_8);
    return MemStore.reads(object.getHost(), key);
  }

  @Override
  protected URI missingContainerRoot() {
    return URI.create("mem://no-such-bucket/runs/");
  }
}
