package ai.llmd.prism.spi;

/**
 * The version of the plugin API, and the rule by which a plugin built against one version is
 * accepted by another (SLF4J's requested-API-version check is the model).
 *
 * <p>A plugin declares the version it was compiled against by returning {@link #VERSION} from
 * {@code requestedApiVersion()}: the constant is copied into the plugin's class file when it is
 * compiled, so it keeps saying which API the plugin was built for whatever API it later runs with.
 *
 * @since 0.2
 */
public final class PluginApi {

  /** The plugin API version of this build: {@code major.minor}. */
  public static final String VERSION = "0.2";

  private PluginApi() {}

  /**
   * Whether a plugin that asks for {@code requested} can run against this API: the same major
   * version and a minor version no newer than this one. While the major version is 0 every minor
   * version may break, so the minor versions must be equal.
   *
   * @param requested a {@code major.minor} version, or {@code major.minor.patch}
   * @return true when the plugin can be used
   * @throws IllegalArgumentException when {@code requested} is not a version
   */
  public static boolean compatible(String requested) {
    int[] want = parse(requested);
    int[] have = parse(VERSION);
    if (want[0] != have[0]) {
      return false;
    }
    return have[0] == 0 ? want[1] == have[1] : want[1] <= have[1];
  }

  private static int[] parse(String version) {
    if (version == null) {
      throw new IllegalArgumentException("no version");
    }
    String[] parts = version.strip().split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("'" + version + "' is not a major.minor version");
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      if (major < 0 || minor < 0) {
        throw new NumberFormatException();
      }
      return new int[] {major, minor};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + version + "' is not a major.minor version", e);
    }
  }
}
