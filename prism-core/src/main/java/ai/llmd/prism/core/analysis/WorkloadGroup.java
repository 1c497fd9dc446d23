package ai.llmd.prism.core.analysis;

/**
 * What aggregated and disaggregated serving are compared on: the same model on the same accelerator
 * with the same ISL and OSL bucket ({@value Facet#UNKNOWN} where a point does not say). Made by
 * {@link Configuration#workloadGroup()}.
 *
 * @param model the canonical model id
 * @param accelerator the accelerator name
 * @param inputBucket the input-length bucket, e.g. {@code ~1k}
 * @param outputBucket the output-length bucket
 */
public record WorkloadGroup(
    String model, String accelerator, String inputBucket, String outputBucket)
    implements Comparable<WorkloadGroup> {

  public WorkloadGroup {
    java.util.Objects.requireNonNull(model, "model");
    java.util.Objects.requireNonNull(accelerator, "accelerator");
    java.util.Objects.requireNonNull(inputBucket, "inputBucket");
    java.util.Objects.requireNonNull(outputBucket, "outputBucket");
  }

  /** Stable text, e.g. {@code llama-3.1-70b | H100 | isl=~8k | osl=~1k}. */
  public String key() {
    return model + " | " + accelerator + " | isl=" + inputBucket + " | osl=" + outputBucket;
  }

  /** For people, e.g. {@code llama-3.1-70b on H100, ISL ~8k / OSL ~1k}. */
  public String label() {
    return model + " on " + accelerator + ", ISL " + inputBucket + " / OSL " + outputBucket;
  }

  /** Ordered by key. */
  @Override
  public int compareTo(WorkloadGroup o) {
    return key().compareTo(o.key());
  }
}
