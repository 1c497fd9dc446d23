package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.testkit.ChartRendererContract;

/** The built-in SVG renderer held to the contract every renderer plugin must meet. */
class SvgChartRendererContractTest extends ChartRendererContract {

  @Override
  protected ChartRenderer renderer() {
    return new SvgChartRenderer();
  }

  @Override
  protected boolean producesXml() {
    return true;
  }
}
