package org.miic.onboarding.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.miic.onboarding.agreement.AgreementStatus;
import org.miic.onboarding.common.Db;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Staff's list of requests: search by organization or facility name, facility ID, tracking id or contact email; filter by
 * stage or step, request type and agreement state; sorted and paginated in the database (one query for the page, one
 * for the count), so it stays fast with thousands of requests.
 */
@Repository
public class RequestSearch {

  /** What staff asked for. {@code stage} is a stage name, or "step:N" for every stage of step N; null for all. */
  public record Criteria(String text, String stage, RequestType requestType, AgreementStatus.State agreement, Sort sort, boolean descending,
      int page, int size) {

    public Criteria {
      page = Math.max(0, page);
      size = Math.max(1, Math.min(size, 200));
      sort = sort == null ? Sort.DAYS_IN_STAGE : sort;
    }
  }

  /** The columns staff can sort by. */
  public enum Sort {
    ORGANIZATION("lower(o.name)"),
    SUBMITTED("r.submitted_at"),
    STAGE("r.stage"),
    /** Longest in its stage first when descending. */
    DAYS_IN_STAGE("r.stage_since"),
    AGREEMENT_EXPIRES("a.expires_on");

    private final String column;

    Sort(String column) {
      this.column = column;
    }

    public static Sort parse(String name) {
      for (Sort s : values()) {
        if (s.name().equalsIgnoreCase(name)) {
          return s;
        }
      }
      return DAYS_IN_STAGE;
    }
  }

  /** One row of the list. */
  public record Row(long requestId, String trackingId, long organizationId, String organizationName, RequestType requestType,
      RequestStage stage, Instant stageSince, Instant submittedAt, LocalDate agreementExpiresOn) {}

  public record Result(List<Row> rows, int total, int page, int size) {

    public int pages() {
      return Math.max(1, (total + size - 1) / size);
    }
  }

  private final JdbcTemplate jdbc;

  public RequestSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Result search(Criteria c, LocalDate today, int expiringWithinDays) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (c.text() != null && !c.text().isBlank()) {
      String text = c.text().trim().toLowerCase(Locale.ROOT);
      String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" and (lower(o.name) like ? escape '\\' or r.tracking_id = ? or lower(w.primary_email) like ? escape '\\'"
          + " or lower(w.technical_email) like ? escape '\\' or lower(w.representative_email) like ? escape '\\'"
          + " or exists (select 1 from miic_submitting_for f where f.worksheet_id = r.current_worksheet_id"
          + " and (lower(f.name) like ? escape '\\' or lower(f.facility_id) like ? escape '\\')))");
      args.addAll(List.of(like, text, like, like, like, like, like));
    }
    if (c.stage() != null && !c.stage().isBlank()) {
      List<RequestStage> stages = stages(c.stage());
      if (!stages.isEmpty()) {
        where.append(" and r.stage in (").append(String.join(",", stages.stream().map(s -> "'" + s.name() + "'").toList())).append(")");
      }
    }
    if (c.requestType() != null) {
      where.append(" and w.request_type = ?");
      args.add(c.requestType().name());
    }
    if (c.agreement() != null) {
      switch (c.agreement()) {
        case NONE -> where.append(" and a.expires_on is null");
        case LAPSED -> {
          where.append(" and a.expires_on <= ?");
          args.add(today);
        }
        case EXPIRING_SOON -> {
          where.append(" and a.expires_on > ? and a.expires_on <= ?");
          args.add(today);
          args.add(today.plusDays(expiringWithinDays));
        }
        case CURRENT -> {
          where.append(" and a.expires_on > ?");
          args.add(today.plusDays(expiringWithinDays));
        }
      }
    }
    String from = " from miic_request r join miic_organization o on o.id = r.organization_id"
        + " left join miic_worksheet w on w.id = r.current_worksheet_id"
        + " left join (select organization_id, max(expires_on) as expires_on from miic_user_agreement group by organization_id) a"
        + " on a.organization_id = r.organization_id";
    Integer total = jdbc.queryForObject("select count(*)" + from + where, Integer.class, args.toArray());
    String direction = c.descending() ? " desc" : " asc";
    // Nulls (no stage yet, no agreement) sort last either way.
    String order = " order by case when " + c.sort().column + " is null then 1 else 0 end, " + c.sort().column + direction
        + ", r.id" + direction;
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(c.page() * c.size());
    pageArgs.add(c.size());
    List<Row> rows = jdbc.query("select r.id, r.tracking_id, r.organization_id, o.name as organization_name, w.request_type, r.stage, "
            + "r.stage_since, r.submitted_at, a.expires_on" + from + where + order + " offset ? rows fetch next ? rows only",
        (rs, i) -> new Row(rs.getLong("id"), rs.getString("tracking_id"), rs.getLong("organization_id"), rs.getString("organization_name"),
            rs.getString("request_type") == null ? null : RequestType.valueOf(rs.getString("request_type")),
            RequestStage.parse(rs.getString("stage")).orElse(null), Db.instant(rs, "stage_since"), Db.instant(rs, "submitted_at"),
            Db.date(rs, "expires_on")),
        pageArgs.toArray());
    return new Result(rows, total == null ? 0 : total, c.page(), c.size());
  }

  /** Requests per stage, for the list's filter and the metrics' overview. */
  public Map<RequestStage, Integer> countsByStage() {
    Map<RequestStage, Integer> counts = new java.util.EnumMap<>(RequestStage.class);
    jdbc.query("select stage, count(*) as n from miic_request where stage is not null group by stage",
        rs -> {
          int n = rs.getInt("n");
          RequestStage.parse(rs.getString("stage")).ifPresent(s -> counts.put(s, n));
        });
    return counts;
  }

  static List<RequestStage> stages(String filter) {
    if (filter.startsWith("step:")) {
      String step = filter.substring(5);
      return java.util.Arrays.stream(RequestStage.values()).filter(s -> step.equals(String.valueOf(s.step().number()))).toList();
    }
    return RequestStage.parse(filter).map(List::of).orElse(List.of());
  }
}
