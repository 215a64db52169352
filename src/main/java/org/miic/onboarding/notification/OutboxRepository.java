package org.miic.onboarding.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {

  private static final RowMapper<OutboxEmail> MAPPER = (rs, i) -> new OutboxEmail(
      rs.getLong("id"), (Long) rs.getObject("organization_id", Long.class), (Long) rs.getObject("request_id", Long.class),
      rs.getString("template"), rs.getString("recipients"), rs.getString("subject"), rs.getString("body"),
      OutboxEmail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
      Db.instant(rs, "created_at"), Db.instant(rs, "sent_at"));

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("miic_email_outbox").usingGeneratedKeyColumns("id")
        .usingColumns("organization_id", "request_id", "execution_id", "activity_id", "consumed", "template", "recipients",
            "subject", "body", "status", "attempts", "created_at");
  }

  /** The email this activity of this execution claimed and has not consumed yet: the one a retry must reuse. */
  public Optional<OutboxEmail> findOpenClaim(String executionId, String activityId) {
    return jdbc.query("select * from miic_email_outbox where execution_id = ? and activity_id = ? and consumed = false "
        + "order by id", MAPPER, executionId, activityId).stream().findFirst();
  }

  /** Records a new email, pending; answers it as recorded (not read back). */
  public OutboxEmail insert(ComposedEmail email, String executionId, String activityId, Instant now) {
    Map<String, Object> row = new HashMap<>();
    row.put("organization_id", email.organizationId());
    row.put("request_id", email.requestId());
    row.put("execution_id", executionId);
    row.put("activity_id", activityId);
    row.put("consumed", false);
    row.put("template", email.template().name());
    row.put("recipients", String.join(", ", email.recipients()));
    row.put("subject", email.subject());
    row.put("body", email.body());
    row.put("status", OutboxEmail.Status.PENDING.name());
    row.put("attempts", 0);
    row.put("created_at", Db.ts(now));
    long id = insert.executeAndReturnKey(row).longValue();
    return new OutboxEmail(id, email.organizationId(), email.requestId(), email.template().name(), (String) row.get("recipients"),
        email.subject(), email.body(), OutboxEmail.Status.PENDING, 0, null, now, null);
  }

  public void markDelivered(long id, OutboxEmail.Status status, Instant at) {
    jdbc.update("update miic_email_outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
        status.name(), Db.ts(at), id);
  }

  public void markFailed(long id, String error) {
    jdbc.update("update miic_email_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?",
        error.length() > 1000 ? error.substring(0, 1000) : error, id);
  }

  public void consume(long id) {
    jdbc.update("update miic_email_outbox set consumed = true where id = ?", id);
  }

  public List<OutboxEmail> forRequest(long requestId) {
    return jdbc.query("select * from miic_email_outbox where request_id = ? order by created_at, id", MAPPER, requestId);
  }

  public Optional<OutboxEmail> find(long id) {
    return jdbc.query("select * from miic_email_outbox where id = ?", MAPPER, id).stream().findFirst();
  }

  public List<OutboxEmail> forOrganization(long organizationId) {
    return jdbc.query("select * from miic_email_outbox where organization_id = ? order by created_at, id", MAPPER, organizationId);
  }
}
