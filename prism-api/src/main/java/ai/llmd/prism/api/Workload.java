package ai.llmd.prism.api;

import org.jspecify.annotations.Nullable;

/**
 * The load a benchmark point was measured under. Fields are {@code null} where the source did not
 * say; a rate or concurrency of {@link Double#POSITIVE_INFINITY} means "unlimited".
 *
 * @param inputLength input (prompt) lengths in tokens: measured when the source measured them, else
 *     as configured
 * @param outputLength output lengths in tokens, likewise
 * @param dataset the dataset or use case (e.g. {@code sharegpt}, {@code random})
 * @param harness the load generator (e.g. {@code inference-perf}, {@code guidellm})
 * @param harnessVersion the load generator's version
 * @param targetRequestRate the request rate the harness aimed for, in req/s
 * @param concurrency the number of concurrent requests the harness kept in flight
 * @param stage the index of this load level in its sweep
 */
public record Workload(
    @Nullable Distribution inputLength,
    @Nullable Distribution outputLength,
    @Nullable String dataset,
    @Nullable String harness,
    @Nullable String harnessVersion,
    @Nullable Double targetRequestRate,
    @Nullable Double concurrency,
    @Nullable Integer stage) {

  private static final Workload UNKNOWN =
      new Workload(null, null, null, null, null, null, null, null);

  public Workload {
    dataset = Text.clean(dataset);
    harness = Text.clean(harness);
    harnessVersion = Text.clean(harnessVersion);
    requireLoad(targetRequestRate, "targetRequestRate");
    requireLoad(concurrency, "concurrency");
    if (stage != null && stage < 0) {
      throw new IllegalArgumentException("stage must not be negative, was " + stage);
    }
  }

  /** A workload the source said nothing about. */
  public static Workload unknown() {
    return UNKNOWN;
  }

  private static void requireLoad(Double v, String name) {
    if (v != null && (Double.isNaN(v) || v <= 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + v);
    }
  }

  /**
   * A builder for a workload; every component starts as "the source did not say".
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this workload.
   *
   * @since 0.2
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.inputLength = inputLength;
    b.outputLength = outputLength;
    b.dataset = dataset;
    b.harness = harness;
    b.harnessVersion = harnessVersion;
    b.targetRequestRate = targetRequestRate;
    b.concurrency = concurrency;
    b.stage = stage;
    return b;
  }

  /**
   * Builds a {@link Workload} by name, so that a rate and a concurrency cannot be swapped silently;
   * {@link #build()} validates.
   *
   * @since 0.2
   */
  public static final class Builder {
    private Distribution inputLength;
    private Distribution outputLength;
    private String dataset;
    private String harness;
    private String harnessVersion;
    private Double targetRequestRate;
    private Double concurrency;
    private Integer stage;

    private Builder() {}

    /** Input (prompt) lengths in tokens. */
    public Builder inputLength(@Nullable Distribution inputLength) {
      this.inputLength = inputLength;
      return this;
    }

    /** Output lengths in tokens. */
    public Builder outputLength(@Nullable Distribution outputLength) {
      this.outputLength = outputLength;
      return this;
    }

    /** The dataset or use case. */
    public Builder dataset(@Nullable String dataset) {
      this.dataset = dataset;
      return this;
    }

    /** The load generator. */
    public Builder harness(@Nullable String harness) {
      this.harness = harness;
      return this;
    }

    /** The load generator's version. */
    public Builder harnessVersion(@Nullable String harnessVersion) {
      this.harnessVersion = harnessVersion;
      return this;
    }

    /** The request rate the harness aimed for, in req/s; infinity means unlimited. */
    public Builder targetRequestRate(double requestsPerSecond) {
      this.targetRequestRate = requestsPerSecond;
      return this;
    }

    /** The number of concurrent requests kept in flight; infinity means unlimited. */
    public Builder concurrency(double concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** The index of this load level in its sweep. */
    public Builder stage(int stage) {
      this.stage = stage;
      return this;
    }

    /** The workload; throws {@link IllegalArgumentException} for an impossible value. */
    public Workload build() {
      return new Workload(
          inputLength,
          outputLength,
          dataset,
          harness,
          harnessVersion,
          targetRequestRate,
          concurrency,
          stage);
    }
  }
}
