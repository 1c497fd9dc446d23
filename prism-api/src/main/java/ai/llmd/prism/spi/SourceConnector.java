package ai.llmd.prism.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Consumer;

/**
 * Lists and opens the objects under a URI in one kind of store. Implementations follow every page
 * of a listing and must be safe to call from several threads.
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
