package com.example.prism;

import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.SourceFile;
import ai.llmd.prism.testkit.FormatReaderContract;
import ai.llmd.prism.testkit.SourceFiles;
import java.util.Map;
import java.util.Optional;

class TpsCsvReaderContractTest extends FormatReaderContract {

  @Override
  protected FormatReader reader() {
    return new TpsCsvReader();
  }

  @Override
  protected SourceFile sample() {
    return SourceFiles.named("runs/good.csv")
        .content(
            TpsCsvReader.MAGIC
                + "\n"
                + "meta-llama/Llama-3.1-8B-Instruct,H100,1,8,1500.5,0.120\n"
                + "meta-llama/Llama-3.1-8B-Instruct,H100,1,32,2400,0.300\n")
        .build();
  }

  @Override
  protected Optional<SourceFile> sampleWithABadEntry() {
    return Optional.of(SourceFiles.named("runs/a.csv").content(TpsCsvReaderTest.FILE).build());
  }

  @Override
  protected Map<String, Double> expectedFirstPoint() {
    // the format declares seconds: 0.120 s
    return Map.of("ttft.p90", 120.0);
  }
}
