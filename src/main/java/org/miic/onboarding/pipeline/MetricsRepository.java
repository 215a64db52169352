package org.miic.onboarding.pipeline;

import java.util.List;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the metrics read: every request with its dates and correction rounds, and the stays in the measured stages. */
@Repository
public class MetricsRepository {

  private final JdbcTemplate jdbc;
  private final StageRepository stages;

  public MetricsRepository(JdbcTemplate jdbc, StageRepository stages) {
    this.jdbc = jdbc;
    this.stages = stages;
  }

  public List<Metrics.RequestFacts> requests() {
    return jdbc.query("select r.id, r.tracking_id, o.name as organization_name, w.request_type, r.stage, r.submitted_at, r.go_live_at, "
            + "coalesce(d.rounds, 0) as rounds from miic_request r join miic_organization o on o.id = r.organization_id "
            + "left join miic_worksheet w on w.id = r.current_worksheet_id "
            + "left join (select request_id, count(*) as rounds from miic_staff_decision where outcome in ('incomplete', 'corrections') "
            + "group by request_id) d on d.request_id = r.id order by r.submitted_at, r.id",
        (rs, i) -> new Metrics.RequestFacts(rs.getLong("id"), rs.getString("tracking_id"), rs.getString("organization_name"),
            rs.getString("request_type"), RequestStage.parse(rs.getString("stage")).orElse(null), Db.instant(rs, "submitted_at"),
            Db.instant(rs, "go_live_at"), rs.getInt("rounds")));
  }

  public List<StageRepository.Stay> measuredStays() {
    List<RequestStage> measured = new java.util.ArrayList<>(RequestStage.TESTING);
    measured.add(RequestStage.QUEUED);
    return stages.stays(measured);
  }
}
