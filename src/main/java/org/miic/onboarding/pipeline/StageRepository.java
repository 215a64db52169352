package org.miic.onboarding.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each request's current stage (on miic_request) and every stage it entered and left (miic_stage_history). */
@Repository
public class StageRepository {

  /** One stay in a stage; {@code leftAt} is null while the request is still there. */
  public record Stay(long requestId, RequestStage stage, Instant enteredAt, Instant leftAt) {}

  private final JdbcTemplate jdbc;
  /** Recent answers of {@link #currentCached}; entering a stage on this node forgets the request's at once. */
  private final java.util.concurrent.ConcurrentHashMap<Long, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();
  private record Cached(Optional<Stay> stay, long until) {}
  static final long CACHE_MILLIS = 2_000;

  public StageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The request's current stage, read at most every two seconds (every message of a sender asks; issue 9). A stage
   * entered on this node is seen at once; on another node within two seconds.
   */
  public Optional<Stay> currentCached(long requestId) {
    long now = System.currentTimeMillis();
    Cached hit = recent.get(requestId);
    if (hit != null && hit.until() > now) {
      return hit.stay();
    }
    if (recent.size() > 10_000) {
      recent.clear();
    }
    Optional<Stay> read = current(requestId);
    recent.put(requestId, new Cached(read, now + CACHE_MILLIS));
    return read;
  }

  /**
   * The request (by tracking id) enters a stage: the stay in the previous stage ends. Entering the stage it is already
   * in changes nothing, so a task that loops through its corrections email counts as one stay.
   */
  public void enter(String trackingId, RequestStage stage, Instant at) {
    List<Long> ids = jdbc.queryForList("select id from miic_request where tracking_id = ? and (stage is null or stage <> ?)",
        Long.class, trackingId, stage.name());
    if (ids.isEmpty()) {
      return; // unknown request, or already in that stage
    }
    long requestId = ids.get(0);
    recent.remove(requestId);
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      // Again once the new stage is committed: a message read in between must not keep the old one.
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              recent.remove(requestId);
            }
          });
    }
    jdbc.update("update miic_stage_history set left_at = ? where request_id = ? and left_at is null", Db.ts(at), requestId);
    jdbc.update("insert into miic_stage_history (request_id, stage, entered_at) values (?, ?, ?)", requestId, stage.name(), Db.ts(at));
    jdbc.update("update miic_request set stage = ?, stage_since = ? where id = ?", stage.name(), Db.ts(at), requestId);
  }

  public Optional<Stay> current(long requestId) {
    return jdbc.query("select id, stage, stage_since from miic_request where id = ? and stage is not null",
        (rs, i) -> new Stay(rs.getLong("id"), RequestStage.parse(rs.getString("stage")).orElse(null), Db.instant(rs, "stage_since"), null),
        requestId).stream().filter(s -> s.stage() != null).findFirst();
  }

  /** A request's stays, oldest first. */
  public List<Stay> history(long requestId) {
    return jdbc.query("select * from miic_stage_history where request_id = ? order by entered_at, id", (rs, i) -> stay(rs), requestId);
  }

  /** Every stay in the given stages, for the metrics. */
  public List<Stay> stays(List<RequestStage> stages) {
    String in = String.join(",", stages.stream().map(s -> "'" + s.name() + "'").toList());
    return jdbc.query("select * from miic_stage_history where stage in (" + in + ") order by request_id, entered_at", (rs, i) -> stay(rs));
  }

  private static Stay stay(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Stay(rs.getLong("request_id"), RequestStage.parse(rs.getString("stage")).orElse(null), Db.instant(rs, "entered_at"),
        Db.instant(rs, "left_at"));
  }
}
