package ai.llmd.prism.core;

/**
 * Hears how a {@link Prism#load} advances: how many inputs each source lists, and each input as it
 * is read, so a caller can show progress. Called from the reading threads: implementations must be
 * thread-safe and quick.
 */
public interface LoadProgress {

  /** Hears nothing. */
  LoadProgress NONE = new LoadProgress() {};

  /**
   * {@code source} (a file, a directory, standard input or a remote root) turned out to hold {@code
   * inputs} inputs to read; 0 when it could not be listed.
   */
  default void listed(String source, int inputs) {}

  /**
   * One input is done: {@code bytes} of it were fetched, and {@code ok} is false when it could not
   * be fetched at all (the reason is among the load's problems).
   */
  default void read(String name, long bytes, boolean ok) {}
}
