package ai.llmd.prism.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one canonicalisation every registry lookup goes through, so that spellings match exactly
 * after it and never by substring: lower case; every run of spaces, underscores and dashes becomes
 * one dash; leading and trailing dashes go. Dots, slashes and digits are kept, so {@code
 * DeepSeek-V3} and {@code DeepSeek-V3.1} stay apart.
 */
final class Names {

  private Names() {}

  /** Spellings that mean "the source did not say"; they are not names to resolve or report. */
  private static final Set<String> PLACEHOLDERS =
      Set.of("", "unknown", "unknown-model", "unknown-hardware", "n/a", "na", "none", "null", "-");

  private static final Pattern DECORATION = Pattern.compile("\\s*[(\\[]([^()\\[\\]]*)[)\\]]");

  // One trailing quantization/precision token, after a separator.
  private static final Pattern PRECISION_SUFFIX =
      Pattern.compile(
          "(?i)[-_. ]((?:fp8|int8|int4|fp4)[-_](?:dynamic|static|block)"
              + "|w\\d{1,2}a\\d{1,2}|fp8|fp16|bf16|bfloat16|float16|fp32|int8|int4|fp4|nvfp4"
              + "|mxfp4|awq|gptq|gguf)$");

  private static final Map<String, String> PRECISION_SPELLING =
      Map.of("bfloat16", "BF16", "float16", "FP16");

  private static final Pattern COUNT_DECORATION = Pattern.compile("(?i)x\\s*(\\d{1,6})");

  /** Whether {@code raw} is a placeholder such as {@code Unknown} or {@code N/A}. */
  static boolean isPlaceholder(String raw) {
    return PLACEHOLDERS.contains(key(raw));
  }

  /** The canonical lookup key of {@code s} (see the class comment). */
  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean dash = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\u00a0') {
        dash = b.length() > 0;
      } else {
        if (dash) {
          b.append('-');
          dash = false;
        }
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /** A name without its {@code (…)} and {@code […]} groups, and the groups' contents. */
  record Undecorated(String core, List<String> decorations) {}

  static Undecorated undecorate(String raw) {
    Matcher m = DECORATION.matcher(raw);
    if (!m.find()) {
      return new Undecorated(raw.strip(), List.of());
    }
    List<String> decorations = new ArrayList<>();
    StringBuilder core = new StringBuilder();
    int last = 0;
    do {
      core.append(raw, last, m.start()).append(' ');
      decorations.add(m.group(1).strip());
      last = m.end();
    } while (m.find());
    core.append(raw, last, raw.length());
    return new Undecorated(core.toString().strip().replaceAll("\\s+", " "), decorations);
  }

  /** A model name without its trailing precision tokens, and those tokens in canonical form. */
  record Split(String base, String precision) {}

  static Split splitPrecision(String name) {
    String base = name;
    List<String> tokens = new ArrayList<>();
    Matcher m = PRECISION_SUFFIX.matcher(base);
    while (m.find()) {
      tokens.add(0, canonicalPrecision(m.group(1)));
      base = base.substring(0, m.start());
      m = PRECISION_SUFFIX.matcher(base);
    }
    return new Split(base, tokens.isEmpty() ? null : String.join("-", tokens));
  }

  /** The first precision token among decorations such as {@code (vllm, FP8, H100)}, or null. */
  static String precisionIn(List<String> decorations) {
    for (String d : decorations) {
      for (String token : d.split("[,;/\\s]+")) {
        Split s = splitPrecision("x-" + token);
        if (s.precision() != null && s.base().equals("x")) {
          return s.precision();
        }
      }
    }
    return null;
  }

  /** The accelerator count an {@code (x87)} decoration states, or null. */
  static Integer countIn(List<String> decorations) {
    for (String d : decorations) {
      Matcher m = COUNT_DECORATION.matcher(d);
      if (m.matches()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  private static String canonicalPrecision(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    String fixed = PRECISION_SPELLING.get(lower);
    if (fixed != null) {
      return fixed;
    }
    int sep = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
    if (sep > 0) {
      return lower.substring(0, sep).toUpperCase(Locale.ROOT) + "-" + lower.substring(sep + 1);
    }
    return lower.toUpperCase(Locale.ROOT);
  }
}
