package ai.llmd.prism.architecture.violations.cycle.a;

/** One half of a package cycle. */
public class A {
  public ai.llmd.prism.architecture.violations.cycle.b.B b;
}
