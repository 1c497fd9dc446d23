package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ParetoProperties {

  private static final Direction[] DIRS = {
    Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER,
    Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
  };

  /** Random columns with few distinct values, so that ties and duplicates are common. */
  private static double[][] columns(long seed, int n, int d, int distinct) {
    Random r = new Random(seed);
    double[][] c = new double[d][n];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < n; i++) {
        c[k][i] = r.nextInt(distinct) * 1.5;
      }
    }
    return c;
  }

  private static boolean dominates(double[][] c, Direction[] dirs, int a, int b) {
    boolean strict = false;
    for (int k = 0; k < c.length; k++) {
      int cmp = dirs[k].compare(c[k][a], c[k][b]);
      if (cmp < 0) {
        return false;
      }
      strict |= cmp > 0;
    }
    return strict;
  }

  @Property(tries = 300)
  void frontierIsExactlyTheNonDominatedSet(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 4) int d,
      @ForAll @IntRange(min = 1, max = 12) int distinct) {
    double[][] c = columns(seed, n, d, distinct);
    Direction[] dirs = Arrays.copyOf(DIRS, d);

    int[] front = Pareto.frontierIndices(c, dirs);

    boolean[] on = new boolean[n];
    for (int i : front) {
      on[i] = true;
    }
    for (int f : front) {
      for (int j = 0; j < n; j++) {
        assertThat(dominates(c, dirs, j, f))
            .as("frontier point %d dominated by %d", f, j)
            .isFalse();
      }
    }
    for (int i = 0; i < n; i++) {
      if (!on[i]) {
        int i0 = i;
        assertThat(Arrays.stream(front).anyMatch(f -> dominates(c, dirs, f, i0)))
            .as("point %d off the frontier is dominated by a frontier point", i)
            .isTrue();
      }
    }
  }

  @Property(tries = 200)
  void frontierDoesNotDependOnInputOrder(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 200) int n,
      @ForAll @IntRange(min = 2, max = 3) int d) {
    double[][] c = columns(seed, n, d, 6);
    Direction[] dirs = Arrays.copyOf(DIRS, d);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(seed ^ 0x5DEECE66DL));
    double[][] shuffled = new double[d][n];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < n; i++) {
        shuffled[k][i] = c[k][perm.get(i)];
      }
    }

    int[] a = Pareto.frontierIndices(c, dirs);
    int[] b = Pareto.frontierIndices(shuffled, dirs);

    int[] mappedBack = Arrays.stream(b).map(perm::get).sorted().toArray();
    assertThat(mappedBack).containsExactly(a);
  }

  @Property(tries = 12)
  void prefilteringLargeInputsGivesTheExactFrontier(
      @ForAll long seed,
      @ForAll @IntRange(min = Skyline.PREFILTER_MIN + 1, max = 30_000) int n,
      @ForAll @IntRange(min = 2, max = 3) int d,
      @ForAll @IntRange(min = 0, max = 2) int shape) {
    Random r = new Random(seed);
    double[][] c = new double[d][n];
    for (int i = 0; i < n; i++) {
      double t = r.nextDouble();
      for (int k = 0; k < d; k++) {
        c[k][i] =
            switch (shape) {
              case 0 -> r.nextDouble(); // independent
              case 1 -> r.nextInt(20); // many ties
              default -> k == 0 ? t : (k == 1 ? t : r.nextDouble()); // opposed once oriented
            };
      }
    }
    Direction[] dirs = Arrays.copyOf(DIRS, d);
    double[][] oriented = new double[d][];
    for (int k = 0; k < d; k++) {
      double sign = dirs[k] == Direction.LOWER_IS_BETTER ? -1 : 1;
      oriented[k] = Arrays.stream(c[k]).map(v -> sign * v).toArray();
    }

    assertThat(Pareto.frontierIndices(c, dirs)).containsExactly(Skyline.exact(oriented));
  }
}
