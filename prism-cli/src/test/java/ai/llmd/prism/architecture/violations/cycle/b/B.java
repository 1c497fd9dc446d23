package ai.llmd.prism.architecture.violations.cycle.b;

/** The other half of a package cycle. */
public class B {
  public ai.llmd.prism.architecture.violations.cycle.a.A a;
}
