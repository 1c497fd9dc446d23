/**
 * Publishing results to a store and reading them back: content-addressed benchmark reports and an
 * index updated with conditional writes, so that concurrent publishers never lose an entry.
 */
package ai.llmd.prism.core.publish;
