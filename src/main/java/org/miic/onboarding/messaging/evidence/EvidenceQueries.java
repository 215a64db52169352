package org.miic.onboarding.messaging.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.miic.onboarding.common.Db;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * A request's messages as staff and the organization read them, aggregated in SQL with limits: counts per phase and
 * acknowledgement, findings grouped by rule, the latest messages for the go-live criteria, pages of messages. Nothing
 * here reads every message or finding of a request into memory.
 */
@Repository
public class EvidenceQueries {

  /** The phases of testing before go-live (the go-live criteria and the step-3 evidence look at these). */
  public static final Set<TestingPhase> TESTING = EnumSet.of(TestingPhase.QUEUE, TestingPhase.TRANSPORT, TestingPhase.FORMAT,
      TestingPhase.CONTENT, TestingPhase.QUERY);
  /** Production traffic (step 4). */
  public static final Set<TestingPhase> PRODUCTION = EnumSet.of(TestingPhase.PRODUCTION);
  /** Everything sent with test credentials, before and after go-live. */
  public static final Set<TestingPhase> ALL_TEST = EnumSet.of(TestingPhase.QUEUE, TestingPhase.TRANSPORT, TestingPhase.FORMAT,
      TestingPhase.CONTENT, TestingPhase.QUERY, TestingPhase.TEST_AFTER_GO_LIVE);

  /** Messages of one phase by acknowledgement. */
  public record PhaseCount(TestingPhase phase, int total, int accepted, int withErrors, int rejected, Instant first, Instant latest) {}

  /** One rule's findings: how often, in how many messages, and one example. */
  public record RuleCount(String rule, String severity, int count, int messages, String exampleLocation, String exampleText,
      long exampleMessageId) {}

  /** One message with its acknowledgement and its findings (at most {@code MAX_FINDINGS} of them), for its own page. */
  public record MessageDetail(TestMessage message, String ack, int findingCount) {}

  public static final int MAX_FINDINGS = 1000;

  private static final String MESSAGE_COLUMNS = "m.id, m.organization_id, m.request_id, m.phase, m.channel, m.received_at, m.message_type, "
      + "m.control_id, m.ack_code, m.error_count, m.warning_count, m.scenarios";

  private final JdbcTemplate jdbc;

  public EvidenceQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<PhaseCount> phaseCounts(long requestId) {
    Map<TestingPhase, int[]> counts = new java.util.EnumMap<>(TestingPhase.class);
    Map<TestingPhase, Instant> first = new java.util.EnumMap<>(TestingPhase.class);
    Map<TestingPhase, Instant> latest = new java.util.EnumMap<>(TestingPhase.class);
    jdbc.query("select phase, ack_code, count(*) as n, min(received_at) as first, max(received_at) as latest from miic_test_message "
        + "where request_id = ? "
        + "group by phase, ack_code", rs -> {
          TestingPhase phase = TestingPhase.valueOf(rs.getString("phase"));
          int[] c = counts.computeIfAbsent(phase, p -> new int[4]);
          int n = rs.getInt("n");
          c[0] += n;
          switch (rs.getString("ack_code")) {
            case "AA" -> c[1] += n;
            case "AE" -> c[2] += n;
            default -> c[3] += n;
          }
          latest.merge(phase, Db.instant(rs, "latest"), (a, b) -> a.isAfter(b) ? a : b);
          first.merge(phase, Db.instant(rs, "first"), (a, b) -> a.isBefore(b) ? a : b);
        }, requestId);
    List<PhaseCount> out = new ArrayList<>();
    counts.forEach((phase, c) -> out.add(new PhaseCount(phase, c[0], c[1], c[2], c[3], first.get(phase), latest.get(phase))));
    return out;
  }

  public int count(long requestId, Collection<TestingPhase> phases) {
    Integer n = jdbc.queryForObject("select count(*) from miic_test_message where request_id = ? and phase in (" + in(phases) + ")",
        Integer.class, requestId);
    return n == null ? 0 : n;
  }

  /** How many of the latest messages the findings are grouped over: enough to show what to fix, bounded per request. */
  public static final int FINDINGS_WINDOW = 2000;

  /**
   * Findings of the request's latest {@link #FINDINGS_WINDOW} messages in these phases, grouped by rule: errors first,
   * then the most frequent.
   */
  public List<RuleCount> findingsByRule(long requestId, Collection<TestingPhase> phases, int limit) {
    record Group(String rule, String severity, int count, int messages, long exampleFindingId) {}
    List<Group> groups = jdbc.query("select f.rule, f.severity, count(*) as n, count(distinct f.message_id) as messages, "
            + "min(f.id) as example from miic_test_finding f join (select id from miic_test_message where request_id = ? "
            + "and phase in (" + in(phases) + ") order by received_at desc, id desc fetch first " + FINDINGS_WINDOW + " rows only) m "
            + "on m.id = f.message_id group by f.rule, f.severity "
            + "order by case f.severity when 'ERROR' then 0 when 'WARNING' then 1 else 2 end, n desc, f.rule "
            + "fetch first " + Math.max(1, limit) + " rows only",
        (rs, i) -> new Group(rs.getString("rule"), rs.getString("severity"), rs.getInt("n"), rs.getInt("messages"), rs.getLong("example")),
        requestId);
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<Long, String[]> examples = new HashMap<>();
    jdbc.query("select id, message_id, location, text from miic_test_finding where id in ("
        + groups.stream().map(g -> Long.toString(g.exampleFindingId())).collect(Collectors.joining(",")) + ")", rs -> {
          examples.put(rs.getLong("id"), new String[] {rs.getString("location"), rs.getString("text"), Long.toString(rs.getLong("message_id"))});
        });
    return groups.stream().map(g -> {
      String[] e = examples.getOrDefault(g.exampleFindingId(), new String[] {"", "", "0"});
      return new RuleCount(g.rule(), g.severity(), g.count(), g.messages(), e[0], e[1], Long.parseLong(e[2]));
    }).toList();
  }

  /** The newest messages of these phases, newest first, each with its ERROR findings (what the go-live criteria read). */
  public List<TestMessage> latest(long requestId, Collection<TestingPhase> phases, int limit) {
    List<TestMessage> messages = page(requestId, phases, 0, limit);
    if (messages.isEmpty()) {
      return messages;
    }
    Map<Long, List<TestMessage.StoredFinding>> errors = new HashMap<>();
    jdbc.query("select message_id, rule, severity, location, hl7_error_code, text from miic_test_finding where severity = 'ERROR' "
        + "and message_id in (" + messages.stream().map(m -> Long.toString(m.id())).collect(Collectors.joining(",")) + ")", rs -> {
          errors.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>()).add(finding(rs));
        });
    return messages.stream().map(m -> withFindings(m, errors.getOrDefault(m.id(), List.of()))).toList();
  }

  /** One page of the request's messages in these phases, newest first, without their findings. */
  public List<TestMessage> page(long requestId, Collection<TestingPhase> phases, int offset, int limit) {
    return jdbc.query("select " + MESSAGE_COLUMNS + " from miic_test_message m where m.request_id = ? and m.phase in (" + in(phases)
            + ") order by m.received_at desc, m.id desc offset ? rows fetch next ? rows only",
        MESSAGE, requestId, Math.max(0, offset), Math.max(1, limit));
  }

  /** The request's newest message, if any. */
  public Optional<TestMessage> newest(long requestId) {
    return jdbc.query("select " + MESSAGE_COLUMNS + " from miic_test_message m where m.request_id = ? "
        + "order by m.received_at desc, m.id desc fetch first 1 rows only", MESSAGE, requestId).stream().findFirst();
  }

  /** One message of the request with its acknowledgement and findings. */
  public Optional<MessageDetail> message(long requestId, long messageId) {
    Optional<TestMessage> found = jdbc.query("select " + MESSAGE_COLUMNS + " from miic_test_message m where m.id = ? and m.request_id = ?",
        MESSAGE, messageId, requestId).stream().findFirst();
    return found.map(m -> {
      List<TestMessage.StoredFinding> findings = jdbc.query("select rule, severity, location, hl7_error_code, text from miic_test_finding "
              + "where message_id = ? order by case severity when 'ERROR' then 0 when 'WARNING' then 1 else 2 end, id "
              + "fetch first " + MAX_FINDINGS + " rows only", (rs, i) -> finding(rs), messageId);
      Integer total = jdbc.queryForObject("select count(*) from miic_test_finding where message_id = ?", Integer.class, messageId);
      String ack = jdbc.queryForObject("select ack from miic_test_message where id = ?", String.class, messageId);
      return new MessageDetail(withFindings(m, findings), ack, total == null ? 0 : total);
    });
  }

  private static TestMessage withFindings(TestMessage m, List<TestMessage.StoredFinding> findings) {
    return new TestMessage(m.id(), m.organizationId(), m.requestId(), m.phase(), m.channel(), m.receivedAt(), m.messageType(),
        m.controlId(), m.ackCode(), m.errorCount(), m.warningCount(), m.scenarios(), findings);
  }

  private static TestMessage.StoredFinding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TestMessage.StoredFinding(rs.getString("rule"), rs.getString("severity"), rs.getString("location"),
        rs.getString("hl7_error_code"), rs.getString("text"));
  }

  private static final RowMapper<TestMessage> MESSAGE = (rs, i) -> new TestMessage(rs.getLong("id"), rs.getLong("organization_id"),
      rs.getObject("request_id", Long.class), TestingPhase.valueOf(rs.getString("phase")), rs.getString("channel"),
      Db.instant(rs, "received_at"), rs.getString("message_type"), rs.getString("control_id"), rs.getString("ack_code"),
      rs.getInt("error_count"), rs.getInt("warning_count"), scenarios(rs.getString("scenarios")), List.of());

  static Set<Scenario> scenarios(String csv) {
    Set<Scenario> set = EnumSet.noneOf(Scenario.class);
    if (csv != null && !csv.isBlank()) {
      Arrays.stream(csv.split(",")).map(Scenario::valueOf).forEach(set::add);
    }
    return set;
  }

  /** An IN list of phase names: enum constants only, never user input. */
  private static String in(Collection<TestingPhase> phases) {
    if (phases.isEmpty()) {
      return "''";
    }
    return phases.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(","));
  }

  /**
   * Which of the wanted scenarios the request's messages of these phases exercised: a scan of the (few) messages
   * carrying one of them, bounded.
   */
  public Set<Scenario> scenariosSeen(long requestId, Set<TestingPhase> phases, Set<Scenario> wanted) {
    Set<Scenario> seen = EnumSet.noneOf(Scenario.class);
    String in = String.join(",", java.util.Collections.nCopies(phases.size(), "?"));
    List<Object> args = new java.util.ArrayList<>();
    args.add(requestId);
    phases.forEach(p -> args.add(p.name()));
    StringBuilder like = new StringBuilder();
    for (Scenario s : wanted) {
      like.append(like.isEmpty() ? "" : " or ").append("scenarios like ?");
      args.add("%" + s.name() + "%");
    }
    jdbc.query("select scenarios from miic_test_message where request_id = ? and phase in (" + in + ") and (" + like
        + ") fetch first 1000 rows only", rs -> {
          seen.addAll(scenarios(rs.getString("scenarios")));
        }, args.toArray());
    seen.retainAll(wanted);
    return seen;
  }
}
