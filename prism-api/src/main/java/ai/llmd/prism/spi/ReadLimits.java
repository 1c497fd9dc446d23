package ai.llmd.prism.spi;

/**
 * The limits one read runs under, so that a reader can stop early instead of producing what the
 * library will not keep. The library enforces them either way: a file over {@code maxFileBytes} is
 * not handed to a reader, and points beyond {@code maxPointsPerFile} are counted and reported, not
 * kept.
 *
 * @param maxFileBytes the largest file, in bytes, a reader is given
 * @param maxPointsPerFile the most points kept from one file
 * @since 0.2
 */
public record ReadLimits(long maxFileBytes, int maxPointsPerFile) {

  /** The limits of a load with default options (256 MiB per file, 100 000 points per file). */
  public static final ReadLimits DEFAULTS = new ReadLimits(256L << 20, 100_000);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  public ReadLimits {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
    }
    if (maxPointsPerFile < 1) {
      throw new IllegalArgumentException(
          "maxPointsPerFile must be positive, was " + maxPointsPerFile);
    }
  }
}
