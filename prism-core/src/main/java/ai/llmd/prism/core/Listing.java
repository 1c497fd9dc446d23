package ai.llmd.prism.core;

import ai.llmd.prism.api.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Prism#list(Path, String)} found: the files a load reads, in load order, and the
 * problems of the walk.
 *
 * @param files every file, in the order a load reads them
 * @param problems links that loop, dangle or lead outside, entries that could not be listed
 * @since 0.2
 */
public record Listing(List<Listing.Entry> files, List<Problem> problems) {

  public Listing {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /**
   * One file.
   *
   * @param path where it is (under the real path of the listed directory)
   * @param name how a load names it: the label, a slash, the path below the directory
   */
  public record Entry(Path path, String name) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
    }
  }
}
