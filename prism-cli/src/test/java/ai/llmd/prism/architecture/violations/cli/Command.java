package ai.llmd.prism.architecture.violations.cli;

/** A stand-in for a command-line class. */
public class Command {}
