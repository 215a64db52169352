package org.miic.onboarding.quality;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.Db;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization answers MIIC's data-quality follow-up (step 4) on its data-quality page: what it changed or plans to
 * change. The answer is stored and wakes the waiting process, which gives it to staff in <em>Follow up on data quality</em>.
 * While the exchange is suspended for data quality an answer is stored for staff, who read it before resuming. An
 * answer that arrives when nothing waits for one is refused (409) and stored nowhere.
 */
@Service
public class QualityFollowUpService {

  public static final int MAX_TEXT = 4000;
  public static final int MAX_NAME = 200;

  private static final RowMapper<QualityResponse> MAPPER = (rs, i) -> new QualityResponse(rs.getLong("id"), rs.getLong("request_id"),
      rs.getString("answered_by"), rs.getString("text"), Db.instant(rs, "received_at"));

  private final JdbcTemplate jdbc;
  private final WorksheetService worksheets;
  private final FollowUpProcessPort process;
  private final Clock clock;

  public QualityFollowUpService(JdbcTemplate jdbc, WorksheetService worksheets, FollowUpProcessPort process, Clock clock) {
    this.jdbc = jdbc;
    this.worksheets = worksheets;
    this.process = process;
    this.clock = clock;
  }

  /** A refused answer: which field and why, in a sentence. */
  public static class InvalidAnswerException extends RuntimeException {
    private final String field;

    public InvalidAnswerException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public boolean awaitingAnswer(String trackingId) {
    return process.awaitingAnswer(trackingId);
  }

  /**
   * Whether an answer is taken now: while the follow-up waits for one, and while the exchange is suspended for data
   * quality (staff read it before they resume the exchange).
   */
  public boolean answerTaken(String trackingId) {
    return process.awaitingAnswer(trackingId) || suspendedForDataQuality(worksheets.request(trackingId).id());
  }

  private boolean suspendedForDataQuality(long requestId) {
    Integer n = jdbc.queryForObject("select count(*) from miic_exchange_suspension where request_id = ? and reason = 'DATA_QUALITY' "
        + "and resumed_at is null", Integer.class, requestId);
    return n != null && n > 0;
  }

  /** Stores the answer and delivers it to the waiting process, in one transaction: refused, nothing is kept. */
  @Transactional
  public QualityResponse answer(String trackingId, String answeredBy, String text) {
    OnboardingRequest request = worksheets.request(trackingId);
    String name = clean(answeredBy);
    String body = clean(text);
    if (name.isEmpty()) {
      throw new InvalidAnswerException("answeredBy", "Enter your name, so MIIC staff know whom to write back to.");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidAnswerException("answeredBy", "The name is longer than " + MAX_NAME + " characters.");
    }
    if (body.isEmpty()) {
      throw new InvalidAnswerException("text", "Say what your organization changed, or plans to change, about the issues MIIC listed.");
    }
    if (body.length() > MAX_TEXT) {
      throw new InvalidAnswerException("text", "The answer is longer than " + MAX_TEXT + " characters; shorten it or attach details "
          + "to an email to MIIC.");
    }
    boolean awaited = process.awaitingAnswer(trackingId);
    if (!awaited && !suspendedForDataQuality(request.id())) {
      throw new ConflictException("MIIC is not waiting for an answer on data quality for this exchange now.");
    }
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into miic_quality_response (request_id, answered_by, text, received_at) values (?, ?, ?, ?)",
          new String[] {"id"});
      ps.setLong(1, request.id());
      ps.setString(2, name);
      ps.setString(3, body);
      ps.setTimestamp(4, Db.ts(clock.instant()));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    if (awaited) {
      process.deliverAnswer(trackingId, id);
    }
    return latest(request.id()).orElseThrow();
  }

  public Optional<QualityResponse> latest(long requestId) {
    return jdbc.query("select * from miic_quality_response where request_id = ? order by received_at desc, id desc fetch first 1 rows only",
        MAPPER, requestId).stream().findFirst();
  }

  public Optional<QualityResponse> find(long responseId) {
    return jdbc.query("select * from miic_quality_response where id = ?", MAPPER, responseId).stream().findFirst();
  }

  public List<QualityResponse> all(long requestId) {
    return jdbc.query("select * from miic_quality_response where request_id = ? order by received_at, id", MAPPER, requestId);
  }

  /** Trimmed, with control characters other than line breaks and tabs removed. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
  }
}
