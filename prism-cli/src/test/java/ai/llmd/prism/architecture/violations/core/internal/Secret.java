package ai.llmd.prism.architecture.violations.core.internal;

/** A stand-in for an internal core class. */
public class Secret {}
