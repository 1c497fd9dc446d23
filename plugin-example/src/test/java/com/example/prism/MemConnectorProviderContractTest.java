package com.example.prism;

import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

class MemConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new MemConnectorProvider();
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("mem.pageSize", "0");
  }
}
