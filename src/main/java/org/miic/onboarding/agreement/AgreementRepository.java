package org.miic.onboarding.agreement;

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
public class AgreementRepository {

  private static final RowMapper<UserAgreement> MAPPER = (rs, i) -> new UserAgreement(
      rs.getLong("id"), rs.getLong("organization_id"), rs.getString("signer_name"), rs.getString("signer_title"),
      rs.getString("signer_email"), Db.date(rs, "signed_on"), Db.date(rs, "expires_on"), Db.instant(rs, "recorded_at"),
      rs.getString("recorded_by"), Db.instant(rs, "lapsed_at"));

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public AgreementRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("miic_user_agreement").usingGeneratedKeyColumns("id")
        .usingColumns("organization_id", "signer_name", "signer_title", "signer_email", "signed_on", "expires_on",
            "recorded_at", "recorded_by");
  }

  public long insert(UserAgreement a) {
    Map<String, Object> row = new HashMap<>();
    row.put("organization_id", a.organizationId());
    row.put("signer_name", a.signerName());
    row.put("signer_title", a.signerTitle());
    row.put("signer_email", a.signerEmail());
    row.put("signed_on", a.signedOn());
    row.put("expires_on", a.expiresOn());
    row.put("recorded_at", Db.ts(a.recordedAt()));
    row.put("recorded_by", a.recordedBy());
    return insert.executeAndReturnKey(row).longValue();
  }

  public Optional<UserAgreement> findById(long id) {
    return jdbc.query("select * from miic_user_agreement where id = ?", MAPPER, id).stream().findFirst();
  }

  /** The agreement that runs longest: the one that decides whether the organization is covered. */
  public Optional<UserAgreement> latest(long organizationId) {
    return jdbc.query("select * from miic_user_agreement where organization_id = ? order by expires_on desc, id desc",
        MAPPER, organizationId).stream().findFirst();
  }

  public List<UserAgreement> all(long organizationId) {
    return jdbc.query("select * from miic_user_agreement where organization_id = ? order by signed_on, id", MAPPER, organizationId);
  }

  public void markLapsed(long id, Instant at) {
    jdbc.update("update miic_user_agreement set lapsed_at = ? where id = ? and lapsed_at is null", Db.ts(at), id);
  }
}
