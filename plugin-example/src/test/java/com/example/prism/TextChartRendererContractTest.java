package com.example.prism;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.testkit.ChartRendererContract;

class TextChartRendererContractTest extends ChartRendererContract {

  @Override
  protected ChartRenderer renderer() {
    return new TextChartRenderer();
  }
}
