package ai.llmd.prism.api;

/** Whether prefill and decode run in the same replicas or in separate ones. */
public enum Architecture {
  AGGREGATED,
  DISAGGREGATED,
  /** The source did not describe its replicas. */
  UNKNOWN
}
