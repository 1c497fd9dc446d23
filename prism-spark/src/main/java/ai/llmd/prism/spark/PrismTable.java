package ai.llmd.prism.spark;

import java.util.Set;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The benchmark results (or their problems) under the paths of one read. */
final class PrismTable implements SupportsRead {

  private final ReadOptions options;

  PrismTable(ReadOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "prism " + String.join(", ", options.paths());
  }

  @Override
  public Column[] columns() {
    StructField[] fields = readSchema().fields();
    Column[] out = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      // the field metadata carries the unit and the comment
      out[i] = Column.create(f.name(), f.dataType(), f.nullable(), null, f.metadata().json());
    }
    return out;
  }

  private StructType readSchema() {
    return options.problemsOnly() ? PrismSchema.problems() : PrismSchema.points();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    // the options were read once, in PrismDataSource.getTable
    return () -> new PrismScan(options, readSchema());
  }
}
