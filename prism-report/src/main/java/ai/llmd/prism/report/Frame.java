package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page around the sections: head, Content-Security-Policy, header and navigation, styles and
 * script (resources beside this class). The policy fetches nothing and allows exactly the inline
 * script and style elements the page holds, by their SHA-256 hashes, never {@code 'unsafe-inline'}:
 * an injected script or style would not run.
 */
final class Frame {

  static final String CSS = resource("report.css");
  static final String SCRIPT = resource("report.js");

  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private static final String[] NAMES = {
    "Explore",
    "Sources",
    "Charts",
    "Configurations",
    "Winners",
    "Costs",
    "Cost ranking",
    "P/D vs aggregated",
    "Regression"
  };

  private Frame() {}

  static String page(Report r) {
    String body = r.sb.toString();
    Set<String> styles = new TreeSet<>();
    styles.add(hash(CSS));
    Matcher m = STYLE.matcher(body);
    while (m.find()) {
      styles.add(hash(m.group(1)));
    }
    StringBuilder sb = new StringBuilder(body.length() + CSS.length() + SCRIPT.length() + 4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src");
    for (String h : styles) {
      sb.append(" '").append(h).append('\'');
    }
    sb.append("; script-src '")
        .append(hash(SCRIPT))
        .append("'; img-src data:\">\n<title>")
        .append(Html.shown(r.options.title).replaceAll("<[^>]*>", ""))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Html.shown(r.options.title))
        .append("</h1>\n<p class=\"lede\">");
    lede(sb, r);
    sb.append("</p>\n<nav>");
    for (int i = 0; i < NAMES.length; i++) {
      sb.append("<a href=\"#")
          .append(HtmlReport.SECTION_IDS.get(i))
          .append("\">")
          .append(esc(NAMES[i]))
          .append("</a>");
    }
    sb.append("</nav>\n</header>\n<main>\n")
        .append(body)
        .append("</main>\n<script>")
        .append(SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void lede(StringBuilder sb, Report r) {
    int configurations = r.series.size();
    sb.append(r.points.size())
        .append(r.points.size() == 1 ? " point" : " points")
        .append(" in ")
        .append(configurations)
        .append(configurations == 1 ? " configuration" : " configurations")
        .append(" from ")
        .append(Report.fileCount(r.points))
        .append(" files");
    if (r.findings.hasBaseline()) {
      sb.append("; baseline: ")
          .append(r.findings.baselinePoints().size())
          .append(" points from ")
          .append(Report.fileCount(r.findings.baselinePoints()))
          .append(" files");
    }
    if (r.options.generatedAt != null) {
      sb.append(" · generated ").append(Html.shown(r.options.generatedAt));
    }
    sb.append('.');
  }

  /** The CSP source expression of an inline element's text: {@code sha256-<base64>}. */
  static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Frame.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
