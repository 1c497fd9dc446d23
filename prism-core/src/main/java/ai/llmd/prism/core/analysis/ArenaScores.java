package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.formats.Trees;
import ai.llmd.prism.core.normalize.ModelRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Arena (LMArena text leaderboard) scores joined to models through the {@link ModelRegistry}: each
 * name of an {@code arena_scores.json} file ({@code {"<model name>": {"arena_score_text": <int>}}})
 * is resolved by the registry and joins a model only when both resolve to the same canonical id and
 * precision. Names are never matched by substring, prefix or stripped version numbers, so {@code
 * deepseek-v3}, {@code deepseek-v3.1} and {@code deepseek-v2.5} stay three models. Names the
 * registry does not know are reported (INFO) and not joined; names that resolve to the same model
 * and precision are reported (WARNING) and none of them joins.
 */
public final class ArenaScores {

  private static final String FIELD = "arena_score_text";

  /**
   * One entry of the file.
   *
   * @param name the name as written in the file
   * @param score its {@code arena_score_text}
   * @param model what the registry made of the name
   */
  public record Score(String name, double score, ModelRef model) {
    public Score {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(model, "model");
    }
  }

  private final Map<String, List<Score>> byId; // resolved entries by canonical id
  private final List<Score> scores;
  private final List<Problem> problems;

  private ArenaScores(List<Score> scores, List<Problem> problems) {
    this.scores = List.copyOf(scores);
    this.problems = List.copyOf(problems);
    Map<String, List<Score>> m = new LinkedHashMap<>();
    for (Score s : scores) {
      if (s.model().resolved()) {
        m.computeIfAbsent(s.model().id(), k -> new ArrayList<>()).add(s);
      }
    }
    this.byId = m;
  }

  /** Reads {@code in} (named {@code arena_scores.json} in problems) with the built-in registry. */
  public static ArenaScores read(InputStream in) {
    return read(in, "arena_scores.json", ModelRegistry.builtIn());
  }

  /**
   * Reads {@code in}, resolving names with {@code registry}. Bad input never throws: an unreadable
   * file gives no scores and an ERROR, a bad entry a WARNING naming its JSON pointer.
   */
  public static ArenaScores read(InputStream in, String name, ModelRegistry registry) {
    List<Problem> problems = new ArrayList<>();
    List<Score> scores = new ArrayList<>();
    JsonNode root;
    try {
      root = Trees.jsonReader().readTree(in);
    } catch (IOException e) {
      problems.add(Problem.error(name, "", "not readable as JSON: " + e.getMessage()));
      return new ArenaScores(scores, problems);
    }
    if (root == null || !root.isObject()) {
      problems.add(Problem.error(name, "", "expected an object of model names; nothing read"));
      return new ArenaScores(scores, problems);
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      String pointer = "/" + key.replace("~", "~0").replace("/", "~1");
      JsonNode v = e.getValue().path(FIELD);
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        problems.add(
            Problem.warning(
                name,
                pointer + "/" + FIELD,
                (v.isMissingNode() ? "missing" : "not a number: " + v) + "; entry not read"));
        continue;
      }
      ModelRef model = registry.resolve(key);
      scores.add(new Score(key, v.asDouble(), model));
      if (!model.resolved()) {
        problems.add(
            Problem.info(
                name,
                pointer,
                "'"
                    + key
                    + "' is not in the model registry; not joined (add an alias to join it)"));
      }
    }
    Map<List<String>, List<Score>> same = new LinkedHashMap<>();
    for (Score s : scores) {
      if (s.model().resolved()) {
        same.computeIfAbsent(List.of(s.model().id(), precision(s.model())), k -> new ArrayList<>())
            .add(s);
      }
    }
    same.forEach(
        (k, ss) -> {
          if (ss.size() > 1) {
            problems.add(
                Problem.warning(
                    name,
                    "",
                    ss.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
                        + " all resolve to "
                        + k.get(0)
                        + (k.get(1).isEmpty() ? "" : " " + k.get(1))
                        + "; none of them is joined"));
          }
        });
    return new ArenaScores(scores, problems);
  }

  /**
   * The score of {@code model}: the entry resolving to the same canonical id and the same precision
   * (an entry naming no precision scores a model that names none). Empty for a model the registry
   * did not resolve, for no such entry, and for several.
   */
  public Optional<Score> scoreOf(ModelRef model) {
    if (!model.resolved()) {
      return Optional.empty();
    }
    String precision = precision(model);
    List<Score> hits =
        byId.getOrDefault(model.id(), List.of()).stream()
            .filter(s -> precision(s.model()).equals(precision))
            .toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  /** Every readable entry, in file order, joined or not. */
  public List<Score> scores() {
    return scores;
  }

  /** What was wrong or not joined, naming the file and the entry. */
  public List<Problem> problems() {
    return problems;
  }

  private static String precision(ModelRef m) {
    return m.precision() == null ? "" : m.precision().toLowerCase(Locale.ROOT);
  }
}
