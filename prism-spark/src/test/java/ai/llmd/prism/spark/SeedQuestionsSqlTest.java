package ai.llmd.prism.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The SQL in docs/spark.md runs on the examples and answers each question with rows. */
class SeedQuestionsSqlTest {

  private static final Pattern SQL = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySqlBlockOfTheSparkPageAnswersOnTheExamples() throws Exception {
    Path root = Fixtures.repositoryRoot().orElseThrow();
    SparkSession spark = LocalSpark.get();
    spark
        .read()
        .format("prism")
        .option("provider", "GCP")
        .load(root.resolve("examples").toString())
        .createOrReplaceTempView("points");
    List<String> queries = new ArrayList<>();
    Matcher m = SQL.matcher(Files.readString(root.resolve("docs/spark.md")));
    while (m.find()) {
      queries.add(m.group(1));
    }

    assertThat(queries).hasSize(3);
    for (String q : queries) {
      List<Row> rows = spark.sql(q).collectAsList();
      assertThat(rows).as(q).isNotEmpty();
    }
  }
}
