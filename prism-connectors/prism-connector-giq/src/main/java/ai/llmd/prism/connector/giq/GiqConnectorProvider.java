package ai.llmd.prism.connector.giq;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Provides the {@code giq://project[?model=…&modelServer=…&pricingModel=…]} connector for the GKE
 * Inference Quickstart API. Every page of {@code profiles:fetch}, for every model, model server and
 * pricing model asked for, becomes one JSON object to read.
 *
 * <p>Authentication is a bearer token: the {@code giq.token} configuration value, or a supplier
 * given to {@link #GiqConnectorProvider(Supplier)} (asked before every request, so it may refresh).
 * Other keys (all optional): {@code giq.endpoint} (default {@code
 * https://gkerecommender.googleapis.com}), {@code giq.pricingModels} (comma-separated, default
 * {@code spot,on-demand,1-year-cud,3-years-cud}; {@code default} leaves the choice to the API),
 * {@code giq.pageSize}, {@code giq.maxPages} per query (default 100), {@code giq.timeout}, {@code
 * giq.maxAttempts} (default 3) and {@code giq.retryDelay} for 429 and 5xx answers.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.builder()
 *     .connector(new GiqConnectorProvider(() -> myCredentials.accessToken()))
 *     .discover()
 *     .build();
 * }</pre>
 */
public final class GiqConnectorProvider implements ConnectorProvider {

  private final Supplier<String> tokens;

  /** Used by {@link java.util.ServiceLoader}: the token comes from {@code giq.token}, if any. */
  public GiqConnectorProvider() {
    this.tokens = null;
  }

  /** A provider whose connectors ask {@code tokens} for a bearer token before every request. */
  public GiqConnectorProvider(Supplier<String> tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public String scheme() {
    return "giq";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "GKE Inference Quickstart performance profiles (giq://project?model=…&modelServer=…)";
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    Supplier<String> t = tokens;
    if (t == null) {
      String fixed = config.string("giq.token").orElse(null);
      t = () -> fixed;
    }
    return new GiqSourceConnector(config, t);
  }
}
