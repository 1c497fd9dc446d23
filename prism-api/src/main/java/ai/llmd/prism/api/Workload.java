package ai.llmd.prism.api;

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
    Distribution inputLength,
    Distribution outputLength,
    String dataset,
    String harness,
    String harnessVersion,
    Double targetRequestRate,
    Double concurrency,
    Integer stage) {

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
}
