package ai.llmd.prism.core.findings;

import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Ranking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality overlay: each benchmarked model beside its arena score (LMArena text leaderboard),
 * joined only where {@link ArenaScores#scoreOf} finds exactly one entry of the same canonical model
 * and precision, and beside the model's best configuration by the ranking measure.
 *
 * @param models one per model of the ranking, in ranking order
 * @param scored how many of them have an arena score
 * @param scoresGiven whether arena scores were given at all
 */
public record QualityView(List<Model> models, int scored, boolean scoresGiven) {

  /** Copies the list. */
  public QualityView {
    models = List.copyOf(models);
  }

  /**
   * One model.
   *
   * @param model the model as the points name it
   * @param arena its arena score, or empty where none joins
   * @param arenaName the arena entry's name as written, or empty
   * @param best its best configuration by the ranking measure
   */
  public record Model(
      String model, Optional<Double> arena, Optional<String> arenaName, Ranking.Entry best) {
    /** Checks every component is present. */
    public Model {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(arena, "arena");
      Objects.requireNonNull(arenaName, "arenaName");
      Objects.requireNonNull(best, "best");
    }
  }

  /**
   * The models of {@code byModel} (a ranking grouped by model, best first) joined to {@code scores}
   * ({@code null}: none).
   */
  static QualityView of(Ranking<String> byModel, ArenaScores scores) {
    List<Model> out = new ArrayList<>();
    int scored = 0;
    Map<String, List<Ranking.Entry>> groups = new LinkedHashMap<>(byModel.groups());
    for (Map.Entry<String, List<Ranking.Entry>> e : groups.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      Ranking.Entry best = e.getValue().get(0);
      Optional<ArenaScores.Score> s =
          scores == null ? Optional.empty() : scores.scoreOf(best.point().model());
      if (s.isPresent()) {
        scored++;
      }
      out.add(
          new Model(
              e.getKey(), s.map(ArenaScores.Score::score), s.map(ArenaScores.Score::name), best));
    }
    return new QualityView(out, scored, scores != null);
  }
}
