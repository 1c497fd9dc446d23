package ai.llmd.prism.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/** Plain Java cells (see {@link PrismSchema}) to Spark's internal row format, led by the schema. */
final class InternalRows {

  private InternalRows() {}

  static InternalRow of(List<Object> cells, StructType schema) {
    return (InternalRow) convert(cells, schema);
  }

  private static Object convert(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StringType) {
      return UTF8String.fromString((String) v);
    }
    if (type instanceof StructType st) {
      List<?> cells = (List<?>) v;
      Object[] out = new Object[cells.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = convert(cells.get(i), st.fields()[i].dataType());
      }
      return new GenericInternalRow(out);
    }
    if (type instanceof ArrayType at) {
      List<?> items = (List<?>) v;
      Object[] out = new Object[items.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = convert(items.get(i), at.elementType());
      }
      return new GenericArrayData(out);
    }
    if (type instanceof MapType mt) {
      Map<?, ?> map = (Map<?, ?>) v;
      Object[] keys = new Object[map.size()];
      Object[] values = new Object[map.size()];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        keys[i] = convert(e.getKey(), mt.keyType());
        values[i++] = convert(e.getValue(), mt.valueType());
      }
      return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
    }
    return v; // Integer, Double, Boolean are already what Spark holds
  }
}
