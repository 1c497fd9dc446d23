package ai.llmd.prism.spi;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A {@link SourceConnector} that can also write: what publishing results to a store needs. A
 * connector offers it by implementing this interface; a {@link ConnectorProvider} is discovered as
 * before, and a caller checks {@code connector instanceof WritableConnector}.
 *
 * <p>Writes are whole-object and conditional where the store can be: {@link Precondition#absent()}
 * creates an object only if there is none (S3 {@code If-None-Match: *}, GCS {@code
 * ifGenerationMatch=0}), {@link Precondition#matching(String)} replaces it only if it still has the
 * change token the caller read (S3 {@code If-Match}, GCS {@code ifGenerationMatch}). A failed
 * precondition is a {@link PreconditionFailedException}, never a silent overwrite: that is what
 * lets two writers update one index without losing each other's entries.
 *
 * @since 0.2
 */
public interface WritableConnector extends SourceConnector {

  /**
   * The current content of the object at {@code object} and its change token, or empty when there
   * is no such object.
   */
  Optional<StoredObject> get(URI object) throws IOException;

  /**
   * Writes {@code content} as the whole object at {@code object} when {@code precondition} holds.
   *
   * @return the new change token of the object
   * @throws PreconditionFailedException when the precondition does not hold; nothing was written
   */
  String put(URI object, byte[] content, Precondition precondition) throws IOException;
}
