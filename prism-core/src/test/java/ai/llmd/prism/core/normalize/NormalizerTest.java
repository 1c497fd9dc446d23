package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  private final Normalizer normalizer = Normalizer.standard();

  // ---- derivations ------------------------------------------------------------------------

  @Test
  void derivesNtpotAsMeanE2eOverMeanOsl() {
    BenchmarkPoint p = one(point(metrics(Metric.E2E_LATENCY, 55943.76), lengths(9999, 1000)));
    MetricValue ntpot = p.metrics().get(Metric.NTPOT).orElseThrow();
    assertThat(ntpot.mean().getAsDouble()).isCloseTo(55.94376, within(1e-12));
    assertThat(ntpot.derivation()).isEqualTo(Derivations.NTPOT_FROM_E2E).contains("ratio of means");
    assertThat(ntpot.distribution().statistics()).containsExactly(Statistic.MEAN);
  }

  @Test
  void derivesTpotFromE2eAndTtftOverOslMinusOne() {
    BenchmarkPoint p =
        one(point(metrics(Metric.E2E_LATENCY, 10000, Metric.TTFT, 1000), lengths(100, 1001)));
    assertThat(p.metrics().get(Metric.TPOT).orElseThrow())
        .isEqualTo(
            MetricValue.derived(Metric.TPOT, Distribution.ofMean(9.0), Derivations.TPOT_FROM_E2E));
  }

  @Test
  void derivesE2eFromTtftAndTpotSoTheIdentityHoldsExactly() {
    BenchmarkPoint p = one(point(metrics(Metric.TTFT, 250, Metric.TPOT, 20), lengths(1000, 1000)));
    assertThat(p.metrics().mean(Metric.E2E_LATENCY)).hasValue(250 + 20 * 999.0);
    assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().derivation())
        .isEqualTo(Derivations.E2E_FROM_TPOT);
    // and NTPOT follows from the derived E2E
    assertThat(p.metrics().mean(Metric.NTPOT)).hasValue((250 + 20 * 999.0) / 1000);
    assertThat(p.metrics().get(Metric.TPOT).orElseThrow().isDerived()).isFalse();
  }

  @Test
  void derivesE2eFromNtpotWhenThereIsNoTtft() {
    BenchmarkPoint p = one(point(metrics(Metric.NTPOT, 50), lengths(100, 200)));
    assertThat(p.metrics().mean(Metric.E2E_LATENCY)).hasValue(10000.0);
    assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().derivation())
        .isEqualTo(Derivations.E2E_FROM_NTPOT);
    assertThat(p.metrics().has(Metric.TPOT)).as("no TTFT, so no TPOT").isFalse();
  }

  @Test
  void outputThroughputIsRequestRateTimesOsl() {
    BenchmarkPoint p = one(point(metrics(Metric.REQUEST_RATE, 2.5), lengths(200, 1000)));
    assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(2500.0);
    assertThat(p.metrics().mean(Metric.INPUT_THROUGHPUT)).hasValue(500.0);
    assertThat(p.metrics().mean(Metric.TOTAL_THROUGHPUT)).hasValue(3000.0);
    assertThat(p.metrics().get(Metric.OUTPUT_THROUGHPUT).orElseThrow().derivation())
        .isEqualTo(Derivations.OUTPUT_FROM_RATE);
    assertThat(p.metrics().get(Metric.TOTAL_THROUGHPUT).orElseThrow().derivation())
        .isEqualTo(Derivations.TOTAL_FROM_PARTS);
  }

  @Test
  void derivesOneThroughputFromTheOtherTwo() {
    BenchmarkPoint p =
        one(
            point(
                metrics(Metric.TOTAL_THROUGHPUT, 28634.925, Metric.OUTPUT_THROUGHPUT, 698.498),
                Workload.unknown()));
    assertThat(p.metrics().mean(Metric.INPUT_THROUGHPUT).getAsDouble())
        .isCloseTo(27936.427, within(1e-9));
    assertThat(p.metrics().get(Metric.INPUT_THROUGHPUT).orElseThrow().derivation())
        .isEqualTo(Derivations.INPUT_FROM_TOTAL);
  }

  @Test
  void derivesSuccessAndFailureRatesFromRequestCounts() {
    BenchmarkPoint p =
        one(
            point(
                metrics(Metric.REQUESTS_TOTAL, 200, Metric.REQUESTS_FAILED, 3),
                Workload.unknown()));
    assertThat(p.metrics().mean(Metric.SUCCESS_RATE)).hasValue(197 / 200.0);
    assertThat(p.metrics().mean(Metric.FAILURE_RATE)).hasValue(3 / 200.0);
    assertThat(p.metrics().get(Metric.SUCCESS_RATE).orElseThrow().derivation())
        .isEqualTo(Derivations.SUCCESS_FROM_FAILED);

    BenchmarkPoint q =
        one(
            point(
                metrics(Metric.REQUESTS_SUCCEEDED, 90, Metric.REQUESTS_FAILED, 10),
                Workload.unknown()));
    assertThat(q.metrics().mean(Metric.SUCCESS_RATE)).hasValue(0.9);
    assertThat(q.metrics().mean(Metric.FAILURE_RATE)).hasValue(0.1);
  }

  @Test
  void neverReplacesAMeasuredValue() {
    Metrics m =
        Metrics.builder()
            .put(
                MetricValue.measured(
                    Metric.NTPOT,
                    Distribution.builder().put(Statistic.MEAN, 61).put(Statistic.P99, 90).build()))
            .put(MetricValue.measured(Metric.E2E_LATENCY, 55943.76))
            .build();
    BenchmarkPoint p = one(point(m, lengths(9999, 1000)));
    assertThat(p.metrics().get(Metric.NTPOT)).isEqualTo(m.get(Metric.NTPOT));
  }

  @Test
  void derivesNothingWhenAnInputIsMissing() {
    BenchmarkPoint in = point(metrics(Metric.TTFT, 250), lengths(1000, 1000));
    assertThat(one(in).metrics()).isEqualTo(in.metrics());
  }

  @Test
  void canBeToldNotToDerive() {
    BenchmarkPoint in = point(metrics(Metric.REQUEST_RATE, 2.5), lengths(200, 1000));
    Normalizer.Result r = normalizer.withDerivations(false).normalize(List.of(in));
    assertThat(r.points().get(0).metrics()).isEqualTo(in.metrics());
  }

  // ---- inconsistencies --------------------------------------------------------------------

  @Test
  void warnsWhenMeasuredOutputThroughputDisagreesWithRateTimesOsl() {
    // Prism's archive labels total tokens/s as output tokens/s (rate 2.207 req/s, OSL 1000).
    BenchmarkPoint in =
        point(
            metrics(
                Metric.OUTPUT_THROUGHPUT,
                24275.673515613435,
                Metric.REQUEST_RATE,
                2.2070800541515987),
            lengths(9999, 1000));
    Normalizer.Result r = normalizer.normalize(List.of(in));

    assertThat(r.points().get(0).metrics().get(Metric.OUTPUT_THROUGHPUT))
        .isEqualTo(in.metrics().get(Metric.OUTPUT_THROUGHPUT));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(pr.file()).isEqualTo("/data/run.json");
              assertThat(pr.location()).isEqualTo("/results/0");
              assertThat(pr.message())
                  .isEqualTo(
                      "output_throughput 24275.7 tokens/s disagrees with request_rate × osl ="
                          + " 2207.08 by 90.9083%; keeping the measured value");
            });
  }

  @Test
  void staysQuietWithinOnePercent() {
    BenchmarkPoint in =
        point(
            metrics(Metric.OUTPUT_THROUGHPUT, 2520, Metric.REQUEST_RATE, 2.5), lengths(200, 1000));
    assertThat(normalizer.normalize(List.of(in)).problems()).isEmpty();
  }

  @Test
  void warnsWhenTotalIsNotInputPlusOutput() {
    BenchmarkPoint in =
        point(
            metrics(
                Metric.TOTAL_THROUGHPUT,
                5000,
                Metric.INPUT_THROUGHPUT,
                1000,
                Metric.OUTPUT_THROUGHPUT,
                1000),
            Workload.unknown());
    assertThat(normalizer.normalize(List.of(in)).problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.message()).startsWith("total_throughput 5000 tokens/s"));
  }

  @Test
  void aSubnormalOrHugeThroughputIsNormalizedAndDescribedInShortNumbers() {
    // the relative difference to a subnormal measure is infinite; it once threw "Infinite or NaN"
    // and the point was kept unnormalized with the exception's name as the message
    BenchmarkPoint in =
        point(
            metrics(Metric.OUTPUT_THROUGHPUT, Double.MIN_VALUE, Metric.REQUEST_RATE, 1e300),
            lengths(200, 1000));

    Normalizer.Result r = normalizer.normalize(List.of(in));

    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr ->
                assertThat(pr.message())
                    .startsWith("output_throughput 4.94066E-324 tokens/s disagrees with")
                    .contains("1E+303")
                    .doesNotContain("Exception")
                    .hasSizeLessThan(200));
  }

  @Test
  void warnsWhenNtpotIsACopyOfTpot() {
    BenchmarkPoint in =
        point(
            metrics(Metric.NTPOT, 49.13, Metric.TPOT, 49.13, Metric.E2E_LATENCY, 55943.76),
            lengths(9999, 1000));
    assertThat(normalizer.normalize(List.of(in)).problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.message()).startsWith("ntpot is identical to tpot"));
  }

  // ---- names ------------------------------------------------------------------------------

  @Test
  void resolvesModelAndAcceleratorOfEveryPoint() {
    BenchmarkPoint in =
        point(
            "RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic",
            deployment(AcceleratorRef.unresolved("nvidia-l40s"), null, List.of(), null),
            Metrics.empty(),
            Workload.unknown());
    BenchmarkPoint p = one(in);
    assertThat(p.model())
        .isEqualTo(
            new ModelRef(
                "RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic",
                "meta-llama/Llama-3.3-70B-Instruct",
                "Llama 3.3",
                70.6,
                null,
                "FP8-dynamic",
                true));
    assertThat(p.deployment().accelerator())
        .isEqualTo(new AcceleratorRef("nvidia-l40s", "L40S", "NVIDIA", 48.0, true));
  }

  @Test
  void keepsAPrecisionTheReaderFound() {
    ModelRef fromReader =
        new ModelRef("deepseek-ai/DeepSeek-R1-0528", "x", null, null, null, "FP16", false);
    BenchmarkPoint in =
        new BenchmarkPoint(
            new Scenario(fromReader, Deployment.unknown(), Workload.unknown()),
            Metrics.empty(),
            provenance());
    assertThat(one(in).model().precision()).isEqualTo("FP16");
    assertThat(one(in).model().id()).isEqualTo("deepseek-ai/DeepSeek-R1-0528");
  }

  @Test
  void reportsEachUnknownNameOnceAsInfo() {
    Deployment d = deployment(AcceleratorRef.unresolved("Acme X1"), null, List.of(), null);
    List<BenchmarkPoint> in =
        List.of(
            point("acme/Wonder-7B", d, Metrics.empty(), Workload.unknown()),
            point("acme/Wonder-7B", d, Metrics.empty(), Workload.unknown()),
            point("acme/Other-1B", Deployment.unknown(), Metrics.empty(), Workload.unknown()),
            point("Unknown", Deployment.unknown(), Metrics.empty(), Workload.unknown()));
    Normalizer.Result r = normalizer.normalize(in);

    assertThat(r.problems()).allMatch(p -> p.severity() == Problem.Severity.INFO);
    assertThat(r.problems())
        .extracting(Problem::message)
        .containsExactly(
            "model 'acme/Wonder-7B' is not in the model registry (version "
                + ModelRegistry.builtIn().version()
                + "); grouped as 'acme/wonder-7b' (add it with ModelRegistry.withOverrides)",
            "accelerator 'Acme X1' is not in the accelerator registry (version "
                + AcceleratorRegistry.builtIn().version()
                + "); kept as written (add it with AcceleratorRegistry.withOverrides)",
            "model 'acme/Other-1B' is not in the model registry (version "
                + ModelRegistry.builtIn().version()
                + "); grouped as 'acme/other-1b' (add it with ModelRegistry.withOverrides)");
    assertThat(r.points().get(0).model().id()).isEqualTo("acme/wonder-7b");
    assertThat(r.points().get(0).deployment().accelerator().name()).isEqualTo("Acme X1");
  }

  @Test
  void keepsWhatTheReaderKnewAboutAnUnknownAccelerator() {
    AcceleratorRef fromReader = new AcceleratorRef("Acme X1", "Acme X1", null, 64.0, false);
    Deployment d = deployment(fromReader, null, List.of(), null);
    BenchmarkPoint p = one(point("Qwen3-0.6B", d, Metrics.empty(), Workload.unknown()));
    assertThat(p.deployment().accelerator()).isEqualTo(fromReader);
  }

  @Test
  void aUserRegistryResolvesWhatTheBuiltInDoesNot() {
    ModelRegistry mine =
        ModelRegistry.builtIn()
            .withOverrides(
                ModelRegistryTest.yaml(
                    "version: mine\nmodels:\n  - id: acme/Wonder-7B\n    family: Wonder\n"),
                "mine.yaml");
    Normalizer.Result r =
        normalizer
            .withModels(mine)
            .normalize(
                List.of(
                    point(
                        "acme/wonder-7b",
                        Deployment.unknown(),
                        Metrics.empty(),
                        Workload.unknown())));
    assertThat(r.problems()).isEmpty();
    assertThat(r.points().get(0).model().family()).isEqualTo("Wonder");
  }

  @Test
  void oneUserFileExtendsModelsAcceleratorsAndMachineTypes() throws Exception {
    Path file =
        Path.of(getClass().getResource("/ai/llmd/prism/core/normalize/lab-registry.yaml").toURI());
    Normalizer lab =
        normalizer
            .withModels(ModelRegistry.builtIn().withOverrides(file))
            .withAccelerators(AcceleratorRegistry.builtIn().withOverrides(file));
    Deployment d = deployment(AcceleratorRef.unresolved("lab-node-4"), null, List.of(), 3);
    Normalizer.Result r =
        lab.normalize(
            List.of(point("Falcon Mini 3B-bf16", d, Metrics.empty(), Workload.unknown())));

    assertThat(r.problems()).isEmpty();
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.model().id()).isEqualTo("lab/Falcon-Mini-3B");
    assertThat(p.model().precision()).isEqualTo("BF16");
    assertThat(p.deployment().accelerator())
        .isEqualTo(new AcceleratorRef("lab-node-4", "Lab Chip 1", "Lab", 40.0, true));
    assertThat(p.deployment().acceleratorCount()).isEqualTo(12);
  }

  @Test
  void movesAHarnessOutOfTheEngineField() {
    Deployment d =
        new Deployment(null, null, "guidellm", "0.3.0", null, List.of(), List.of(), null);
    Normalizer.Result r =
        normalizer.normalize(List.of(point("Qwen3-0.6B", d, Metrics.empty(), Workload.unknown())));
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.deployment().engine()).isNull();
    assertThat(p.workload().harness()).isEqualTo("guidellm");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr ->
                assertThat(pr.message())
                    .isEqualTo(
                        "'guidellm' is a load harness, not an inference engine; recorded as the"
                            + " harness"));
  }

  @Test
  void readsEngineAndVersionFromAnImageReference() {
    Deployment br =
        new Deployment(
            null,
            null,
            "llm-d",
            "ghcr.io/llm-d/llm-d-cuda:0.3.1",
            null,
            List.of(),
            List.of(),
            null);
    BenchmarkPoint p = one(point("Qwen/Qwen3-0.6B", br, Metrics.empty(), Workload.unknown()));
    assertThat(p.deployment().engine()).isEqualTo("llm-d");
    assertThat(p.deployment().engineVersion()).isEqualTo("0.3.1");

    Deployment image =
        new Deployment(
            null, null, "vllm/vllm-openai:v0.10.1", null, null, List.of(), List.of(), null);
    BenchmarkPoint q = one(point("Qwen/Qwen3-0.6B", image, Metrics.empty(), Workload.unknown()));
    assertThat(q.deployment().engine()).isEqualTo("vLLM");
    assertThat(q.deployment().engineVersion()).isEqualTo("0.10.1");

    Deployment lower =
        new Deployment(null, null, "vllm", "0.9.0.1", null, List.of(), List.of(), null);
    assertThat(
            one(point("Qwen3-0.6B", lower, Metrics.empty(), Workload.unknown()))
                .deployment()
                .engine())
        .isEqualTo("vLLM");
  }

  // ---- accelerator counts -----------------------------------------------------------------

  @Test
  void aOnePrefillTp8AndOneDecodeTp8DeploymentHasSixteenChipsDividedOnce() {
    Deployment pd =
        deployment(
            AcceleratorRef.unresolved("NVIDIA-H100-80GB-HBM3"),
            null,
            List.of(
                new Role(Role.Kind.PREFILL, 1, 8, null, null, null, null),
                new Role(Role.Kind.DECODE, 1, 8, 1, 1, null, null)),
            null);
    BenchmarkPoint in =
        point("Llama-3.1-70B", pd, metrics(Metric.OUTPUT_THROUGHPUT, 1600), Workload.unknown());
    BenchmarkPoint p = one(in);

    assertThat(Views.accelerators(p.deployment())).hasValue(16);
    assertThat(
            Views.value(p, Metric.OUTPUT_THROUGHPUT, Views.Basis.ACCELERATOR).orElseThrow().mean())
        .hasValue(100.0);
    // Normalizing again changes nothing, so nothing is ever divided twice.
    BenchmarkPoint again = one(p);
    assertThat(again).isEqualTo(p);
    assertThat(
            Views.value(again, Metric.OUTPUT_THROUGHPUT, Views.Basis.ACCELERATOR)
                .orElseThrow()
                .mean())
        .hasValue(100.0);
    assertThat(Views.value(p, Metric.TTFT, Views.Basis.ACCELERATOR)).isEmpty();
  }

  @Test
  void leavesAccelertorsPerReplicaUnknownWhenDataParallelismIsAbove1() {
    Deployment d =
        deployment(null, null, List.of(new Role(Role.Kind.DECODE, 2, 8, 3, 1, 8, null)), null);
    assertThat(
            one(point("x", d, Metrics.empty(), Workload.unknown()))
                .deployment()
                .roles()
                .get(0)
                .acceleratorsPerReplica())
        .isNull();
  }

  @Test
  void warnsWhenTheStatedCountDisagreesWithTheRoles() {
    Deployment d =
        deployment(
            AcceleratorRef.unresolved("H100"),
            8,
            List.of(
                new Role(Role.Kind.PREFILL, 1, 8, null, null, null, 8),
                new Role(Role.Kind.DECODE, 1, 8, null, null, null, 8)),
            null);
    Normalizer.Result r =
        normalizer.normalize(
            List.of(point("Llama-3.1-70B", d, Metrics.empty(), Workload.unknown())));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr ->
                assertThat(pr.message())
                    .isEqualTo(
                        "the deployment states 8 accelerators but its roles add up to 16;"
                            + " per-accelerator views use the stated count"));
  }

  @Test
  void fillsTheCountFromMachineTypeAndNodesOrAnMlperfDecoration() {
    Deployment gce = deployment(AcceleratorRef.unresolved("a3-highgpu-8g"), null, List.of(), 2);
    BenchmarkPoint p = one(point("Llama-3.1-70B", gce, Metrics.empty(), Workload.unknown()));
    assertThat(p.deployment().acceleratorCount()).isEqualTo(16);
    assertThat(p.deployment().accelerator().name()).isEqualTo("H100");

    Deployment noNodes =
        deployment(AcceleratorRef.unresolved("a3-highgpu-8g"), null, List.of(), null);
    assertThat(
            one(point("x", noNodes, Metrics.empty(), Workload.unknown()))
                .deployment()
                .acceleratorCount())
        .as("machines unknown: count unknown")
        .isNull();

    Deployment mlperf =
        deployment(
            AcceleratorRef.unresolved("AMD Instinct MI355X 288GB HBM3e (x87)"),
            null,
            List.of(),
            11);
    assertThat(
            one(point("llama2-70b-99", mlperf, Metrics.empty(), Workload.unknown()))
                .deployment()
                .acceleratorCount())
        .isEqualTo(87);
  }

  @Test
  void noneKeepsPointsExactlyAsRead() {
    BenchmarkPoint in = point(metrics(Metric.REQUEST_RATE, 2.5), lengths(200, 1000));
    Normalizer.Result r = Normalizer.none().normalize(List.of(in));
    assertThat(r.points()).containsExactly(in);
    assertThat(r.problems()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------

  private BenchmarkPoint one(BenchmarkPoint p) {
    return normalizer.normalize(List.of(p)).points().get(0);
  }

  private static Metrics metrics(Object... pairs) {
    Metrics.Builder b = Metrics.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.put(MetricValue.measured((Metric) pairs[i], ((Number) pairs[i + 1]).doubleValue()));
    }
    return b.build();
  }

  private static Workload lengths(double isl, double osl) {
    return new Workload(
        Distribution.ofMean(isl), Distribution.ofMean(osl), null, null, null, null, null, null);
  }

  private static Deployment deployment(
      AcceleratorRef acc, Integer count, List<Role> roles, Integer nodes) {
    return new Deployment(acc, count, null, null, null, List.of(), roles, nodes);
  }

  private static Provenance provenance() {
    return new Provenance(URI.create("file:///data/run.json"), "test", null, "/results/0");
  }

  private static BenchmarkPoint point(Metrics m, Workload w) {
    return point("meta-llama/Llama-3.1-8B-Instruct", Deployment.unknown(), m, w);
  }

  private static BenchmarkPoint point(String model, Deployment d, Metrics m, Workload w) {
    return new BenchmarkPoint(new Scenario(ModelRef.unresolved(model), d, w), m, provenance());
  }
}
