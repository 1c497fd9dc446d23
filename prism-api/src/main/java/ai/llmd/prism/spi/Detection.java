package ai.llmd.prism.spi;

/** A reader's answer to "can you read this?"; the strongest answer wins. */
public enum Detection {
  /** Not this format. */
  NO,
  /** Plausible, judged by the file name or a loose shape. */
  POSSIBLE,
  /** The content carries this format's distinguishing marks. */
  CERTAIN
}
