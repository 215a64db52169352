package org.miic.onboarding.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The sums a scorecard needs, aggregated in SQL over a request's production messages (the rows carry the measures of
 * {@link MessageMeasures}); and the scorecards computed from them. Every read is bounded by the request and a time
 * range on the index of the message table ({@code ix_test_message_request}).
 */
@Repository
public class ScorecardRepository {

  /** The findings of at most this many messages of a period are grouped for its top findings (the newest). */
  static final int FINDINGS_WINDOW = 10_000;
  static final String PRODUCTION = "'PRODUCTION'";

  private final JdbcTemplate jdbc;

  public ScorecardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The sums of one day (or of any range), from which the scorecard of a week or month is added up. */
  public record Sums(LocalDate day, int messages, int accepted, int acceptedWithErrors, int rejected, int errorFree, long expectedFields,
      long presentFields, long administeredDoses, int timedMessages, int timelyMessages) {

    static final Sums ZERO = new Sums(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Sums plus(Sums o) {
      return new Sums(day, messages + o.messages, accepted + o.accepted, acceptedWithErrors + o.acceptedWithErrors, rejected + o.rejected,
          errorFree + o.errorFree, expectedFields + o.expectedFields, presentFields + o.presentFields,
          administeredDoses + o.administeredDoses, timedMessages + o.timedMessages, timelyMessages + o.timelyMessages);
    }
  }

  private static final String SUMS = "count(*) as messages, "
      + "coalesce(sum(case when ack_code = 'AA' then 1 else 0 end), 0) as accepted, "
      + "coalesce(sum(case when ack_code = 'AE' then 1 else 0 end), 0) as with_errors, "
      + "coalesce(sum(case when ack_code = 'AR' then 1 else 0 end), 0) as rejected, "
      + "coalesce(sum(case when error_count = 0 then 1 else 0 end), 0) as error_free, "
      + "coalesce(sum(expected_fields), 0) as expected_fields, coalesce(sum(present_fields), 0) as present_fields, "
      + "coalesce(sum(administered_doses), 0) as doses, count(report_delay_days) as timed, "
      + "coalesce(sum(case when report_delay_days <= ? then 1 else 0 end), 0) as timely ";

  /** The production sums per local day of receipt, for the days in [from, to). */
  public List<Sums> daily(long requestId, Instant from, Instant to, int lateReportingDays) {
    return jdbc.query("select received_day, " + SUMS + "from miic_test_message where request_id = ? and phase = " + PRODUCTION
        + " and received_at >= ? and received_at < ? group by received_day order by received_day",
        (rs, i) -> sums(rs, Db.date(rs, "received_day")), lateReportingDays, requestId, Db.ts(from), Db.ts(to));
  }

  /** The production sums of [from, to). */
  public Sums total(long requestId, Instant from, Instant to, int lateReportingDays) {
    return jdbc.queryForObject("select " + SUMS + "from miic_test_message where request_id = ? and phase = " + PRODUCTION
        + " and received_at >= ? and received_at < ?", (rs, i) -> sums(rs, null), lateReportingDays, requestId, Db.ts(from), Db.ts(to));
  }

  private static Sums sums(ResultSet rs, LocalDate day) throws SQLException {
    return new Sums(day, rs.getInt("messages"), rs.getInt("accepted"), rs.getInt("with_errors"), rs.getInt("rejected"),
        rs.getInt("error_free"), rs.getLong("expected_fields"), rs.getLong("present_fields"), rs.getLong("doses"), rs.getInt("timed"),
        rs.getInt("timely"));
  }

  /** Days from administration to receipt → messages, over [from, to): the median's histogram (at most a few hundred rows). */
  public Map<Integer, Integer> delays(long requestId, Instant from, Instant to) {
    Map<Integer, Integer> out = new HashMap<>();
    jdbc.query("select report_delay_days, count(*) as n from miic_test_message where request_id = ? and phase = " + PRODUCTION
        + " and received_at >= ? and received_at < ? and report_delay_days is not null group by report_delay_days",
        rs -> {
          out.put(rs.getInt("report_delay_days"), rs.getInt("n"));
        }, requestId, Db.ts(from), Db.ts(to));
    return out;
  }

  /** When the request's latest production message arrived (before {@code before}), if any did. */
  public Optional<Instant> latestMessage(long requestId, Instant before) {
    return jdbc.query("select received_at from miic_test_message where request_id = ? and phase = " + PRODUCTION
        + " and received_at < ? order by received_at desc fetch first 1 rows only", (rs, i) -> Db.instant(rs, "received_at"),
        requestId, Db.ts(before)).stream().findFirst();
  }

  /** The most frequent rules among the findings of the period's newest {@link #FINDINGS_WINDOW} messages, with an example text. */
  public List<Scorecard.TopFinding> topFindings(long requestId, Instant from, Instant to, int limit) {
    return jdbc.query("select f.rule, min(f.text) as example, count(*) as n from miic_test_finding f join (select id from miic_test_message "
        + "where request_id = ? and phase = " + PRODUCTION + " and received_at >= ? and received_at < ? "
        + "order by received_at desc fetch first " + FINDINGS_WINDOW + " rows only) m on m.id = f.message_id "
        + "group by f.rule order by n desc, f.rule fetch first " + Math.max(1, limit) + " rows only",
        (rs, i) -> new Scorecard.TopFinding(rs.getString("rule"), rs.getString("example"), rs.getInt("n")),
        requestId, Db.ts(from), Db.ts(to));
  }

  /** Stores a computed scorecard and returns its id. */
  public long insert(long requestId, Scorecard s, Instant computedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Scorecard.Inputs in = s.inputs();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into miic_scorecard (request_id, period_kind, period_start, period_end, computed_at, messages, "
          + "accepted, accepted_with_errors, rejected, error_free, expected_fields, present_fields, administered_doses, timed_messages, "
          + "timely_messages, median_delay_days, declared_per_year, expected_doses, reference_doses, days_since_last, score, band, within_thresholds, "
          + "breaches, top_findings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      int i = 1;
      ps.setLong(i++, requestId);
      ps.setString(i++, s.period().kind().name());
      ps.setObject(i++, s.period().start());
      ps.setObject(i++, s.period().end());
      ps.setTimestamp(i++, Db.ts(computedAt));
      ps.setInt(i++, in.messages());
      ps.setInt(i++, in.accepted());
      ps.setInt(i++, in.acceptedWithErrors());
      ps.setInt(i++, in.rejected());
      ps.setInt(i++, in.errorFree());
      ps.setLong(i++, in.expectedFields());
      ps.setLong(i++, in.presentFields());
      ps.setLong(i++, in.administeredDoses());
      ps.setInt(i++, in.timedMessages());
      ps.setInt(i++, in.timelyMessages());
      ps.setObject(i++, in.medianDelayDays(), java.sql.Types.INTEGER);
      ps.setObject(i++, in.declaredPerYear(), java.sql.Types.INTEGER);
      ps.setObject(i++, s.expectedDoses(), java.sql.Types.INTEGER);
      ps.setObject(i++, in.previousDoses() == null ? null : (int) Math.min(Integer.MAX_VALUE, in.previousDoses()), java.sql.Types.INTEGER);
      ps.setObject(i++, in.daysSinceLast(), java.sql.Types.INTEGER);
      ps.setInt(i++, s.score());
      ps.setString(i++, s.band().name());
      ps.setBoolean(i++, s.withinThresholds());
      ps.setString(i++, truncate(String.join("\n", s.breaches().stream().map(b -> b.kind() + "|" + b.text()).toList()), 2000));
      ps.setString(i++, truncate(String.join("\n", in.topFindings().stream()
          .map(f -> f.rule() + "|" + f.count() + "|" + f.label().replace('\n', ' ').replace('|', '/')).toList()), 2000));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<Scorecard> find(long id, QualityThresholds thresholds) {
    return jdbc.query("select * from miic_scorecard where id = ?", (rs, i) -> read(rs, thresholds), id).stream().findFirst();
  }

  /** The request's stored scorecards of the periodic reviews, oldest first, at most {@code limit} of the newest. */
  public List<Scorecard> reviews(long requestId, int limit, QualityThresholds thresholds) {
    List<Scorecard> newest = jdbc.query("select * from miic_scorecard where request_id = ? and period_kind = 'REVIEW' "
        + "order by computed_at desc, id desc fetch first " + Math.max(1, limit) + " rows only", (rs, i) -> read(rs, thresholds), requestId);
    List<Scorecard> out = new ArrayList<>(newest);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The request of a stored scorecard. */
  public Optional<Long> requestOf(long scorecardId) {
    return jdbc.query("select request_id from miic_scorecard where id = ?", (rs, i) -> rs.getLong(1), scorecardId).stream().findFirst();
  }

  /**
   * A stored scorecard as computed: the inputs are read back, and the verdict kept as stored (the breaches' sentences),
   * so that what an email said stays what the task and the report show.
   */
  private static Scorecard read(ResultSet rs, QualityThresholds thresholds) throws SQLException {
    Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), Db.date(rs, "period_start"), Db.date(rs, "period_end"));
    List<Scorecard.TopFinding> top = new ArrayList<>();
    for (String line : rs.getString("top_findings").split("\n")) {
      String[] parts = line.split("\\|", 3);
      if (parts.length == 3) {
        top.add(new Scorecard.TopFinding(parts[0], parts[2], Integer.parseInt(parts[1])));
      }
    }
    Integer expected = rs.getObject("expected_doses", Integer.class);
    Integer declared = rs.getObject("declared_per_year", Integer.class);
    Integer reference = rs.getObject("reference_doses", Integer.class);
    Scorecard.Inputs in = new Scorecard.Inputs(rs.getInt("messages"), rs.getInt("accepted"), rs.getInt("accepted_with_errors"),
        rs.getInt("rejected"), rs.getInt("error_free"), rs.getLong("expected_fields"), rs.getLong("present_fields"),
        rs.getLong("administered_doses"), rs.getInt("timed_messages"), rs.getInt("timely_messages"),
        rs.getObject("median_delay_days", Integer.class), declared, reference == null ? null : reference.longValue(),
        rs.getObject("days_since_last", Integer.class), top);
    Scorecard recomputed = Scorecard.compute(period, in, thresholds);
    List<Scorecard.Breach> breaches = new ArrayList<>();
    for (String line : rs.getString("breaches").split("\n")) {
      String[] parts = line.split("\\|", 2);
      if (parts.length == 2) {
        breaches.add(new Scorecard.Breach(Scorecard.Breach.Kind.valueOf(parts[0]), parts[1]));
      }
    }
    return new Scorecard(period, in, rs.getInt("score"), ScoreBand.valueOf(rs.getString("band")), recomputed.acceptanceShare(),
        recomputed.acceptedShare(), recomputed.acceptedWithErrorsShare(), recomputed.rejectedShare(), recomputed.validityShare(),
        recomputed.completenessShare(), recomputed.timelyShare(), recomputed.medianDelayDays(), expected, recomputed.volumeRatio(),
        recomputed.volumeDrop(), List.copyOf(breaches));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
