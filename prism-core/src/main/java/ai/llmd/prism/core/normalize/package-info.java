/**
 * Normalization: one data-driven registry each for model names, accelerator names and engine names,
 * named rules that derive missing metrics, and workload facets. Users configure a {@link
 * ai.llmd.prism.core.normalize.Normalizer} and may extend the registries with their own entries.
 */
package ai.llmd.prism.core.normalize;
