package ai.llmd.prism.spark;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.Listing;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files on the driver, exactly as {@code Prism.load} walks a directory (path order, dot
 * files skipped), and hands them to executors in chunks of {@code filesPerPartition}.
 */
final class PrismScan implements Scan, Batch {

  private static final Logger LOG = LoggerFactory.getLogger(PrismScan.class);

  private final ReadOptions options;
  private final StructType schema;
  private InputPartition[] partitions;

  PrismScan(ReadOptions options, StructType schema) {
    this.options = options;
    this.schema = schema;
  }

  @Override
  public StructType readSchema() {
    return schema;
  }

  @Override
  public String description() {
    return "prism " + options.paths() + (options.problemsOnly() ? " (problems)" : "");
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (partitions == null) {
      partitions = plan(hadoopConf());
    }
    return partitions.clone();
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    SparkSession spark = SparkSession.active();
    Broadcast<SerializableConf> conf =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new SerializableConf(hadoopConf()));
    return new PrismReaderFactory(options, conf);
  }

  private Configuration hadoopConf() {
    Configuration conf =
        new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
    options.hadoop().forEach(conf::set);
    return conf;
  }

  private InputPartition[] plan(Configuration conf) {
    List<FilePartition.File> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String label : options.paths()) {
      list(label, conf, files, problems);
    }
    if (!options.problemsOnly()) {
      // a points read has no row for these: say so where the driver's user looks
      problems.forEach(p -> LOG.warn("{}", p));
    }
    List<InputPartition> out = new ArrayList<>();
    List<List<Object>> leading =
        problems.stream().map(p -> (List<Object>) new ArrayList<>(PrismSchema.values(p))).toList();
    if (!leading.isEmpty() || files.isEmpty()) {
      out.add(new FilePartition(List.of(), leading));
    }
    int n = options.filesPerPartition();
    for (int i = 0; i < files.size(); i += n) {
      out.add(new FilePartition(files.subList(i, Math.min(files.size(), i + n)), List.of()));
    }
    return out.toArray(new InputPartition[0]);
  }

  private void list(
      String label, Configuration conf, List<FilePartition.File> files, List<Problem> problems) {
    Path root;
    FileSystem fs;
    FileStatus status;
    try {
      root = new Path(label);
      fs = root.getFileSystem(conf);
      status = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      problems.add(Problem.error(label, "", "no such file or directory"));
      return;
    } catch (IOException | IllegalArgumentException e) {
      problems.add(Problem.error(label, "", "could not be opened: " + e.getMessage()));
      return;
    }
    if (!status.isDirectory()) {
      files.add(new FilePartition.File(fs.makeQualified(root).toString(), label, true));
      return;
    }
    if ("file".equals(fs.getUri().getScheme())) {
      // a local directory is walked by the single-machine load's own walk: same files, order,
      // names and problems, at the speed of java.nio (Hadoop's local listing stats file by file)
      Listing listing =
          options.prism().list(java.nio.file.Path.of(fs.makeQualified(root).toUri()), label);
      problems.addAll(listing.problems());
      for (Listing.Entry e : listing.files()) {
        files.add(new FilePartition.File(new Path(e.path().toUri()).toString(), e.name(), false));
      }
      return;
    }
    String base = label.endsWith("/") ? label : label + "/";
    String rootUri = fs.makeQualified(root).toUri().getPath();
    String prefix = rootUri.endsWith("/") ? rootUri : rootUri + "/";
    List<FilePartition.File> found = new ArrayList<>();
    try {
      // object stores list a whole prefix flat, far faster than a walk per "directory"
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        add(it.next(), prefix, base, found);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error(label, "", "could not be listed completely: " + e.getMessage()));
    }
    found.sort(Comparator.comparing(f -> f.name().substring(base.length())));
    files.addAll(found);
  }

  private static void add(
      FileStatus f, String prefix, String base, List<FilePartition.File> found) {
    String path = f.getPath().toUri().getPath();
    if (!f.isFile() || !path.startsWith(prefix)) {
      return;
    }
    String rel = path.substring(prefix.length());
    if (!hidden(rel)) {
      found.add(new FilePartition.File(f.getPath().toString(), base + rel, false));
    }
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
