package ai.llmd.prism.api;

import java.util.Objects;

/**
 * Something wrong with an input, reported as a value so that the rest of a load still succeeds.
 *
 * @param severity how serious it is
 * @param file the file, object URI or source name the problem is in
 * @param location where in it (a JSON pointer, a row, a field); may be empty
 * @param message what was wrong, for a person to read
 */
public record Problem(Problem.Severity severity, String file, String location, String message) {

  /** How serious a problem is. */
  public enum Severity {
    /** Data was not read. */
    ERROR,
    /** Data was read but something about it is doubtful. */
    WARNING,
    /** Nothing was lost; the user may want to know (e.g. a name to add to a registry). */
    INFO
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    file = Text.clean(Objects.requireNonNull(file, "file"));
    location = Text.clean(Objects.requireNonNull(location, "location"));
    message = Text.clean(Objects.requireNonNull(message, "message"));
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

  /** {@code file:location: message}, the form editors and terminals link. */
  @Override
  public String toString() {
    return location.isEmpty() ? file + ": " + message : file + ":" + location + ": " + message;
  }
}
