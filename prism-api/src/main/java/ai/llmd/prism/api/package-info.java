/**
 * The canonical model of Prism: benchmark points, their scenarios and metrics in canonical units,
 * and where every number came from. Immutable, validated, and free of any dependency.
 */
package ai.llmd.prism.api;
