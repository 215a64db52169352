package org.miic.onboarding.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class ExchangeRepository {

  private static final RowMapper<Suspension> SUSPENSION = (rs, i) -> new Suspension(rs.getLong("id"), rs.getLong("request_id"),
      Suspension.Reason.valueOf(rs.getString("reason")), rs.getString("note"), Db.instant(rs, "suspended_at"), rs.getString("suspended_by"),
      Db.instant(rs, "resumed_at"), rs.getString("resumed_by"));

  private final JdbcTemplate jdbc;

  ExchangeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The organization's requests that are in production (running or suspended), newest go-live first. */
  List<Long> productionExchanges(long organizationId) {
    return jdbc.queryForList("select id from miic_request where organization_id = ? and stage in ('PRODUCTION', 'SUSPENDED') "
        + "and change_of_request_id is null order by go_live_at desc, id desc", Long.class, organizationId);
  }

  void linkChange(long requestId, Long exchangeId) {
    jdbc.update("update miic_request set change_of_request_id = ? where id = ?", exchangeId, requestId);
  }

  Optional<Long> changeOf(long requestId) {
    return jdbc.query("select change_of_request_id from miic_request where id = ?", (rs, i) -> rs.getObject(1, Long.class), requestId)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** Locks the request's row until the transaction ends: changes of its suspensions go one after the other. */
  void lockRequest(long requestId) {
    jdbc.queryForList("select id from miic_request where id = ? for update", Long.class, requestId);
  }

  List<Suspension> suspensions(long requestId) {
    return jdbc.query("select * from miic_exchange_suspension where request_id = ? order by suspended_at, id", SUSPENSION, requestId);
  }

  List<Suspension> openSuspensions(long requestId) {
    return jdbc.query("select * from miic_exchange_suspension where request_id = ? and resumed_at is null order by suspended_at, id",
        SUSPENSION, requestId);
  }

  void insertSuspension(long requestId, Suspension.Reason reason, String note, Instant at, String by) {
    jdbc.update("insert into miic_exchange_suspension (request_id, reason, note, suspended_at, suspended_by) values (?, ?, ?, ?, ?)",
        requestId, reason.name(), note, Db.ts(at), by);
  }

  int resume(long requestId, Suspension.Reason reason, Instant at, String by) {
    return jdbc.update("update miic_exchange_suspension set resumed_at = ?, resumed_by = ? where request_id = ? and reason = ? "
        + "and resumed_at is null", Db.ts(at), by, requestId, reason.name());
  }

  void insertChange(long exchangeId, long changeRequestId, String requestType, String phases, Instant liveAt, Instant recordedAt) {
    // Recorded once per change request: a retried job finds it there.
    Integer n = jdbc.queryForObject("select count(*) from miic_exchange_change where change_request_id = ?", Integer.class, changeRequestId);
    if (n != null && n > 0) {
      return;
    }
    jdbc.update("insert into miic_exchange_change (exchange_id, change_request_id, request_type, phases, live_at, recorded_at) "
        + "values (?, ?, ?, ?, ?, ?)", exchangeId, changeRequestId, requestType, phases, Db.ts(liveAt), Db.ts(recordedAt));
  }

  List<ExchangeChange> changes(long exchangeId) {
    return jdbc.query("select c.*, r.tracking_id from miic_exchange_change c join miic_request r on r.id = c.change_request_id "
        + "where c.exchange_id = ? order by c.live_at, c.id", (rs, i) -> new ExchangeChange(rs.getLong("id"), rs.getLong("exchange_id"),
        rs.getLong("change_request_id"), rs.getString("tracking_id"), rs.getString("request_type"), rs.getString("phases"),
        Db.instant(rs, "live_at"), Db.instant(rs, "recorded_at")), exchangeId);
  }

  /** The change requests linked to an exchange that are still open (not yet live, not withdrawn). */
  List<String> openChangeTrackingIds(long exchangeId) {
    return jdbc.queryForList("select tracking_id from miic_request where change_of_request_id = ? and coalesce(stage, '') not in "
        + "('WITHDRAWN', 'ENDED', 'CHANGE_LIVE') order by id", String.class, exchangeId);
  }
}
