package ai.llmd.prism.core.analysis;

import ai.llmd.prism.core.formats.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which catalog rows a user prefers when several could price a point: a provider, a region, a
 * machine type per accelerator and an order of sources. Preferences rank rows, they never remove
 * them: a point whose accelerator has any row in the catalog is still priced. (Hard filters are
 * {@link CostEstimator#withProvider} and its siblings.)
 *
 * <p>File shape (YAML or JSON), every field optional:
 *
 * <pre>
 * profile: my-team
 * provider: AWS
 * region: us-east-1
 * machineTypes: {H100: p5.48xlarge, L4: g6.xlarge}
 * sources: [skypilot-catalog, dstack-pr-4110]
 * </pre>
 *
 * @param name what the profile is called (shown beside every price it chose)
 * @param provider the preferred provider, or {@code null}
 * @param region the preferred region, or {@code null}
 * @param machineTypes the preferred machine type per canonical accelerator name (case-insensitive)
 * @param sources catalog sources in order of preference (earlier wins)
 */
public record PricingProfile(
    String name,
    String provider,
    String region,
    Map<String, String> machineTypes,
    List<String> sources) {

  /** Where a user's own profile is read from when present: {@code ~/.config/prism/pricing.yaml}. */
  public static final Path USER_FILE =
      Path.of(System.getProperty("user.home", "."), ".config", "prism", "pricing.yaml");

  public PricingProfile {
    Objects.requireNonNull(name, "name");
    TreeMap<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (machineTypes != null) {
      m.putAll(machineTypes);
    }
    machineTypes = java.util.Collections.unmodifiableMap(m);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** A profile with no preferences at all. */
  public static PricingProfile none() {
    return new PricingProfile("none", null, null, Map.of(), List.of());
  }

  /** The machine type preferred for {@code accelerator}, if any. */
  public Optional<String> machineTypeFor(String accelerator) {
    return Optional.ofNullable(machineTypes.get(accelerator));
  }

  /**
   * This profile, with every preference it leaves unset taken from {@code fallback}: a user profile
   * that only names a provider keeps the default profile's source order.
   */
  public PricingProfile over(PricingProfile fallback) {
    TreeMap<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.putAll(fallback.machineTypes);
    m.putAll(machineTypes);
    return new PricingProfile(
        name.equals(fallback.name) ? name : name + " over " + fallback.name,
        provider != null ? provider : fallback.provider,
        region != null ? region : fallback.region,
        m,
        sources.isEmpty() ? fallback.sources : sources);
  }

  /**
   * Reads a profile file (YAML or JSON).
   *
   * @throws IllegalArgumentException naming the file and field when it is not a valid profile
   */
  public static PricingProfile load(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /** Reads a profile (YAML or JSON); {@code name} names it in errors. */
  public static PricingProfile read(InputStream in, String name) throws IOException {
    return parse(in.readAllBytes(), name);
  }

  private static PricingProfile parse(byte[] bytes, String file) throws IOException {
    JsonNode root = Trees.parse(bytes);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": a pricing profile is a mapping of preferences");
    }
    return fromTree(root, file, fileName(file));
  }

  private static String fileName(String file) {
    Path p = Path.of(file).getFileName();
    return p == null ? file : p.toString();
  }

  /** Reads the profile held by {@code node} (the catalog's {@code defaultProfile} too). */
  static PricingProfile fromTree(JsonNode node, String at, String defaultName) {
    String name = optionalText(node, "profile", at);
    Map<String, String> machines = new TreeMap<>();
    JsonNode mt = node.get("machineTypes");
    if (mt != null && !mt.isNull()) {
      if (!mt.isObject()) {
        throw new IllegalArgumentException(
            at + ":/machineTypes: expected a mapping of accelerator to machine type");
      }
      for (Map.Entry<String, JsonNode> e : mt.properties()) {
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          throw new IllegalArgumentException(
              at + ":/machineTypes/" + e.getKey() + ": expected a machine type name");
        }
        machines.put(e.getKey(), e.getValue().asText());
      }
    }
    List<String> sources = new ArrayList<>();
    JsonNode src = node.get("sources");
    if (src != null && !src.isNull()) {
      if (!src.isArray()) {
        throw new IllegalArgumentException(at + ":/sources: expected a list of source names");
      }
      for (int i = 0; i < src.size(); i++) {
        if (!src.get(i).isTextual()) {
          throw new IllegalArgumentException(at + ":/sources/" + i + ": expected a source name");
        }
        sources.add(src.get(i).asText());
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String f = field.getKey();
      if (!List.of("profile", "provider", "region", "machineTypes", "sources", "why").contains(f)) {
        throw new IllegalArgumentException(
            at
                + ":/"
                + f
                + ": not a profile field (profile, provider, region, machineTypes, sources)");
      }
    }
    return new PricingProfile(
        name == null ? defaultName : name,
        optionalText(node, "provider", at),
        optionalText(node, "region", at),
        machines,
        sources);
  }

  private static String optionalText(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(at + ":/" + field + ": expected a non-empty string");
    }
    return v.asText().strip();
  }

  /** One line naming every preference, for cost bases and messages. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (provider != null) {
      parts.add("provider " + provider);
    }
    if (region != null) {
      parts.add("region " + region);
    }
    machineTypes.forEach((a, m) -> parts.add(a + " on " + m));
    if (!sources.isEmpty()) {
      parts.add("sources " + String.join(" > ", sources));
    }
    return name + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }
}
