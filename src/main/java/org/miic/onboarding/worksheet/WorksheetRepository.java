package org.miic.onboarding.worksheet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.miic.onboarding.common.TransactionScopedCache;
import org.miic.onboarding.worksheet.WorksheetOptions.MessageFormat;
import org.miic.onboarding.worksheet.WorksheetOptions.OrganizationType;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.miic.onboarding.worksheet.WorksheetOptions.SubmissionMode;
import org.miic.onboarding.worksheet.WorksheetOptions.Transport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** Requests, worksheet versions, their facilities, completeness findings and staff reviews. */
@Repository
public class WorksheetRepository {

  private static final RowMapper<OnboardingRequest> REQUEST = (rs, i) -> new OnboardingRequest(
      rs.getLong("id"), rs.getString("tracking_id"), rs.getLong("organization_id"), rs.getString("organization_name"),
      Db.instant(rs, "submitted_at"));

  private static final String REQUEST_SELECT =
      "select r.*, o.name as organization_name from miic_request r join miic_organization o on o.id = r.organization_id ";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert requestInsert;
  private final SimpleJdbcInsert worksheetInsert;
  private final SimpleJdbcInsert findingInsert;
  private final SimpleJdbcInsert reviewInsert;
  private final TransactionScopedCache<Long, Optional<Worksheet>> current = new TransactionScopedCache<>();

  public WorksheetRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.requestInsert = new SimpleJdbcInsert(jdbc).withTableName("miic_request").usingGeneratedKeyColumns("id")
        .usingColumns("tracking_id", "organization_id", "submitted_at");
    this.worksheetInsert = new SimpleJdbcInsert(jdbc).withTableName("miic_worksheet").usingGeneratedKeyColumns("id")
        .usingColumns("request_id", "version", "submitted_at", "organization_name", "organization_type", "request_type",
            "mnvfc_pin", "immunizations_per_year", "ehr_vendor", "ehr_product", "ehr_version", "message_format",
            "message_format_other", "transport", "transport_other", "submission_mode", "receives_acks", "sends_queries",
            "primary_name", "primary_email", "primary_phone", "technical_name", "technical_email", "technical_phone",
            "representative_name", "representative_email", "representative_phone", "supplemental_materials", "notes");
    this.findingInsert = new SimpleJdbcInsert(jdbc).withTableName("miic_completeness_finding").usingGeneratedKeyColumns("id")
        .usingColumns("worksheet_id", "field", "message");
    this.reviewInsert = new SimpleJdbcInsert(jdbc).withTableName("miic_worksheet_review").usingGeneratedKeyColumns("id")
        .usingColumns("worksheet_id", "decision", "notes", "reviewed_by", "reviewed_at");
  }

  public long insertRequest(String trackingId, long organizationId, Instant submittedAt) {
    return requestInsert.executeAndReturnKey(Map.of(
        "tracking_id", trackingId, "organization_id", organizationId, "submitted_at", Db.ts(submittedAt))).longValue();
  }

  public Optional<OnboardingRequest> findRequest(String trackingId) {
    return jdbc.query(REQUEST_SELECT + "where r.tracking_id = ?", REQUEST, trackingId).stream().findFirst();
  }

  public Optional<OnboardingRequest> findRequest(long requestId) {
    return jdbc.query(REQUEST_SELECT + "where r.id = ?", REQUEST, requestId).stream().findFirst();
  }

  public List<OnboardingRequest> findRequestsOfOrganization(long organizationId) {
    return jdbc.query(REQUEST_SELECT + "where r.organization_id = ? order by r.submitted_at", REQUEST, organizationId);
  }

  public void recordGoLive(long requestId, Instant at) {
    jdbc.update("update miic_request set go_live_at = ? where id = ?", Db.ts(at), requestId);
  }
  /** When the request went live (production, or a change on its exchange); empty before. */
  public java.util.Optional<java.time.Instant> goLiveAt(long requestId) {
    return jdbc.query("select go_live_at from miic_request where id = ? and go_live_at is not null", (rs, i) -> Db.instant(rs, "go_live_at"),
        requestId).stream().findFirst();
  }


  public void recordExchangeEnded(long requestId, Instant at, String reason) {
    jdbc.update("update miic_request set exchange_ended_at = ?, exchange_end_reason = ? where id = ?", Db.ts(at), reason, requestId);
  }

  public long insertWorksheet(Worksheet w) {
    current.evict(w.requestId());
    Map<String, Object> row = new HashMap<>();
    row.put("request_id", w.requestId());
    row.put("version", w.version());
    row.put("submitted_at", Db.ts(w.submittedAt()));
    row.put("organization_name", w.organizationName());
    row.put("organization_type", w.organizationType().name());
    row.put("request_type", w.requestType().name());
    row.put("mnvfc_pin", w.mnvfcPin());
    row.put("immunizations_per_year", w.immunizationsPerYear());
    row.put("ehr_vendor", w.ehrVendor());
    row.put("ehr_product", w.ehrProduct());
    row.put("ehr_version", w.ehrVersion());
    row.put("message_format", w.messageFormat().name());
    row.put("message_format_other", w.messageFormatOther());
    row.put("transport", w.transport().name());
    row.put("transport_other", w.transportOther());
    row.put("submission_mode", w.submissionMode().name());
    row.put("receives_acks", w.receivesAcks());
    row.put("sends_queries", w.sendsQueries());
    row.put("primary_name", w.primary().name());
    row.put("primary_email", w.primary().email());
    row.put("primary_phone", w.primary().phone());
    row.put("technical_name", w.technical().name());
    row.put("technical_email", w.technical().email());
    row.put("technical_phone", w.technical().phone());
    row.put("representative_name", w.representative().name());
    row.put("representative_email", w.representative().email());
    row.put("representative_phone", w.representative().phone());
    row.put("supplemental_materials", w.supplementalMaterials());
    row.put("notes", w.notes());
    long id = worksheetInsert.executeAndReturnKey(row).longValue();
    jdbc.update("update miic_request set current_worksheet_id = ? where id = ?", id, w.requestId());
    int position = 0;
    for (Worksheet.SubmittingFor f : w.submittingFor()) {
      jdbc.update("insert into miic_submitting_for (worksheet_id, position, name, facility_id) values (?, ?, ?, ?)",
          id, position++, f.name(), f.facilityId());
    }
    return id;
  }

  /**
   * The current (highest) version of a request's worksheet. Read once per transaction: the steps of one engine
   * transaction (an intake's checks and emails, a review's scoring) each ask for it, and a version is never changed,
   * only a new one inserted (which this transaction then reads again).
   */
  public Optional<Worksheet> currentWorksheet(long requestId) {
    return current.get(requestId, id -> jdbc.query("select * from miic_worksheet where request_id = ? order by version desc "
        + "fetch first 1 rows only", this::mapWorksheet, id).stream().findFirst());
  }

  public List<Worksheet> allVersions(long requestId) {
    return jdbc.query("select * from miic_worksheet where request_id = ? order by version", this::mapWorksheet, requestId);
  }

  public void replaceFindings(long worksheetId, List<CompletenessFinding> findings) {
    jdbc.update("delete from miic_completeness_finding where worksheet_id = ?", worksheetId);
    for (CompletenessFinding f : findings) {
      findingInsert.execute(Map.of("worksheet_id", worksheetId, "field", f.field(), "message", f.message()));
    }
  }

  public List<CompletenessFinding> findings(long worksheetId) {
    return jdbc.query("select field, message from miic_completeness_finding where worksheet_id = ? order by id",
        (rs, i) -> new CompletenessFinding(rs.getString("field"), rs.getString("message")), worksheetId);
  }

  public void insertReview(WorksheetReview review) {
    Map<String, Object> row = new HashMap<>();
    row.put("worksheet_id", review.worksheetId());
    row.put("decision", review.decision());
    row.put("notes", review.notes());
    row.put("reviewed_by", review.reviewedBy());
    row.put("reviewed_at", Db.ts(review.reviewedAt()));
    reviewInsert.execute(row);
  }

  public Optional<WorksheetReview> latestReview(long requestId) {
    return jdbc.query("select v.* from miic_worksheet_review v join miic_worksheet w on w.id = v.worksheet_id "
            + "where w.request_id = ? order by v.reviewed_at desc, v.id desc",
        (rs, i) -> new WorksheetReview(rs.getLong("worksheet_id"), rs.getString("decision"), rs.getString("notes"),
            rs.getString("reviewed_by"), Db.instant(rs, "reviewed_at")), requestId).stream().findFirst();
  }

  private Worksheet mapWorksheet(ResultSet rs, int i) throws SQLException {
    long id = rs.getLong("id");
    List<Worksheet.SubmittingFor> facilities = jdbc.query(
        "select name, facility_id from miic_submitting_for where worksheet_id = ? order by position",
        (r, j) -> new Worksheet.SubmittingFor(r.getString("name"), r.getString("facility_id")), id);
    return new Worksheet(
        id,
        rs.getLong("request_id"),
        rs.getInt("version"),
        Db.instant(rs, "submitted_at"),
        rs.getString("organization_name"),
        OrganizationType.valueOf(rs.getString("organization_type")),
        RequestType.valueOf(rs.getString("request_type")),
        rs.getString("mnvfc_pin"),
        rs.getInt("immunizations_per_year"),
        rs.getString("ehr_vendor"),
        rs.getString("ehr_product"),
        rs.getString("ehr_version"),
        MessageFormat.valueOf(rs.getString("message_format")),
        rs.getString("message_format_other"),
        Transport.valueOf(rs.getString("transport")),
        rs.getString("transport_other"),
        SubmissionMode.valueOf(rs.getString("submission_mode")),
        rs.getBoolean("receives_acks"),
        rs.getBoolean("sends_queries"),
        new Worksheet.Person(rs.getString("primary_name"), rs.getString("primary_email"), rs.getString("primary_phone")),
        new Worksheet.Person(rs.getString("technical_name"), rs.getString("technical_email"), rs.getString("technical_phone")),
        new Worksheet.Person(rs.getString("representative_name"), rs.getString("representative_email"),
            rs.getString("representative_phone")),
        List.copyOf(facilities), // shared by the steps of a transaction (currentWorksheet): not to be changed
        rs.getString("supplemental_materials"),
        rs.getString("notes"));
  }
}
