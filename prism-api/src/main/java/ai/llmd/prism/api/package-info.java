/**
 * The canonical model of Prism: benchmark points, their scenarios and metrics in canonical units,
 * and where every number came from. Immutable, validated, and free of any runtime dependency.
 *
 * <p>Null convention: nothing is null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify, {@link org.jspecify.annotations.NullMarked} on the package). A record component that a
 * source may leave out is a nullable boxed type, and {@code null} means "the source did not say";
 * lookups that may find nothing ({@code Metrics.get}, {@code Distribution.get}, {@code
 * Metric.byKey}) return {@code Optional}/{@code OptionalDouble}; collections are never null.
 */
@NullMarked
package ai.llmd.prism.api;

import org.jspecify.annotations.NullMarked;
