/** Implementation details of loading; not an API, may change in any release. */
package ai.llmd.prism.core.internal;
