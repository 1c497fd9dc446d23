package ai.llmd.prism.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Consumer;

/**
 * Lists and opens the objects under a URI in one kind of store.
 *
 * <p>The rules every implementation follows ({@code SourceConnectorContract} in prism-testkit
 * checks each one):
 *
 * <ul>
 *   <li>{@link #list} hands over every object under the root, nested or not, following every page,
 *       with {@link ObjectRef#key() keys} relative to the root; a root that names one object lists
 *       just that object, keyed by its file name.
 *   <li>A root is a prefix of whole path segments: {@code runs/a/} never lists {@code runs/ab/x}.
 *   <li>An empty root lists nothing and is not an error; a missing container (bucket, folder) is an
 *       {@link IOException} whose message names it.
 *   <li>Every listed object carries a change token that changes with its content (ETag, generation,
 *       checksum) and stays the same without a change, so caches can skip it.
 *   <li>{@link #open} returns exactly the bytes stored; an object that is gone, or was replaced
 *       since it was listed, is an {@link IOException}, never new content and never an unchecked
 *       exception.
 *   <li>Both methods may be called from several threads at once; {@link #close()} may be called
 *       more than once. Secrets never appear in messages, logs or {@code toString()}.
 * </ul>
 */
public interface SourceConnector extends AutoCloseable {

  /**
   * Hands every object under {@code root} to {@code each}, in the store's listing order, following
   * every page.
   */
  void list(URI root, Consumer<ObjectRef> each) throws IOException;

  /** Opens one listed object. */
  InputStream open(ObjectRef object) throws IOException;

  @Override
  default void close() throws IOException {}
}
