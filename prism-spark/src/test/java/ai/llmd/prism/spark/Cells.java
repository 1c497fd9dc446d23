package ai.llmd.prism.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/** Between Spark's external rows and the plain Java cells of {@link PrismSchema#values}. */
final class Cells {

  private Cells() {}

  /** A collected row as plain cells: structs and arrays as lists, maps sorted by key. */
  static List<Object> of(Row row) {
    @SuppressWarnings("unchecked")
    List<Object> cells = (List<Object>) plain(row, row.schema());
    return cells;
  }

  private static Object plain(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType st) {
      Row r = (Row) v;
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < st.fields().length; i++) {
        out.add(plain(r.get(i), st.fields()[i].dataType()));
      }
      return out;
    }
    if (type instanceof ArrayType at) {
      List<Object> out = new ArrayList<>();
      for (Object item :
          scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v)) {
        out.add(plain(item, at.elementType()));
      }
      return out;
    }
    if (type instanceof MapType mt) {
      Map<Object, Object> out = new TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Map<?, ?>) v)
          .forEach((k, x) -> out.put(plain(k, mt.keyType()), plain(x, mt.valueType())));
      return out;
    }
    return v;
  }

  /** Plain cells as an external row of {@code schema}, to build DataFrames from. */
  static Row row(List<Object> cells, StructType schema) {
    return (Row) external(cells, schema);
  }

  private static Object external(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType st) {
      List<?> cells = (List<?>) v;
      Object[] out = new Object[cells.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = external(cells.get(i), st.fields()[i].dataType());
      }
      return RowFactory.create(out);
    }
    if (type instanceof ArrayType at) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) v) {
        out.add(external(item, at.elementType()));
      }
      return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
    }
    if (type instanceof MapType) {
      return scala.jdk.javaapi.CollectionConverters.asScala(new LinkedHashMap<>((Map<?, ?>) v));
    }
    return v;
  }
}
