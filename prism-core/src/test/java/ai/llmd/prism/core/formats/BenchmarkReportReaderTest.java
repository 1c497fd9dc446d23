package ai.llmd.prism.core.formats;

import static ai.llmd.prism.api.Statistic.MAX;
import static ai.llmd.prism.api.Statistic.MEAN;
import static ai.llmd.prism.api.Statistic.MIN;
import static ai.llmd.prism.api.Statistic.P0_1;
import static ai.llmd.prism.api.Statistic.P25;
import static ai.llmd.prism.api.Statistic.P50;
import static ai.llmd.prism.api.Statistic.P90;
import static ai.llmd.prism.api.Statistic.P99;
import static ai.llmd.prism.api.Statistic.P99_9;
import static ai.llmd.prism.api.Statistic.STDDEV;
import static ai.llmd.prism.core.formats.BrAssertions.assertDistribution;
import static ai.llmd.prism.core.formats.BrAssertions.assertStatistics;
import static ai.llmd.prism.core.formats.BrAssertions.load;
import static ai.llmd.prism.core.formats.BrAssertions.resource;
import static ai.llmd.prism.core.formats.BrAssertions.stats;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.Detection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The reader on small reports written for these tests (src/test/resources/br). */
class BenchmarkReportReaderTest {

  /** The errors; run-only test reports also earn an info that their model is unknown. */
  private static java.util.List<Problem> errors(LoadResult r) {
    return r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  private static BenchmarkPoint only(LoadResult r) {
    assertThat(r.points()).hasSize(1);
    return r.points().get(0);
  }

  /** Exactly one problem, an error, at {@code location}, whose message contains {@code text}. */
  private static Consumer<Problem> error(String file, String location, String text) {
    return p -> {
      assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
      assertThat(p.file()).endsWith(file);
      assertThat(p.location()).isEqualTo(location);
      assertThat(p.message()).contains(text);
    };
  }

  @Nested
  class ValidReports {

    @Test
    void readsPrefillAndDecodeRolesWithTheirReplicasAndAccelerators() {
      LoadResult r = load(resource("v02-pd.yaml"));

      assertThat(r.problems()).isEmpty();
      BenchmarkPoint p = only(r);
      // tp given, dp/pp/ep defaulted to 1 by the schema because parallelism is present
      assertThat(p.deployment().roles())
          .containsExactly(
              new Role(Role.Kind.PREFILL, 2, 4, 1, 1, 1, 4),
              new Role(Role.Kind.DECODE, 1, 8, 1, 1, 1, 8));
      assertThat(p.deployment().architecture()).isEqualTo(Architecture.DISAGGREGATED);
      assertThat(p.deployment().pdRatio()).isEqualTo("2:1");
      assertThat(p.deployment().acceleratorCount()).isEqualTo(16);
      assertThat(p.deployment().accelerator().raw()).isEqualTo("nvidia-h100-80gb");
      assertThat(p.deployment().engine()).isEqualTo("vllm");
      assertThat(p.deployment().engineVersion()).isEqualTo("0.11.0");
      assertThat(p.deployment().components()).containsExactly("inference_scheduler");
      assertThat(p.model().raw()).isEqualTo("meta-llama/Llama-3.1-70B-Instruct");
    }

    @Test
    void convertsEachStatisticsBlockByItsOwnUnit() {
      BenchmarkPoint p = only(load(resource("v02-pd.yaml")));

      assertStatistics(p, Metric.TTFT, stats(MEAN, 250.5, P50, 248.0, P90, 270.25, P99, 301.0));
      assertStatistics(p, Metric.TPOT, stats(MEAN, 17.75, P99, 31.5));
      assertStatistics(p, Metric.E2E_LATENCY, stats(MEAN, 3750.0, MAX, 9500.0));
      assertStatistics(p, Metric.OUTPUT_THROUGHPUT, stats(MEAN, 698.5));
      assertStatistics(p, Metric.TOTAL_THROUGHPUT, stats(MEAN, 28634.5));
      assertStatistics(p, Metric.REQUEST_RATE, stats(MEAN, 3.5));
      assertThat(p.metrics().has(Metric.INPUT_THROUGHPUT)).isFalse();
      assertThat(p.metrics().has(Metric.ITL)).isFalse();
      assertThat(p.metrics().mean(Metric.REQUESTS_TOTAL)).hasValue(640);
      assertThat(p.metrics().mean(Metric.REQUESTS_FAILED)).hasValue(2);
      assertThat(p.metrics().mean(Metric.REQUESTS_INCOMPLETE)).hasValue(1);
      assertThat(p.metrics().mean(Metric.DURATION)).hasValue(120.0);
      // a fraction becomes percent; the ad-hoc aggregate is read when the schema has none
      assertStatistics(p, Metric.KV_CACHE_USAGE, stats(MEAN, 25.0, MAX, 50.0));
      assertStatistics(p, Metric.PREFIX_CACHE_HIT_RATE, stats(MEAN, 12.5, P99, 40.0));
    }

    @Test
    void takesConfiguredLengthsWhenNoneWereMeasured() {
      BenchmarkPoint p = only(load(resource("v02-pd.yaml")));

      assertDistribution(p.workload().inputLength(), stats(MEAN, 8000), "input");
      assertDistribution(
          p.workload().outputLength(), stats(MEAN, 200, STDDEV, 20, MIN, 150, MAX, 250), "output");
      assertThat(p.workload().concurrency()).isEqualTo(64.0);
      assertThat(p.workload().targetRequestRate()).isNull();
      assertThat(p.workload().harness()).isEqualTo("guidellm");
      assertThat(p.workload().stage()).isZero();
      assertThat(p.labels())
          .containsEntry("run.uid", "pd-run-1")
          .containsEntry("run.eid", "exp-7")
          .containsEntry("run.description", "2 prefill TP4 + 1 decode TP8");
    }

    @Test
    void readsJsonAggregateRolesAndIgnoresInferencePerfRequestCountsPosingAsRates() {
      LoadResult r = load(resource("v02-aggregate.json"));

      BenchmarkPoint p = only(r);
      assertThat(p.provenance().formatVersion()).isEqualTo("0.2.1");
      assertThat(p.deployment().roles())
          .containsExactly(new Role(Role.Kind.AGGREGATED, 3, 2, 1, 1, 1, 2));
      assertThat(p.deployment().acceleratorCount()).isEqualTo(6);
      assertThat(p.deployment().engineVersion()).isEqualTo("v0.10.1");
      assertStatistics(p, Metric.TTFT, stats(MEAN, 125.0, P0_1, 62.5, P99_9, 1500.0));
      assertStatistics(p, Metric.ITL, stats(MEAN, 20.0));
      assertThat(p.workload().concurrency()).isEqualTo(256.0);
      assertThat(p.workload().targetRequestRate()).isNull();
      assertThat(p.workload().harnessVersion()).isNull();
      assertThat(p.workload().dataset()).isEqualTo("sharegpt");
      assertThat(p.labels()).containsEntry("load.rate_qps", "8192.0");
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              pr -> {
                assertThat(pr.severity()).isEqualTo(Problem.Severity.INFO);
                assertThat(pr.location()).isEqualTo("/scenario/load/standardized/rate_qps");
              });
    }

    @Test
    void neverCombinesPerComponentGaugesAndKeepsADoubtfulPercentAsLabelled() {
      LoadResult r = load(resource("v02-observability.yaml"));

      BenchmarkPoint p = only(r);
      // two components each with their own KV usage: the across-pod aggregate is used instead,
      // as labelled, with a warning that vLLM exports this gauge as a fraction
      assertStatistics(p, Metric.KV_CACHE_USAGE, stats(MEAN, 0.42, P99, 0.9));
      assertThat(p.metrics().has(Metric.PREFIX_CACHE_HIT_RATE)).isFalse();
      assertThat(r.problems())
          .filteredOn(pr -> !pr.location().equals("/scenario")) // the run-only report has no model
          .extracting(Problem::severity, Problem::location)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  Problem.Severity.WARNING,
                  "/results/observability/vllm_kv_cache_usage_perc/aggregated/units"),
              org.assertj.core.groups.Tuple.tuple(
                  Problem.Severity.INFO,
                  "/results/observability/components/0/aggregate/cache_hit_rate"));
    }

    @Test
    void readsACapitalisedPercentileAndSaysWhichKeysItCouldNotKeep() {
      LoadResult r = load(resource("v02-statistic-keys.yaml"));

      assertStatistics(only(r), Metric.TTFT, stats(MEAN, 10.0, P25, 8.0));
      String ttft = "/results/request_performance/aggregate/latency/time_to_first_token";
      assertThat(r.problems())
          .filteredOn(pr -> pr.location().startsWith(ttft))
          .extracting(Problem::severity, Problem::location, Problem::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  Problem.Severity.INFO, ttft + "/P25", "read as p25"),
              org.assertj.core.groups.Tuple.tuple(
                  Problem.Severity.INFO, ttft, "not kept (no such statistic in the model): mode"));
    }

    @Test
    void readsVersion01FromJsonWithSecondsConverted() {
      LoadResult r = load(resource("v01-aggregated.json"));

      assertThat(r.problems()).isEmpty();
      BenchmarkPoint p = only(r);
      assertThat(p.provenance().formatVersion()).isEqualTo("0.1");
      assertStatistics(p, Metric.TTFT, stats(MEAN, 250.0, P90, 500.0));
      assertThat(p.metrics().mean(Metric.TOTAL_THROUGHPUT)).hasValue(1200.5);
      assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(200.25);
      assertThat(p.metrics().mean(Metric.DURATION)).hasValue(60.5);
      assertThat(p.deployment().roles())
          .containsExactly(new Role(Role.Kind.AGGREGATED, 2, 1, 1, 1, 1, 1));
      assertThat(p.deployment().acceleratorCount()).isEqualTo(2);
      assertThat(p.workload().stage()).isEqualTo(2);
      assertThat(p.workload().harness()).isEqualTo("vllm-benchmark");
      assertThat(p.labels()).containsEntry("run.eid", "exp-1");
    }

    @Test
    void createFindsThisReaderBySniffing() {
      LoadResult r =
          Prism.create()
              .withNormalizer(Normalizer.none())
              .read(
                  "pasted",
                  new ByteArrayInputStream(
                      "{\"version\": \"0.2\", \"run\": {\"uid\": \"u\"}, \"results\": {}}"
                          .getBytes(StandardCharsets.UTF_8)));

      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
                assertThat(p.message()).contains("no model name");
              });
      assertThat(only(r).model().id()).isEqualTo("unknown");
      assertThat(only(r).provenance().format()).isEqualTo("llmd-br");
      assertThat(only(r).labels()).containsEntry("run.uid", "u");
    }

    @Test
    void sniffsCertainOnVersionAndShapeAndPossibleOnShapeAlone() throws Exception {
      BenchmarkReportReader reader = new BenchmarkReportReader();

      assertThat(reader.detect(sniff("v02-pd.yaml"))).isEqualTo(Detection.CERTAIN);
      assertThat(reader.detect(sniff("v01-aggregated.json"))).isEqualTo(Detection.CERTAIN);
      assertThat(reader.detect(sniff("bad-wrong-version.yaml"))).isEqualTo(Detection.POSSIBLE);
      assertThat(reader.detect(new HeadSniff("x.json", "{\"results\": 1}".getBytes(UTF8))))
          .isEqualTo(Detection.NO);
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private HeadSniff sniff(String name) throws Exception {
      return new HeadSniff(name, Files.readAllBytes(resource(name)));
    }
  }

  @Nested
  class BadReports {

    @Test
    void aTruncatedJsonFileIsOneErrorWithItsLineAndNoPoint() {
      LoadResult r = load(resource("bad-truncated.json"));

      assertThat(r.points()).isEmpty();
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(p.location()).startsWith("line ");
                assertThat(p.message()).contains("not valid YAML or JSON");
              });
    }

    @Test
    void aYamlFileCutBeforeItsResultsKeepsWhatItHasAndSaysResultsAreMissing() {
      LoadResult r = load(resource("bad-truncated.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.labels()).containsEntry("run.uid", "bad-truncated-yaml");
      assertThat(p.workload().harness()).isEqualTo("inference-perf");
      assertThat(p.metrics().size()).isZero();
      assertThat(errors(r))
          .singleElement()
          .satisfies(error("bad-truncated.yaml", "/results", "missing required field 'results'"));
    }

    @Test
    void aWrongTypeLosesOnlyThatField() {
      LoadResult r = load(resource("bad-wrong-type.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.metrics().has(Metric.REQUESTS_TOTAL)).isFalse();
      assertStatistics(p, Metric.TTFT, stats(MEAN, 500.0, P90, 750.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-wrong-type.yaml",
                  "/results/request_performance/aggregate/requests/total",
                  "expected a number, found the string \"lots\""));
    }

    @Test
    void aNegativeStatisticLosesOnlyThatStatistic() {
      LoadResult r = load(resource("bad-negative.yaml"));

      assertStatistics(only(r), Metric.TTFT, stats(MEAN, 500.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-negative.yaml",
                  "/results/request_performance/aggregate/latency/time_to_first_token/p90",
                  "must not be negative, was -1.5"));
    }

    @Test
    void aYamlNanIsReportedAndNotLoaded() {
      LoadResult r = load(resource("bad-nan.yaml"));

      assertStatistics(only(r), Metric.TTFT, stats(P90, 750.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-nan.yaml",
                  "/results/request_performance/aggregate/latency/time_to_first_token/mean",
                  "NaN"));
    }

    @Test
    void aJsonNanIsReportedAndTheRestOfTheFileLoads() {
      LoadResult r = load(resource("bad-nan.json"));

      BenchmarkPoint p = only(r);
      assertStatistics(p, Metric.TTFT, stats(P50, 120.0));
      assertStatistics(p, Metric.OUTPUT_THROUGHPUT, stats(MEAN, 500.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-nan.json",
                  "/results/request_performance/aggregate/latency/time_to_first_token/mean",
                  "NaN"));
    }

    @Test
    void missingUnitsLoseTheValuesRatherThanGuessThem() {
      LoadResult r = load(resource("bad-missing-units.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.metrics().has(Metric.TTFT)).isFalse();
      assertStatistics(p, Metric.E2E_LATENCY, stats(MEAN, 2500.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-missing-units.yaml",
                  "/results/request_performance/aggregate/latency/time_to_first_token/units",
                  "no unit given"));
    }

    @Test
    void anUnknownUnitLosesTheValuesRatherThanGuessThem() {
      LoadResult r = load(resource("bad-unknown-unit.yaml"));

      assertThat(only(r).metrics().has(Metric.TTFT)).isFalse();
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-unknown-unit.yaml",
                  "/results/request_performance/aggregate/latency/time_to_first_token/units",
                  "unknown unit 'hours'"));
    }

    @Test
    void aWrongVersionIsAnErrorAndNothingIsRead() {
      LoadResult r = load(resource("bad-wrong-version.yaml"));

      assertThat(r.points()).isEmpty();
      assertThat(errors(r))
          .singleElement()
          .satisfies(error("bad-wrong-version.yaml", "/version", "unsupported version '0.3'"));
    }

    @Test
    void anUnknownRoleIsAnErrorAndLeavesTheTopologyUnknown() {
      LoadResult r = load(resource("bad-role.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.deployment().roles()).isEmpty();
      assertThat(p.deployment().acceleratorCount()).isNull();
      assertThat(p.deployment().engine()).isEqualTo("vllm");
      assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-0.6B");
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-role.yaml", "/scenario/stack/0/standardized/role", "unknown role 'router'"));
    }

    @Test
    void aZeroConcurrencyIsAnErrorAndTheRateStillLoads() {
      LoadResult r = load(resource("bad-concurrency.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.workload().concurrency()).isNull();
      assertThat(p.workload().targetRequestRate()).isEqualTo(4.0);
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-concurrency.yaml",
                  "/scenario/load/standardized/concurrency",
                  "at least 1 or .inf, was 0"));
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
      LoadResult r =
          BrAssertions.prism()
              .withOptions(BrAssertions.prism().options().withFormat("llmd-br"))
              .load(resource("bad-not-a-mapping.yaml"));

      assertThat(r.points()).isEmpty();
      assertThat(errors(r))
          .singleElement()
          .satisfies(error("bad-not-a-mapping.yaml", "", "must be a mapping"));
    }

    @Test
    void version01WithoutItsRequiredTimeToFirstTokenSaysSo() {
      LoadResult r = load(resource("bad-v01-missing-ttft.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.metrics().has(Metric.TTFT)).isFalse();
      assertStatistics(p, Metric.E2E_LATENCY, stats(MEAN, 900.0));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-v01-missing-ttft.yaml",
                  "/metrics/latency/time_to_first_token",
                  "missing required field"));
    }

    @Test
    void version01HostListsOfDifferentLengthsLeaveTheTopologyUnknown() {
      LoadResult r = load(resource("bad-v01-host-mismatch.yaml"));

      BenchmarkPoint p = only(r);
      assertThat(p.deployment().roles()).isEmpty();
      assertThat(p.deployment().acceleratorCount()).isNull();
      assertStatistics(p, Metric.TTFT, stats(MEAN, 45.5));
      assertThat(errors(r))
          .singleElement()
          .satisfies(
              error(
                  "bad-v01-host-mismatch.yaml",
                  "/scenario/host",
                  "3 entries but host.accelerator has 2"));
    }
  }
}
