package org.miic.onboarding.messaging.transport;

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
class CredentialRepository {

  private static final RowMapper<ExchangeCredential> MAPPER = (rs, i) -> new ExchangeCredential(
      rs.getLong("id"), rs.getLong("organization_id"), rs.getObject("request_id", Long.class),
      ExchangeCredential.Environment.valueOf(rs.getString("environment")), rs.getString("username"), rs.getString("facility_id"),
      rs.getString("password_hash"), rs.getString("reveal_token"), Db.instant(rs, "issued_at"), Db.instant(rs, "revealed_at"),
      Db.instant(rs, "revoked_at"), rs.getString("suspended_reason"));

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  CredentialRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("miic_exchange_credential").usingGeneratedKeyColumns("id")
        .usingColumns("organization_id", "request_id", "environment", "username", "facility_id", "reveal_token", "issued_at");
  }

  long insert(long organizationId, long requestId, ExchangeCredential.Environment environment, String username, String facilityId,
      String revealToken, Instant at) {
    Map<String, Object> row = new HashMap<>();
    row.put("organization_id", organizationId);
    row.put("request_id", requestId);
    row.put("environment", environment.name());
    row.put("username", username);
    row.put("facility_id", facilityId);
    row.put("reveal_token", revealToken);
    row.put("issued_at", Db.ts(at));
    return insert.executeAndReturnKey(row).longValue();
  }

  Optional<ExchangeCredential> byId(long id) {
    return jdbc.query("select * from miic_exchange_credential where id = ?", MAPPER, id).stream().findFirst();
  }

  Optional<ExchangeCredential> activeFor(long requestId, ExchangeCredential.Environment environment) {
    return jdbc.query("select * from miic_exchange_credential where request_id = ? and environment = ? and revoked_at is null order by id",
        MAPPER, requestId, environment.name()).stream().findFirst();
  }

  Optional<ExchangeCredential> byUsername(String username) {
    return jdbc.query("select * from miic_exchange_credential where username = ?", MAPPER, username).stream().findFirst();
  }

  Optional<ExchangeCredential> byRevealToken(String token) {
    return jdbc.query("select * from miic_exchange_credential where reveal_token = ?", MAPPER, token).stream().findFirst();
  }

  /** Sets the password once: false when someone revealed it first. */
  boolean reveal(long id, String passwordHash, Instant at) {
    return jdbc.update("update miic_exchange_credential set password_hash = ?, revealed_at = ? where id = ? and revealed_at is null",
        passwordHash, Db.ts(at), id) == 1;
  }

  /** Replaces a BCrypt hash of before with the keyed hash, unless it changed meanwhile. */
  void rehash(long id, String oldHash, String newHash) {
    jdbc.update("update miic_exchange_credential set password_hash = ? where id = ? and password_hash = ?", newHash, id, oldHash);
  }

  /** Whether the request's current worksheet lists the facility ID (compared in upper case, trimmed). */
  boolean worksheetListsFacility(long requestId, String facilityIdUpper) {
    Integer n = jdbc.queryForObject("select count(*) from miic_submitting_for f join miic_request r on r.current_worksheet_id = f.worksheet_id "
        + "where r.id = ? and upper(trim(f.facility_id)) = ?", Integer.class, requestId, facilityIdUpper);
    return n != null && n > 0;
  }

  void revoke(long id, Instant at) {
    jdbc.update("update miic_exchange_credential set revoked_at = ? where id = ? and revoked_at is null", Db.ts(at), id);
  }

  List<ExchangeCredential> forOrganization(long organizationId) {
    return jdbc.query("select * from miic_exchange_credential where organization_id = ? order by id", MAPPER, organizationId);
  }

  /** Sets (or, with null, clears) the suspension sentence on the request's active PRODUCTION credentials; their usernames. */
  List<String> setSuspended(long requestId, String reason) {
    List<String> usernames = jdbc.queryForList("select username from miic_exchange_credential where request_id = ? "
        + "and environment = 'PRODUCTION' and revoked_at is null", String.class, requestId);
    jdbc.update("update miic_exchange_credential set suspended_reason = ? where request_id = ? and environment = 'PRODUCTION' "
        + "and revoked_at is null", reason, requestId);
    return usernames;
  }
}
