package ai.llmd.prism.api;

import java.util.Objects;

/**
 * Something wrong with an input, reported as a value so that the rest of a load still succeeds.
 *
 * @param severity how serious it is
 * @param file the file, object URI or source name the problem is in
 * @param location where in it (a JSON pointer, a row, a field); may be empty
 * @param message what was wrong, for a person to read
 * @param kind what sort of problem it is, for outputs that group problems without matching text
 */
public record Problem(
    Problem.Severity severity, String file, String location, String message, Problem.Kind kind) {

  /** How serious a problem is. */
  public enum Severity {
    /** Data was not read. */
    ERROR,
    /** Data was read but something about it is doubtful. */
    WARNING,
    /** Nothing was lost; the user may want to know (e.g. a name to add to a registry). */
    INFO
  }

  /** What sort of problem it is: a machine-readable companion to the message. */
  public enum Kind {
    /** Not classified (the kind a problem has unless its producer says otherwise). */
    GENERAL,
    /** The bytes could not be fetched or read for another reason (an I/O error, an HTTP status). */
    UNREADABLE,
    /**
     * The file, object or link target does not exist (no such file, a dangling link, HTTP 404).
     *
     * @since 0.2
     */
    NOT_FOUND,
    /**
     * Reading was refused (file permissions, HTTP 401 or 403, a link leading outside the walked
     * directory while links may not be followed).
     *
     * @since 0.2
     */
    ACCESS_DENIED,
    /**
     * The server could not be reached (connection refused, unknown host, connect timeout).
     *
     * @since 0.2
     */
    UNREACHABLE,
    /** No reader recognised the file. */
    UNKNOWN_FORMAT,
    /** The file is not well-formed in its format (JSON, YAML, CSV syntax). */
    MALFORMED,
    /** A field is missing, of the wrong type or out of range. */
    INVALID_VALUE,
    /** A unit was missing, unknown or surprising. */
    UNIT,
    /** A model, accelerator or engine name is not in the registries. */
    UNKNOWN_NAME,
    /**
     * A bound on hostile input was reached: a file's size, points per file or load, problems per
     * load, bytes in flight, nesting, the deadline per remote object.
     */
    LIMIT,
    /** A cost could not be worked out (no catalog row, several differing rows, no throughput). */
    NO_PRICE,
    /** Data was repeated or ambiguous (duplicate points, several candidates). */
    AMBIGUOUS,
    /**
     * Nothing installed can read the source: no connector for its URI scheme, a connector that is
     * unavailable here, or a source that is not a valid URI.
     *
     * @since 0.2
     */
    UNSUPPORTED
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    file = Text.clean(Objects.requireNonNull(file, "file"));
    location = Text.clean(Objects.requireNonNull(location, "location"));
    message = Text.clean(Objects.requireNonNull(message, "message"));
    Objects.requireNonNull(kind, "kind");
  }

  /** A problem of kind {@link Kind#GENERAL}. */
  public Problem(Severity severity, String file, String location, String message) {
    this(severity, file, location, message, Kind.GENERAL);
  }

  public static Problem error(String file, String location, String message) {
    return new Problem(Severity.ERROR, file, location, message);
  }

  public static Problem warning(String file, String location, String message) {
    return new Problem(Severity.WARNING, file, location, message);
  }

  public static Problem info(String file, String location, String message) {
    return new Problem(Severity.INFO, file, location, message);
  }

  /** The same problem with another kind. */
  public Problem withKind(Kind k) {
    return new Problem(severity, file, location, message, k);
  }

  /** {@code file:location: message}, the form editors and terminals link. */
  @Override
  public String toString() {
    return location.isEmpty() ? file + ": " + message : file + ":" + location + ": " + message;
  }
}
