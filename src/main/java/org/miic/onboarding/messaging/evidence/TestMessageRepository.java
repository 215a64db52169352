package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Finding;
import org.miic.onboarding.messaging.validation.Severity;
import org.miic.onboarding.messaging.validation.ValidationResult;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.miic.onboarding.common.Db;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

@Repository
public class TestMessageRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  /** The message and ACK columns hold a million characters; the intake takes at most a million bytes. */
  static final int MAX_STORED_TEXT = 1_000_000;

  public TestMessageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("miic_test_message").usingGeneratedKeyColumns("id")
        .usingColumns("organization_id", "request_id", "credential_id", "phase", "channel", "received_at", "message_type", "control_id",
            "ack_code", "error_count", "warning_count", "scenarios", "message", "ack");
  }

  public long insert(ExchangeCredential credential, TestingPhase phase, String channel, Instant at, ValidationResult result,
      Set<Scenario> scenarios, String message, String ack) {
    Map<String, Object> row = new HashMap<>();
    row.put("organization_id", credential.organizationId());
    row.put("request_id", credential.requestId());
    row.put("credential_id", credential.id());
    row.put("phase", phase.name());
    row.put("channel", channel);
    row.put("received_at", Db.ts(at));
    row.put("message_type", truncate(result.messageType().isEmpty() ? "?" : result.messageType(), 10));
    row.put("control_id", truncate(result.controlId(), 200));
    row.put("ack_code", result.ackCode().name());
    row.put("error_count", (int) result.count(Severity.ERROR));
    row.put("warning_count", (int) result.count(Severity.WARNING));
    row.put("scenarios", scenarios.stream().map(Enum::name).collect(Collectors.joining(",")));
    row.put("message", truncate(message, MAX_STORED_TEXT));
    row.put("ack", truncate(ack, MAX_STORED_TEXT));
    long id = insert.executeAndReturnKey(row).longValue();
    // Every finding is stored, in batches (a message at the size limit can have thousands; the ACK lists at most 100).
    List<Object[]> rows = new java.util.ArrayList<>(result.findings().size());
    for (Finding f : result.findings()) {
      rows.add(new Object[] {id, truncate(f.rule(), 10), f.severity().name(), truncate(f.location().erl(), 80), truncate(f.hl7ErrorCode(), 5),
          f.applicationErrorCode() == null ? null : truncate(f.applicationErrorCode(), 5), truncate(f.message(), 1000)});
    }
    jdbc.batchUpdate("insert into miic_test_finding (message_id, rule, severity, location, hl7_error_code, application_error_code, text) "
        + "values (?, ?, ?, ?, ?, ?, ?)", rows);
    return id;
  }

  public int count(long requestId, TestingPhase phase) {
    Integer n = jdbc.queryForObject("select count(*) from miic_test_message where request_id = ? and phase = ?", Integer.class, requestId,
        phase.name());
    return n == null ? 0 : n;
  }

  /** The VXU messages an organization sent that were not rejected, newest first: its test patients. */
  public List<String> patientMessages(long organizationId) {
    return jdbc.queryForList("select message from miic_test_message where organization_id = ? and message_type = 'VXU' "
        + "and ack_code <> 'AR' order by received_at desc, id desc", String.class, organizationId);
  }

  private static String truncate(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() > max ? v.substring(0, max) : v;
  }
}
