package ai.llmd.prism.core.findings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Faceted-search counts with the {@code Catalog} semantics: for each facet, each value with the
 * number of distinct configurations that have it under the other active filters.
 *
 * @param points points matching every active filter
 * @param configurations configurations matching every active filter
 * @param filters the active filters, facet name to accepted values
 * @param facets facet name to its values with their counts, facets in catalog order
 */
public record FacetCounts(
    int points,
    int configurations,
    Map<String, List<String>> filters,
    Map<String, List<ValueCount>> facets) {

  public FacetCounts {
    filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }

  /**
   * A facet value and its count.
   *
   * @param value the value ({@code unknown} where points do not say)
   * @param count distinct configurations having it under the other filters
   */
  public record ValueCount(String value, int count) {
    public ValueCount {
      Objects.requireNonNull(value, "value");
    }
  }
}
