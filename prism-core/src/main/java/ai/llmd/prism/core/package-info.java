/** The Prism facade, plugin discovery and loading: where users start. */
package ai.llmd.prism.core;
