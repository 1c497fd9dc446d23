package ai.llmd.prism.spi;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Unit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link FormatReader} reads one file with: the file, the sink for its points and
 * problems, the limits of the read, containment of one row's failure, and unit conversion that
 * reports what it cannot convert. The library supplies it (Jackson's growable context object is the
 * model: new needs become new default methods here, not new parameters of {@code read}).
 *
 * <p>A reader never throws for bad data. It runs each row (a CSV line, an element of a JSON list, a
 * stage of a sweep) through {@link #row}: whatever that row throws, including the {@link
 * IllegalArgumentException} of a model record refusing an impossible value, becomes an ERROR
 * problem at the row's location (of kind {@link Problem.Kind#INVALID_VALUE} for that one) and the
 * rest of the file still loads.
 *
 * <p>Problems name the file by {@link SourceFile#name()}; locations are JSON pointers ({@code
 * /benchmarks/2/metrics/ttft}), rows ({@code row 7}) or lines ({@code line 3, column 5}), as the
 * format suggests, and messages quote values as the file wrote them.
 *
 * @since 0.2
 */
public interface ReadContext extends ReadSink {

  /**
   * The context to read {@code file} with: {@code sink} itself when it already is one for this
   * file, else a context that hands everything to {@code sink} under {@link ReadLimits#DEFAULTS}
   * (how a reader called with a plain sink, e.g. in a test, gets the same kit).
   *
   * @param file the file being read
   * @param sink where points and problems go
   * @return a context for {@code file}
   */
  static ReadContext of(SourceFile file, ReadSink sink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sink, "sink");
    if (sink instanceof ReadContext c && c.file() == file) {
      return c;
    }
    return new SinkReadContext(file, sink, ReadLimits.DEFAULTS);
  }

  /** The file being read; its {@link SourceFile#name()} names it in every problem. */
  SourceFile file();

  /** The limits this read runs under. */
  default ReadLimits limits() {
    return ReadLimits.DEFAULTS;
  }

  /**
   * Reports an ERROR about this file: what was there is lost.
   *
   * @param location where in the file (a JSON pointer, {@code row 7}, {@code ""} for the whole
   *     file)
   * @param message what was wrong, quoting the value as the file wrote it
   */
  default void error(String location, String message) {
    problem(Problem.error(file().name(), location, message));
  }

  /**
   * Reports a WARNING about this file: something was read, but not as well as it could be.
   *
   * @param location where in the file
   * @param message what was wrong
   */
  default void warning(String location, String message) {
    problem(Problem.warning(file().name(), location, message));
  }

  /**
   * Reports an INFO about this file: something worth knowing, nothing lost.
   *
   * @param location where in the file
   * @param message what to know
   */
  default void info(String location, String message) {
    problem(Problem.info(file().name(), location, message));
  }

  /**
   * Runs the code of one row and contains its failure: a {@link RuntimeException} it throws becomes
   * an ERROR at {@code location} carrying the exception's message, and reading goes on with the
   * next row. Points the row handed over before it failed are kept.
   *
   * @param location where the row is, e.g. {@code row 7} or {@code /benchmarks/2}
   * @param body reads the row and hands its point(s) to this context
   * @return whether the row finished without throwing
   */
  default boolean row(String location, Runnable body) {
    try {
      body.run();
      return true;
    } catch (RuntimeException e) {
      Problem p = Problem.error(file().name(), location, failure(e));
      problem(e instanceof IllegalArgumentException ? p.withKind(Problem.Kind.INVALID_VALUE) : p);
      return false;
    }
  }

  /**
   * Runs {@link #row} for every element of a list found at JSON pointer {@code pointer}, each at
   * its own pointer ({@code pointer + "/" + index}).
   *
   * @param <T> the type of the elements
   * @param pointer the JSON pointer of the list
   * @param items the elements
   * @param body reads one element, given its pointer and the element
   * @return how many elements finished without throwing
   */
  default <T> int each(
      String pointer, List<? extends T> items, BiConsumer<String, ? super T> body) {
    int done = 0;
    for (int i = 0; i < items.size(); i++) {
      String at = pointer + "/" + i;
      T item = items.get(i);
      if (row(at, () -> body.accept(at, item))) {
        done++;
      }
    }
    return done;
  }

  /**
   * The factor into {@code target} of a unit the file declares (see {@link Unit#factorFrom}); an
   * unknown or missing unit is reported as an ERROR at {@code location} and gives empty, so that
   * the values it qualifies are left out rather than guessed.
   *
   * @param declared the unit as the file wrote it; null when the file gave none
   * @param target the canonical unit the values are wanted in
   * @param location where the unit is (or should have been) declared
   * @return the multiplier into {@code target}, or empty after an ERROR
   */
  default OptionalDouble factor(@Nullable String declared, Unit target, String location) {
    OptionalDouble f = target.factorFrom(declared);
    if (f.isEmpty()) {
      String message =
          declared == null
              ? "no unit given for a quantity in " + target.symbol() + "; its values were not read"
              : "unknown unit '"
                  + declared
                  + "' for a quantity in "
                  + target.symbol()
                  + "; its values were not read";
      problem(Problem.error(file().name(), location, message).withKind(Problem.Kind.UNIT));
    }
    return f;
  }

  // an IllegalArgumentException (a value refused by a model record or the reader) says what was
  // wrong in its own words; any other exception is a fault of the reader, so its type leads
  private static String failure(RuntimeException e) {
    String m = e.getMessage();
    boolean blank = m == null || m.isBlank();
    if (e instanceof IllegalArgumentException && !blank) {
      return m;
    }
    String type = e.getClass().getSimpleName();
    return "the row could not be read: " + (blank ? type : type + ": " + m);
  }
}
