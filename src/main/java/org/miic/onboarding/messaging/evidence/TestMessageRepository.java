package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Finding;
import org.miic.onboarding.messaging.validation.Severity;
import org.miic.onboarding.messaging.validation.ValidationResult;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.quality.MessageMeasures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class TestMessageRepository {

  private final JdbcTemplate jdbc;
  private final MessageWriter writer;

  /** The message and ACK columns hold a million characters; the intake takes at most a million bytes. */
  static final int MAX_STORED_TEXT = 1_000_000;

  private final java.time.ZoneId zone;

  public TestMessageRepository(JdbcTemplate jdbc, MessageWriter writer, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.zone = clock.getZone();
  }

  /**
   * Stores a received message with every finding, through the batching {@link MessageWriter}: returns once it is
   * committed. {@code stored} (may be null) is published then, for what depends on the request's messages.
   */
  public long insert(ExchangeCredential credential, TestingPhase phase, String channel, Instant at, ValidationResult result,
      Set<Scenario> scenarios, String message, String ack, Object stored) {
    // Every finding is stored (a message at the size limit can have thousands; the ACK lists at most 100).
    List<MessageWriter.FindingRow> findings = new java.util.ArrayList<>(result.findings().size());
    for (Finding f : result.findings()) {
      findings.add(new MessageWriter.FindingRow(truncate(f.rule(), 10), f.severity().name(), truncate(f.location().erl(), 80),
          truncate(f.hl7ErrorCode(), 5), f.applicationErrorCode() == null ? null : truncate(f.applicationErrorCode(), 5),
          truncate(f.message(), 1000)));
    }
    java.time.LocalDate day = java.time.LocalDate.ofInstant(at, zone);
    // Measured once here, so that a scorecard sums columns (quality.ScorecardRepository) instead of reading messages again.
    MessageMeasures measures = MessageMeasures.of(result.messageType(), result.message(), day);
    return writer.store(new MessageWriter.Row(credential.organizationId(), credential.requestId(), credential.id(), phase.name(), channel, at,
        day, measures,
        truncate(result.messageType().isEmpty() ? "?" : result.messageType(), 10), truncate(result.controlId(), 200),
        result.ackCode().name(), (int) result.count(Severity.ERROR), (int) result.count(Severity.WARNING),
        scenarios.stream().map(Enum::name).collect(Collectors.joining(",")), truncate(message, MAX_STORED_TEXT), truncate(ack, MAX_STORED_TEXT),
        findings, stored));
  }

  public int count(long requestId, TestingPhase phase) {
    Integer n = jdbc.queryForObject("select count(*) from miic_test_message where request_id = ? and phase = ?", Integer.class, requestId,
        phase.name());
    return n == null ? 0 : n;
  }

  /** The VXU messages an organization sent that were not rejected, newest first: its test patients. */
  public List<String> patientMessages(long organizationId, boolean production) {
    // Test queries are answered from test messages and production queries from production messages, never across;
    // the newest PATIENT_MESSAGES only, so that a query's cost does not grow with everything ever sent.
    return jdbc.queryForList("select message from miic_test_message where organization_id = ? and message_type = 'VXU' "
        + "and ack_code <> 'AR' and phase " + (production ? "= 'PRODUCTION'" : "<> 'PRODUCTION'")
        + " order by received_at desc, id desc fetch first " + PATIENT_MESSAGES + " rows only", String.class, organizationId);
  }

  /** How many of an organization's newest VXU messages a query searches for its patient. */
  public static final int PATIENT_MESSAGES = 2_000;

  private static String truncate(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() > max ? v.substring(0, max) : v;
  }
}
