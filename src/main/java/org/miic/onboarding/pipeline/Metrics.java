package org.miic.onboarding.pipeline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The onboarding measures AIRA recommends an IIS track, computed in plain Java from the stage history and the
 * requests: how long organizations wait in the queue and spend in each testing phase (median and 90th percentile),
 * worksheet to go-live, correction rounds, the backlog week by week, go-lives per month. Percentiles interpolate
 * linearly between the closest ranks (as spreadsheets' PERCENTILE.INC does).
 */
public final class Metrics {

  /** What the metrics need of each request. */
  public record RequestFacts(long requestId, String trackingId, String organizationName, String requestType, RequestStage stage,
      Instant submittedAt, Instant goLiveAt, int correctionRounds) {}

  /** One measure over the requests that completed it: how many, the median and the 90th percentile, in days. */
  public record DurationStat(String measure, int count, Double medianDays, Double p90Days) {}

  /** A value per period (a week or a month), for the charts. */
  public record Point(String label, LocalDate start, int value) {}

  /** Per request, the days it spent in each measure (null where it has not completed it), for the CSV export. */
  public record RequestDurations(RequestFacts request, Map<String, Double> days) {}

  public static final String QUEUE = "Waiting in the queue";
  public static final String WORKSHEET_TO_GO_LIVE = "Worksheet to go-live";

  /** The measures in the order staff read them: the queue, each testing phase, then the whole way. */
  public static List<String> measures() {
    List<String> m = new ArrayList<>();
    m.add(QUEUE);
    RequestStage.TESTING.forEach(s -> m.add(s.label()));
    m.add(WORKSHEET_TO_GO_LIVE);
    return m;
  }

  private final List<RequestDurations> perRequest;
  private final List<DurationStat> durations;
  private final List<Point> backlog;
  private final List<Point> goLives;
  private final Map<Integer, Integer> correctionRounds;
  private final Double medianCorrectionRounds;
  private final int waitingNow;

  private Metrics(List<RequestDurations> perRequest, List<DurationStat> durations, List<Point> backlog, List<Point> goLives,
      Map<Integer, Integer> correctionRounds, Double medianCorrectionRounds, int waitingNow) {
    this.perRequest = perRequest;
    this.durations = durations;
    this.backlog = backlog;
    this.goLives = goLives;
    this.correctionRounds = correctionRounds;
    this.medianCorrectionRounds = medianCorrectionRounds;
    this.waitingNow = waitingNow;
  }

  /**
   * Computes the metrics.
   *
   * @param stays every stay in the queue and the testing stages
   * @param weeks how many weeks of backlog to show (the last one is the current week)
   * @param months how many months of go-lives to show (the last one is the current month)
   */
  public static Metrics compute(List<RequestFacts> requests, List<StageRepository.Stay> stays, Instant now, ZoneId zone, int weeks,
      int months) {
    Map<Long, Map<RequestStage, Double>> stageDays = new HashMap<>();
    Map<Long, Map<RequestStage, Boolean>> stageOpen = new HashMap<>();
    for (StageRepository.Stay s : stays) {
      if (s.stage() == null) {
        continue;
      }
      Instant end = s.leftAt() == null ? now : s.leftAt();
      stageDays.computeIfAbsent(s.requestId(), k -> new EnumMap<>(RequestStage.class)).merge(s.stage(), days(s.enteredAt(), end), Double::sum);
      if (s.leftAt() == null) {
        stageOpen.computeIfAbsent(s.requestId(), k -> new EnumMap<>(RequestStage.class)).put(s.stage(), true);
      }
    }
    List<RequestDurations> perRequest = new ArrayList<>();
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    measures().forEach(m -> samples.put(m, new ArrayList<>()));
    for (RequestFacts r : requests) {
      Map<String, Double> days = new LinkedHashMap<>();
      Map<RequestStage, Double> byStage = stageDays.getOrDefault(r.requestId(), Map.of());
      Map<RequestStage, Boolean> open = stageOpen.getOrDefault(r.requestId(), Map.of());
      putCompleted(days, samples, QUEUE, byStage.get(RequestStage.QUEUED), open.containsKey(RequestStage.QUEUED));
      for (RequestStage s : RequestStage.TESTING) {
        putCompleted(days, samples, s.label(), byStage.get(s), open.containsKey(s));
      }
      Double whole = r.goLiveAt() == null ? null : days(r.submittedAt(), r.goLiveAt());
      putCompleted(days, samples, WORKSHEET_TO_GO_LIVE, whole, false);
      perRequest.add(new RequestDurations(r, days));
    }
    List<DurationStat> durations = new ArrayList<>();
    samples.forEach((measure, values) -> durations.add(new DurationStat(measure, values.size(), percentile(values, 50),
        percentile(values, 90))));

    LocalDate today = LocalDate.ofInstant(now, zone);
    List<Point> backlog = new ArrayList<>();
    LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (int i = weeks - 1; i >= 0; i--) {
      LocalDate start = thisWeek.minusWeeks(i);
      // The backlog of a week: organizations waiting in the queue at its end (or now, for the current week).
      Instant at = i == 0 ? now : start.plusWeeks(1).atStartOfDay(zone).toInstant();
      int waiting = 0;
      for (StageRepository.Stay s : stays) {
        if (s.stage() == RequestStage.QUEUED && !s.enteredAt().isAfter(at) && (s.leftAt() == null || s.leftAt().isAfter(at))) {
          waiting++;
        }
      }
      backlog.add(new Point(start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US) + " "
          + start.getDayOfMonth(), start, waiting));
    }
    int waitingNow = backlog.isEmpty() ? 0 : backlog.get(backlog.size() - 1).value();

    List<Point> goLives = new ArrayList<>();
    YearMonth thisMonth = YearMonth.from(today);
    for (int i = months - 1; i >= 0; i--) {
      YearMonth month = thisMonth.minusMonths(i);
      int n = (int) requests.stream().filter(r -> r.goLiveAt() != null && YearMonth.from(LocalDate.ofInstant(r.goLiveAt(), zone)).equals(month))
          .count();
      goLives.add(new Point(month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US) + " " + month.getYear(),
          month.atDay(1), n));
    }

    // Correction rounds of the requests that went live: worksheet corrections asked for plus testing corrections.
    Map<Integer, Integer> rounds = new java.util.TreeMap<>();
    List<Double> roundSamples = new ArrayList<>();
    for (RequestFacts r : requests) {
      if (r.goLiveAt() != null) {
        rounds.merge(Math.min(r.correctionRounds(), 5), 1, Integer::sum);
        roundSamples.add((double) r.correctionRounds());
      }
    }
    return new Metrics(perRequest, durations, backlog, goLives, rounds, percentile(roundSamples, 50), waitingNow);
  }

  private static void putCompleted(Map<String, Double> days, Map<String, List<Double>> samples, String measure, Double value, boolean open) {
    if (value != null && !open) {
      days.put(measure, round(value));
      samples.get(measure).add(value);
    } else {
      days.put(measure, null);
    }
  }

  static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / (60.0 * 24.0);
  }

  /** The p-th percentile, interpolated linearly between the closest ranks; null without values. */
  static Double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    double rank = p / 100.0 * (sorted.size() - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    double value = sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (rank - lower);
    return round(value);
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }

  public List<DurationStat> durations() {
    return durations;
  }

  public Optional<DurationStat> duration(String measure) {
    return durations.stream().filter(d -> d.measure().equals(measure)).findFirst();
  }

  public List<Point> backlog() {
    return backlog;
  }

  public List<Point> goLives() {
    return goLives;
  }

  /** Requests that went live by correction rounds (5 stands for 5 or more). */
  public Map<Integer, Integer> correctionRounds() {
    return correctionRounds;
  }

  public Double medianCorrectionRounds() {
    return medianCorrectionRounds;
  }

  public int waitingNow() {
    return waitingNow;
  }

  public List<RequestDurations> perRequest() {
    return perRequest;
  }
}
