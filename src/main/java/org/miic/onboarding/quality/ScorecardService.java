package org.miic.onboarding.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes an exchange's scorecards from its production messages, keeps those of the periodic reviews, and draws the trend. */
@Service
public class ScorecardService {

  /** How many of the most frequent findings a scorecard names. */
  public static final int TOP_FINDINGS = 5;

  private final ScorecardRepository repository;
  private final WorksheetService worksheets;
  private final QualityThresholds thresholds;
  private final Clock clock;

  public ScorecardService(ScorecardRepository repository, WorksheetService worksheets, QualityThresholds thresholds, Clock clock) {
    this.repository = repository;
    this.worksheets = worksheets;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  /** A computed scorecard with the id it is stored under. */
  public record Stored(long id, Scorecard scorecard) {}

  public QualityThresholds thresholds() {
    return thresholds;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone()).toInstant();
  }

  /** The scorecard of a period, computed now from the stored messages (not stored). */
  public Scorecard compute(long requestId, Period period) {
    Instant from = startOf(period.start());
    Instant to = startOf(period.end());
    ScorecardRepository.Sums sums = repository.total(requestId, from, to, thresholds.lateReportingDays());
    Integer median = Scorecard.median(repository.delays(requestId, from, to));
    Period before = period.previous();
    long previous = repository.total(requestId, startOf(before.start()), from, thresholds.lateReportingDays()).administeredDoses();
    if (period.days() + 3 < before.days()) {
      // A period still running (the month so far) is compared with the same share of the period before, not all of it.
      previous = Math.round((double) previous * period.days() / before.days());
    }
    LocalDate asOf = period.end().isAfter(today()) ? today() : period.end();
    Integer daysSinceLast = repository.latestMessage(requestId, startOf(asOf.plusDays(1)))
        .map(at -> (int) ChronoUnit.DAYS.between(at.atZone(zone()).toLocalDate(), asOf)).orElse(null);
    Scorecard.Inputs in = inputs(sums, median, declared(requestId), previous > 0 ? previous : null, daysSinceLast,
        repository.topFindings(requestId, from, to, TOP_FINDINGS));
    return Scorecard.compute(period, in, thresholds);
  }

  /** The scorecard of the month before today's periodic review, stored. */
  @Transactional
  public Stored review(long requestId) {
    Scorecard scorecard = compute(requestId, Period.beforeReview(today()));
    return new Stored(repository.insert(requestId, scorecard, clock.instant()), scorecard);
  }

  public Optional<Scorecard> find(long scorecardId) {
    return repository.find(scorecardId, thresholds);
  }

  public Optional<Long> requestOf(long scorecardId) {
    return repository.requestOf(scorecardId);
  }

  /**
   * The score of each of the last {@code count} complete weeks or months (oldest first), from one query of daily
   * sums; periods before the exchange's first production message are left out.
   */
  public List<Scorecard> trend(long requestId, Period.Kind kind, int count) {
    Period current = kind == Period.Kind.WEEK ? Period.weekOf(today()) : Period.monthOf(today());
    List<Period> periods = new ArrayList<>();
    Period p = current.previous();
    for (int i = 0; i < count; i++) {
      periods.add(0, p);
      p = p.previous();
    }
    Period before = periods.get(0).previous();
    List<ScorecardRepository.Sums> days = repository.daily(requestId, startOf(before.start()), startOf(current.start()),
        thresholds.lateReportingDays());
    Integer declared = declared(requestId);
    List<Scorecard> out = new ArrayList<>();
    long previousDoses = sum(days, before).administeredDoses();
    boolean started = previousDoses > 0;
    for (Period period : periods) {
      ScorecardRepository.Sums sums = sum(days, period);
      started |= sums.messages() > 0;
      if (started) {
        LocalDate last = days.stream().filter(d -> period.contains(d.day()) && d.messages() > 0).map(ScorecardRepository.Sums::day)
            .reduce((a, b) -> b).orElse(null);
        Integer since = last == null ? null : (int) ChronoUnit.DAYS.between(last, period.end().minusDays(1));
        out.add(Scorecard.compute(period, inputs(sums, null, declared, previousDoses > 0 ? previousDoses : null, since, List.of()),
            thresholds));
      }
      previousDoses = sums.administeredDoses();
    }
    return out;
  }

  /** The stored scorecards of the latest periodic reviews, oldest first. */
  public List<Scorecard> reviews(long requestId, int limit) {
    return repository.reviews(requestId, limit, thresholds);
  }

  private static ScorecardRepository.Sums sum(List<ScorecardRepository.Sums> days, Period period) {
    ScorecardRepository.Sums total = ScorecardRepository.Sums.ZERO;
    for (ScorecardRepository.Sums d : days) {
      if (period.contains(d.day())) {
        total = total.plus(d);
      }
    }
    return total;
  }

  private Integer declared(long requestId) {
    try {
      int perYear = worksheets.currentWorksheet(requestId).immunizationsPerYear();
      return perYear > 0 ? perYear : null;
    } catch (org.miic.onboarding.common.NotFoundException e) {
      return null;
    }
  }

  private static Scorecard.Inputs inputs(ScorecardRepository.Sums s, Integer median, Integer declared, Long previous, Integer since,
      List<Scorecard.TopFinding> top) {
    return new Scorecard.Inputs(s.messages(), s.accepted(), s.acceptedWithErrors(), s.rejected(), s.errorFree(), s.expectedFields(),
        s.presentFields(), s.administeredDoses(), s.timedMessages(), s.timelyMessages(), median, declared, previous, since, top);
  }
}
