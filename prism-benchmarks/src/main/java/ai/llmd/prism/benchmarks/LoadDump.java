package ai.llmd.prism.benchmarks;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import java.nio.file.Path;

/**
 * Prints every point and problem a load gives, one a line, so that two builds can be compared by
 * {@code diff} (a speed change must load the same points):
 *
 * <pre>
 * java -cp prism-benchmarks/target/benchmarks.jar ai.llmd.prism.benchmarks.LoadDump \
 *     ../shared/fixtures &gt; after.txt
 * </pre>
 */
public final class LoadDump {

  private LoadDump() {}

  public static void main(String[] args) {
    Prism prism = Prism.create();
    prism = prism.withOptions(prism.options().withMaxPointsPerLoad(Integer.MAX_VALUE));
    for (String a : args) {
      LoadResult r = prism.load(Path.of(a));
      System.out.println(
          "== " + a + " points=" + r.points().size() + " problems=" + r.problems().size());
      r.points().forEach(System.out::println);
      r.problems().forEach(System.out::println);
    }
  }
}
