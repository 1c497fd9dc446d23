package ai.llmd.prism.spi;

import java.util.Map;
import java.util.Set;

/** The start of an input, offered to every {@link FormatReader} to decide who reads it. */
public interface Sniff {

  /** The file name without directories; empty for standard input. */
  String fileName();

  /** The first bytes of the input (at most a few tens of KiB); do not modify. */
  byte[] head();

  /** True when {@link #head()} is the whole input. */
  boolean complete();

  /**
   * The top-level members of the document when it is a JSON or YAML mapping, in document order:
   * scalars as their text, objects as {@code "{}"} and arrays as {@code "[]"}. Members beyond the
   * sampled head are missing. Empty when the input is not a mapping. Computed once, shared by all
   * readers.
   */
  Map<String, String> topLevel();

  /**
   * For a document whose top level is an array of mappings, the member names of its first element;
   * otherwise empty.
   */
  Set<String> firstElementKeys();
}
