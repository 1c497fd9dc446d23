package ai.llmd.prism.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One task's share of a read: files in path order, and (in the first partition only) the problems
 * the driver met while listing.
 */
record FilePartition(List<File> files, List<List<Object>> leading) implements InputPartition {

  private static final long serialVersionUID = 1L;

  FilePartition {
    files = List.copyOf(files);
    leading = List.copyOf(leading);
  }

  /**
   * A file to read.
   *
   * @param uri its qualified Hadoop URI
   * @param name what {@code Prism.load} would call it: relative to the loaded root
   * @param explicit whether the user named it rather than a listing finding it
   */
  record File(String uri, String name, boolean explicit) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
