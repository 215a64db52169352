package org.miic.onboarding.pipeline;

import java.util.List;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class DecisionRepository {

  private static final RowMapper<StaffDecision> MAPPER = (rs, i) -> new StaffDecision(rs.getLong("request_id"), rs.getString("task_id"),
      rs.getString("task_key"), rs.getString("task_name"), rs.getString("outcome"), rs.getString("notes"), rs.getString("decided_by"),
      Db.instant(rs, "decided_at"));

  private final JdbcTemplate jdbc;

  public DecisionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StaffDecision d) {
    jdbc.update("insert into miic_staff_decision (request_id, task_id, task_key, task_name, outcome, notes, decided_by, decided_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)", d.requestId(), d.taskId(), cut(d.taskKey(), 100), cut(d.taskName(), 200),
        cut(d.outcome(), 40), cut(d.notes(), 4000), cut(d.decidedBy(), 100), Db.ts(d.decidedAt()));
  }

  public List<StaffDecision> forRequest(long requestId) {
    return jdbc.query("select * from miic_staff_decision where request_id = ? order by decided_at, id", MAPPER, requestId);
  }

  /** Every decision with the given outcome, for the metrics (correction rounds). */
  public List<StaffDecision> withOutcome(String outcome) {
    return jdbc.query("select * from miic_staff_decision where outcome = ? order by request_id, decided_at", MAPPER, outcome);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
