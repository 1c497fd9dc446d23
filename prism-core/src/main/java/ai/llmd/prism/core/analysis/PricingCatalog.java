package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.formats.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned table of sourced, dated accelerator prices, read from JSON or YAML. The built-in
 * catalog is seeded only from documented prices; users load their own or override rows of it.
 *
 * <p>File shape: {@code {"catalogVersion": "...", "currency": "USD", "rows": [ {provider, region,
 * machineType, accelerator, acceleratorMemoryGiB?, acceleratorDescription?, acceleratorsPerMachine,
 * pricingModel (on-demand|spot|cud-1y|cud-3y), usdPerMachineHour, asOf (yyyy-mm-dd or null),
 * asOfText?, source, sourceUrl, lowConfidence?, note?} ], "defaultProfile"?: {a {@link
 * PricingProfile}}}}.
 */
public final class PricingCatalog {

  private static final String BUILT_IN = "pricing-catalog.json";

  private final String version;
  private final List<PriceRow> rows;
  private final PricingProfile defaultProfile;

  private PricingCatalog(String version, List<PriceRow> rows, PricingProfile defaultProfile) {
    this.version = Objects.requireNonNull(version, "version");
    this.rows = List.copyOf(rows);
    this.defaultProfile = Objects.requireNonNull(defaultProfile, "defaultProfile");
  }

  /** A catalog of the given rows, with no default profile. */
  public static PricingCatalog of(String version, List<PriceRow> rows) {
    return new PricingCatalog(version, rows, PricingProfile.none());
  }

  /** A catalog of the given rows whose price choice falls back to {@code defaultProfile}. */
  public static PricingCatalog of(
      String version, List<PriceRow> rows, PricingProfile defaultProfile) {
    return new PricingCatalog(version, rows, defaultProfile);
  }

  /** The catalog shipped with Prism (prices from the reference documents, each with its source). */
  public static PricingCatalog builtIn() {
    try (InputStream in = PricingCatalog.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("built-in pricing catalog missing: " + BUILT_IN);
      }
      return read(in, BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a catalog file (JSON or YAML). */
  public static PricingCatalog load(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads a catalog (JSON or YAML).
   *
   * @throws IllegalArgumentException naming the row and field when the content is not a valid
   *     catalog
   */
  public static PricingCatalog read(InputStream in, String name) throws IOException {
    return parse(in.readAllBytes(), name);
  }

  private static PricingCatalog parse(byte[] bytes, String name) throws IOException {
    JsonNode root = Trees.parse(bytes);
    if (root == null || !root.isObject() || !root.path("rows").isArray()) {
      throw new IllegalArgumentException(name + ": a pricing catalog needs a \"rows\" array");
    }
    String version = root.path("catalogVersion").asText("unversioned");
    String currency = root.path("currency").asText("USD");
    if (!"USD".equals(currency)) {
      throw new IllegalArgumentException(
          name + ":/currency: only USD is supported, was " + currency);
    }
    List<PriceRow> rows = new ArrayList<>();
    JsonNode arr = root.get("rows");
    for (int i = 0; i < arr.size(); i++) {
      String at = name + ":/rows/" + i;
      JsonNode r = arr.get(i);
      try {
        rows.add(row(r, at));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }
    JsonNode dp = root.get("defaultProfile");
    PricingProfile profile =
        dp == null || dp.isNull()
            ? PricingProfile.none()
            : PricingProfile.fromTree(dp, name + ":/defaultProfile", "default");
    return new PricingCatalog(version, rows, profile);
  }

  private static PriceRow row(JsonNode r, String at) {
    String pm = text(r, "pricingModel", at);
    PricingModel model =
        PricingModel.byKey(pm)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "pricingModel must be on-demand, spot, cud-1y or cud-3y, was " + pm));
    JsonNode asOf = r.get("asOf");
    LocalDate date = null;
    if (asOf != null && !asOf.isNull()) {
      try {
        date = LocalDate.parse(asOf.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("asOf must be yyyy-mm-dd, was " + asOf.asText());
      }
    }
    JsonNode mem = r.get("acceleratorMemoryGiB");
    return new PriceRow(
        text(r, "provider", at),
        text(r, "region", at),
        text(r, "machineType", at),
        text(r, "accelerator", at),
        mem == null || mem.isNull() ? null : mem.asDouble(),
        r.path("acceleratorDescription").asText(null),
        number(r, "acceleratorsPerMachine").intValue(),
        model,
        number(r, "usdPerMachineHour").doubleValue(),
        date,
        r.path("asOfText").asText(null),
        text(r, "source", at),
        text(r, "sourceUrl", at),
        r.path("lowConfidence").asBoolean(false),
        r.path("note").asText(""));
  }

  private static String text(JsonNode r, String field, String at) {
    JsonNode v = r.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is required (a non-empty string)");
    }
    return v.asText();
  }

  private static Number number(JsonNode r, String field) {
    JsonNode v = r.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(field + " is required (a number)");
    }
    return v.numberValue();
  }

  /** The catalog's version string. */
  public String version() {
    return version;
  }

  /**
   * The preferences used when neither the source nor the user says which row to take (the built-in
   * catalog's is documented in docs/pricing.md); {@link PricingProfile#none()} when the file has
   * none.
   */
  public PricingProfile defaultProfile() {
    return defaultProfile;
  }

  /** Every row, in file order. */
  public List<PriceRow> rows() {
    return rows;
  }

  /**
   * This catalog with {@code overrides} applied: an override row replaces the row with the same
   * provider, region, machine type, pricing model, source and date; other override rows are added.
   * The result takes the override's version, and its default profile when it has one.
   */
  public PricingCatalog overriddenBy(PricingCatalog overrides) {
    Map<List<Object>, PriceRow> merged = new LinkedHashMap<>();
    for (PriceRow r : rows) {
      merged.put(identity(r), r);
    }
    for (PriceRow r : overrides.rows) {
      merged.put(identity(r), r);
    }
    PricingProfile profile =
        overrides.defaultProfile.equals(PricingProfile.none())
            ? defaultProfile
            : overrides.defaultProfile;
    return new PricingCatalog(overrides.version, new ArrayList<>(merged.values()), profile);
  }

  private static List<Object> identity(PriceRow r) {
    return java.util.Arrays.asList(
        r.provider(), r.region(), r.machineType(), r.pricingModel(), r.source(), r.asOf());
  }

  @Override
  public String toString() {
    return "PricingCatalog{version=" + version + ", rows=" + rows.size() + "}";
  }
}
