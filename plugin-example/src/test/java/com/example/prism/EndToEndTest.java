package com.example.prism;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The three plugins together, as an application that embeds Prism uses them. */
class EndToEndTest {

  @Test
  void resultsHeldInMemoryAreReadThroughTheDiscoveredConnectorAndReader() {
    MemStore.createBucket("results");
    MemStore.put(
        "results", "runs/h100.csv", TpsCsvReaderTest.FILE.getBytes(StandardCharsets.UTF_8));

    Prism prism = Prism.create();
    LoadResult result = prism.load("mem://results/runs/");

    assertThat(result.points()).hasSize(2);
    assertThat(result.points().get(0).provenance().source())
        .hasToString("mem://results/runs/h100.csv");
    assertThat(prism.plugins().renderer("txt")).isPresent();
  }
}
