package org.miic.onboarding.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

@Repository
public class QueueRepository {

  private static final RowMapper<QueueEntry> ENTRY = (rs, i) -> new QueueEntry(
      rs.getLong("id"), rs.getLong("request_id"), rs.getLong("organization_id"),
      QueueEntry.Status.valueOf(rs.getString("status")), rs.getInt("base_score"), Db.instant(rs, "entered_at"),
      Db.instant(rs, "invited_at"), Db.instant(rs, "completed_at"), rs.getInt("readiness_points"), rs.getString("readiness_reason"));

  /** The queue's control row, as read under the dispatch lock; capacity null means the configured one. */
  public record Control(boolean paused, String reason, String changedBy, Instant changedAt, Integer capacity, String capacityChangedBy,
      Instant capacityChangedAt) {}

  private static final RowMapper<Control> CONTROL = (rs, i) -> new Control(rs.getBoolean("paused"), rs.getString("reason"),
      rs.getString("changed_by"), Db.instant(rs, "changed_at"), rs.getObject("capacity", Integer.class), rs.getString("capacity_changed_by"),
      Db.instant(rs, "capacity_changed_at"));

  /** A staff adjustment, with its reason. */
  public record Adjustment(int points, String reason, String adjustedBy, Instant adjustedAt) {}

  /** A waiting entry as ranked in SQL: the entry, its request and organization, and its score now. */
  public record WaitingRow(QueueEntry entry, String trackingId, String organizationName, int score, int adjustmentPoints,
      int readinessPoints, String readinessReason) {}

  /** What the time-dependent part of the score needs: now, and how waiting counts. */
  public record Scoring(long nowEpochSeconds, int pointsPerWeek, int maxWaitingPoints) {}

  /**
   * The waiting points of an entry, in SQL: one per full week since it started waiting, times the points per week, at
   * most the maximum, the same rule as QueueService.waitingFactor. Parameters: maximum, now (epoch seconds), per week.
   */
  private static final String WAITING_POINTS = "least(cast(? as integer), greatest(0, (cast(? as bigint) - entered_epoch) / 604800) "
      + "* cast(? as integer))";
  /**
   * Best first, on the index ix_queue_rank: highest rank score (kept on the entry: its points plus the waiting points of
   * the last refresh), then whoever waited longest, then the entry's id (a stable order). The status leads the order
   * although every query fixes it: so the order is the index's own and H2 reads a page of it, the page alone joined,
   * instead of sorting every waiting entry (issue 9: the queue page at 10,000 waiting); PostgreSQL is indifferent.
   */
  private static final String RANK_ORDER = " order by e.status, e.rank_score desc, e.entered_at, e.id";
  /** How often the waiting points are brought up to date (they change once a week per entry). */
  static final long REFRESH_SECONDS = 60;

  /** When this node last brought the waiting points up to date (epoch seconds of the application clock). */
  private final java.util.concurrent.atomic.AtomicLong refreshedAt = new java.util.concurrent.atomic.AtomicLong(0);

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert entryInsert;

  public QueueRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.entryInsert = new SimpleJdbcInsert(jdbc).withTableName("miic_queue_entry").usingGeneratedKeyColumns("id")
        .usingColumns("request_id", "organization_id", "status", "base_score", "entered_at", "entered_epoch");
  }

  public Optional<QueueEntry> findByRequest(long requestId) {
    return jdbc.query("select * from miic_queue_entry where request_id = ?", ENTRY, requestId).stream().findFirst();
  }

  public long insertEntry(long requestId, long organizationId, int baseScore, Instant at) {
    return entryInsert.executeAndReturnKey(Map.of("request_id", requestId, "organization_id", organizationId,
        "status", QueueEntry.Status.SCORED.name(), "base_score", baseScore, "entered_at", Db.ts(at), "entered_epoch", at.getEpochSecond()))
        .longValue();
  }

  public void updateScore(long entryId, int baseScore) {
    jdbc.update("update miic_queue_entry set base_score = ?, rank_score = ? + adjustment_points + readiness_points + waiting_points "
        + "where id = ?", baseScore, baseScore, entryId);
  }

  /**
   * Brings the waiting points of the waiting entries up to date (only those that passed a week since they were last
   * counted are written), at most once a minute on this node unless the clock went back; every ranking read calls it.
   */
  public void refreshWaitingPoints(Scoring scoring) {
    long last = refreshedAt.get();
    long now = scoring.nowEpochSeconds();
    if (now >= last && now - last < REFRESH_SECONDS || !refreshedAt.compareAndSet(last, now)) {
      return;
    }
    jdbc.update("update miic_queue_entry set waiting_points = " + WAITING_POINTS + ", rank_score = base_score + adjustment_points "
        + "+ readiness_points + " + WAITING_POINTS + " where status = 'WAITING' and waiting_points <> " + WAITING_POINTS,
        scoring.maxWaitingPoints(), now, scoring.pointsPerWeek(), scoring.maxWaitingPoints(), now, scoring.pointsPerWeek(),
        scoring.maxWaitingPoints(), now, scoring.pointsPerWeek());
  }

  public void replaceFactors(long entryId, List<PriorityFactor> factors) {
    jdbc.update("delete from miic_priority_factor where queue_entry_id = ?", entryId);
    // One batch: the statements go to the database together, not one round trip each.
    List<Object[]> rows = new java.util.ArrayList<>();
    for (PriorityFactor f : factors) {
      rows.add(new Object[] {entryId, rows.size(), f.factor(), f.points(), f.reason()});
    }
    jdbc.batchUpdate("insert into miic_priority_factor (queue_entry_id, position, factor, points, reason) values (?, ?, ?, ?, ?)", rows);
  }

  public List<PriorityFactor> factors(long entryId) {
    return jdbc.query("select factor, points, reason from miic_priority_factor where queue_entry_id = ? order by position",
        (rs, i) -> new PriorityFactor(rs.getString("factor"), rs.getInt("points"), rs.getString("reason")), entryId);
  }

  /** The factors of several entries in one query, by entry id (each list in its stored order). */
  public Map<Long, List<PriorityFactor>> factors(java.util.Collection<Long> entryIds) {
    Map<Long, List<PriorityFactor>> out = new java.util.HashMap<>();
    if (entryIds.isEmpty()) {
      return out;
    }
    String in = String.join(",", java.util.Collections.nCopies(entryIds.size(), "?"));
    jdbc.query("select queue_entry_id, factor, points, reason from miic_priority_factor where queue_entry_id in (" + in + ") "
        + "order by queue_entry_id, position", rs -> {
          out.computeIfAbsent(rs.getLong("queue_entry_id"), k -> new java.util.ArrayList<>())
              .add(new PriorityFactor(rs.getString("factor"), rs.getInt("points"), rs.getString("reason")));
        }, entryIds.toArray());
    return out;
  }

  /** The adjustments of several entries in one query, by entry id (each list oldest first). */
  public Map<Long, List<Adjustment>> adjustments(java.util.Collection<Long> entryIds) {
    Map<Long, List<Adjustment>> out = new java.util.HashMap<>();
    if (entryIds.isEmpty()) {
      return out;
    }
    String in = String.join(",", java.util.Collections.nCopies(entryIds.size(), "?"));
    jdbc.query("select * from miic_queue_adjustment where queue_entry_id in (" + in + ") order by queue_entry_id, adjusted_at, id",
        rs -> {
          out.computeIfAbsent(rs.getLong("queue_entry_id"), k -> new java.util.ArrayList<>()).add(new Adjustment(rs.getInt("points"),
              rs.getString("reason"), rs.getString("adjusted_by"), Db.instant(rs, "adjusted_at")));
        }, entryIds.toArray());
    return out;
  }

  public List<Adjustment> adjustments(long entryId) {
    return jdbc.query("select * from miic_queue_adjustment where queue_entry_id = ? order by adjusted_at, id",
        (rs, i) -> new Adjustment(rs.getInt("points"), rs.getString("reason"), rs.getString("adjusted_by"),
            Db.instant(rs, "adjusted_at")), entryId);
  }

  public void insertAdjustment(long entryId, int points, String reason, String by, Instant at) {
    jdbc.update("insert into miic_queue_adjustment (queue_entry_id, points, reason, adjusted_by, adjusted_at) values (?, ?, ?, ?, ?)",
        entryId, points, reason, by, Db.ts(at));
    jdbc.update("update miic_queue_entry set adjustment_points = adjustment_points + ?, rank_score = rank_score + ? where id = ?", points,
        points, entryId);
  }

  /** Keeps the readiness points of an entry (pre-test messages meeting the go-live criteria) and why. */
  public void setReadiness(long entryId, int points, String reason) {
    jdbc.update("update miic_queue_entry set readiness_points = ?, readiness_reason = ?, rank_score = base_score + adjustment_points + ? "
        + "+ waiting_points where id = ? and (readiness_points <> ? or readiness_reason is null or readiness_reason <> ?)", points, reason,
        points, entryId, points, reason);
  }

  /** Moves an entry from one status to another; false when it was not in the expected status (someone else moved it). */
  public boolean transition(long entryId, QueueEntry.Status from, QueueEntry.Status to, Instant at) {
    String column = switch (to) {
      case WAITING -> "entered_at";
      case INVITED -> "invited_at";
      case COMPLETED, WITHDRAWN -> "completed_at";
      case SCORED -> throw new IllegalArgumentException("an entry is never moved back to SCORED");
    };
    // Waiting starts now: no waiting points yet.
    String epoch = to == QueueEntry.Status.WAITING ? ", entered_epoch = " + at.getEpochSecond()
        + ", waiting_points = 0, rank_score = base_score + adjustment_points + readiness_points" : "";
    return jdbc.update("update miic_queue_entry set status = ?, " + column + " = ?" + epoch + " where id = ? and status = ?",
        to.name(), Db.ts(at), entryId, from.name()) == 1;
  }

  /** One page of the waiting entries, best first, ranked in one query. */
  public List<WaitingRow> waiting(Scoring scoring, int offset, int limit) {
    refreshWaitingPoints(scoring);
    return jdbc.query("select e.*, r.tracking_id, o.name as organization_name, e.rank_score as score from miic_queue_entry e "
            + "join miic_request r on r.id = e.request_id join miic_organization o on o.id = e.organization_id "
            + "where e.status = 'WAITING'" + RANK_ORDER + " offset ? rows fetch next ? rows only",
        (rs, i) -> new WaitingRow(ENTRY.mapRow(rs, i), rs.getString("tracking_id"), rs.getString("organization_name"), rs.getInt("score"),
            rs.getInt("adjustment_points"), rs.getInt("readiness_points"), rs.getString("readiness_reason")), offset, limit);
  }

  /** Request id to position (1 = next to be invited) of every waiting entry: one query, for lists that show positions. */
  public Map<Long, Integer> positions(Scoring scoring) {
    refreshWaitingPoints(scoring);
    Map<Long, Integer> positions = new java.util.HashMap<>();
    jdbc.query("select e.request_id from miic_queue_entry e where e.status = 'WAITING'" + RANK_ORDER, rs -> {
      positions.put(rs.getLong("request_id"), positions.size() + 1);
    });
    return positions;
  }

  public int countWaiting() {
    return jdbc.queryForObject("select count(*) from miic_queue_entry where status = 'WAITING'", Integer.class);
  }

  /**
   * How many waiting entries rank ahead of an entry with this score, waiting since then, with this tracking id: its
   * position is one more. Works for an entry that is not waiting yet (the position it would take).
   */
  public int countAhead(Scoring scoring, int score, Instant enteredAt, long entryId) {
    refreshWaitingPoints(scoring);
    return jdbc.queryForObject("select count(*) from miic_queue_entry e where e.status = 'WAITING' and e.id <> ? and (e.rank_score > ? "
            + "or (e.rank_score = ? and (e.entered_at < ? or (e.entered_at = ? and e.id < ?))))", Integer.class,
        entryId, score, score, Db.ts(enteredAt), Db.ts(enteredAt), entryId);
  }


  /** The entries holding an onboarding slot now, earliest invited first, at most the given number of them. */
  public List<WaitingRow> invited(int limit) {
    return jdbc.query("select e.*, r.tracking_id, o.name as organization_name from miic_queue_entry e "
            + "join miic_request r on r.id = e.request_id join miic_organization o on o.id = e.organization_id "
            + "where e.status = 'INVITED' order by e.status, e.invited_at, e.id fetch first ? rows only",
        (rs, i) -> new WaitingRow(ENTRY.mapRow(rs, i), rs.getString("tracking_id"), rs.getString("organization_name"), 0,
            rs.getInt("adjustment_points"), rs.getInt("readiness_points"), rs.getString("readiness_reason")), limit);
  }

  public int countInvited() {
    return jdbc.queryForObject("select count(*) from miic_queue_entry where status = 'INVITED'", Integer.class);
  }

  public boolean hasInvitedEntry(long organizationId) {
    return jdbc.queryForObject("select count(*) from miic_queue_entry where status = 'INVITED' and organization_id = ?",
        Integer.class, organizationId) > 0;
  }

  /**
   * Reads the control row and locks it until the transaction ends: the one lock every dispatch takes (a second dispatch
   * waits here until this one commits). By an update, whose write lock every database holds until commit. The double
   * hand-outs once seen on H2 were not this lock's: H2 served the waiting dispatch its count of invited entries from
   * before the lock (common.H2ResultReuse).
   */
  public Control lockControl() {
    jdbc.update("update miic_queue_control set paused = paused where id = 1");
    return jdbc.queryForObject("select * from miic_queue_control where id = 1", CONTROL);
  }

  public Control control() {
    return jdbc.queryForObject("select * from miic_queue_control where id = 1", CONTROL);
  }

  public void setCapacity(int capacity, String by, Instant at) {
    jdbc.update("update miic_queue_control set capacity = ?, capacity_changed_by = ?, capacity_changed_at = ? where id = 1", capacity, by,
        Db.ts(at));
  }

  public void setPaused(boolean paused, String reason, String by, Instant at) {
    jdbc.update("update miic_queue_control set paused = ?, reason = ?, changed_by = ?, changed_at = ? where id = 1",
        paused, reason, by, Db.ts(at));
  }
}
