/** The {@code prism} command line, built on picocli; nothing here is a library API. */
package ai.llmd.prism.cli;
