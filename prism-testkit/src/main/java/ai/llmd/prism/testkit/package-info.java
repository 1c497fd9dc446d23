/** Test support for Prism and its plugins: fixture access, contract tests, test servers. */
package ai.llmd.prism.testkit;
