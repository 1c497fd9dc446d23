package com.example.prism;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.Sniff;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a small CSV dialect: a first line {@code #tps-csv v1}, then rows of {@code
 * model,accelerator,chips,concurrency,output_tokens_per_second,ttft_p90_seconds}. TTFT is declared
 * in seconds by the format, so it is converted to the canonical milliseconds here, once.
 */
public final class TpsCsvReader implements FormatReader {

  static final String MAGIC = "#tps-csv v1";

  /** The format declares TTFT in seconds. */
  private static final double TTFT_TO_MS = Unit.MILLISECONDS.factorFrom("s").getAsDouble();

  @Override
  public String id() {
    return "tps-csv";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "tps-csv v1: one row per load level (an example plugin)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return new String(sniff.head(), StandardCharsets.UTF_8).startsWith(MAGIC)
        ? Detection.CERTAIN
        : Detection.NO;
  }

  @Override
  public void read(ReadContext context) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(context.file().open(), StandardCharsets.UTF_8))) {
      in.readLine(); // the magic line
      String line;
      for (int row = 2; (line = in.readLine()) != null; row++) {
        if (!line.isBlank()) {
          // whatever this row throws is an error at "row N"; the next rows still load
          String where = "row " + row;
          String[] cells = line.split(",", -1);
          context.row(where, () -> context.point(point(context, where, cells)));
        }
      }
    }
  }

  private BenchmarkPoint point(ReadContext context, String where, String[] cells) {
    if (cells.length != 6) {
      throw new IllegalArgumentException("expected 6 cells, found " + cells.length);
    }
    Deployment deployment =
        Deployment.builder()
            .accelerator(AcceleratorRef.unresolved(cells[1].strip()))
            .acceleratorCount((int) whole(cells[2], "chips"))
            .build();
    Workload workload = Workload.builder().concurrency(positive(cells[3], "concurrency")).build();
    Distribution ttft =
        Distribution.builder()
            .put(Statistic.P90, positive(cells[5], "ttft_p90_seconds") * TTFT_TO_MS)
            .build();
    Metrics metrics =
        Metrics.builder()
            .put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, positive(cells[4], "tokens/s")))
            .put(MetricValue.measured(Metric.TTFT, ttft))
            .build();
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(cells[0]), deployment, workload),
        metrics,
        new Provenance(context.file().uri(), id(), "v1", where));
  }

  /** A positive number, or an exception quoting the cell as the file wrote it. */
  private static double positive(String cell, String what) {
    try {
      double v = Double.parseDouble(cell.strip());
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + " must be a positive number, was '" + cell + "'");
  }

  private static double whole(String cell, String what) {
    double v = positive(cell, what);
    if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " must be a whole number, was '" + cell + "'");
    }
    return v;
  }
}
