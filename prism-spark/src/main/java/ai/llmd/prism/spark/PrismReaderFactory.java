package ai.llmd.prism.spark;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.analysis.CostEstimator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Reads a partition's files on an executor, one file at a time, with {@code Prism.readFile}. */
final class PrismReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final ReadOptions options;
  private final Broadcast<SerializableConf> conf;

  PrismReaderFactory(ReadOptions options, Broadcast<SerializableConf> conf) {
    this.options = options;
    this.conf = conf;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new Reader((FilePartition) partition, options, conf.value().get());
  }

  /** Rows of one file at a time: a task holds one file's points, not its partition's. */
  private static final class Reader implements PartitionReader<InternalRow> {
    private final ReadOptions options;
    private final Configuration conf;
    private final Iterator<FilePartition.File> files;
    private final Deque<InternalRow> rows = new ArrayDeque<>();
    private final StructType schema;
    private final CostEstimator costs;
    private InternalRow current;

    Reader(FilePartition partition, ReadOptions options, Configuration conf) {
      this.options = options;
      this.conf = conf;
      this.files = partition.files().iterator();
      this.schema = options.problemsOnly() ? PrismSchema.problems() : PrismSchema.points();
      this.costs = options.problemsOnly() ? null : options.costs();
      if (options.problemsOnly()) {
        partition.leading().forEach(cells -> rows.add(InternalRows.of(cells, schema)));
      }
    }

    @Override
    public boolean next() throws IOException {
      while (rows.isEmpty() && files.hasNext()) {
        read(files.next());
      }
      current = rows.poll();
      return current != null;
    }

    private void read(FilePartition.File f) throws IOException {
      Path path = new Path(f.uri());
      FileSystem fs = path.getFileSystem(conf);
      HadoopSourceFile file = new HadoopSourceFile(fs, path, f.name(), options.maxFileBytes());
      LoadResult result = options.prism().readFile(file, f.explicit());
      if (options.problemsOnly()) {
        for (Problem p : result.problems()) {
          rows.add(InternalRows.of(PrismSchema.values(p), schema));
        }
      } else {
        for (BenchmarkPoint p : result.points()) {
          rows.add(InternalRows.of(PrismSchema.values(p, f.name(), costs), schema));
        }
      }
    }

    @Override
    public InternalRow get() {
      return current;
    }

    @Override
    public void close() {
      // file systems are Hadoop's cached instances, shared by the executor's tasks
    }
  }
}
