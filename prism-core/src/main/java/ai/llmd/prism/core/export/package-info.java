/** Writing points out: Prism's public JSON shape and flat CSV. */
package ai.llmd.prism.core.export;
