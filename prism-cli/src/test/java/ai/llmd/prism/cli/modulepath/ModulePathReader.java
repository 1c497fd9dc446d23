package ai.llmd.prism.cli.modulepath;

import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;

/** A reader from a jar of its own, to be discovered on the module path. */
public final class ModulePathReader implements FormatReader {

  @Override
  public String id() {
    return "module-path-plugin";
  }

  @Override
  public String description() {
    return "a third-party reader loaded as an automatic module";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) {}
}
