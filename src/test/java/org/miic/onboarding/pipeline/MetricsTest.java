package org.miic.onboarding.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics on hand-computed data: medians, 90th percentiles, backlog at each week's end, go-lives per month, rounds. */
class MetricsTest {

  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  /** Monday, March 2, 2026, noon in Minnesota. */
  private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");

  private static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  private static StageRepository.Stay stay(long request, RequestStage stage, double enteredDaysAgo, Double leftDaysAgo) {
    return new StageRepository.Stay(request, stage, daysAgo(enteredDaysAgo), leftDaysAgo == null ? null : daysAgo(leftDaysAgo));
  }

  @Test
  void percentilesInterpolateBetweenTheClosestRanks() {
    assertThat(Metrics.percentile(List.of(), 50)).isNull();
    assertThat(Metrics.percentile(List.of(7.0), 90)).isEqualTo(7.0);
    // 1, 2, 3, 4, 10: median 3; p90 at rank 3.6 -> 4 + 0.6 * (10 - 4) = 7.6
    assertThat(Metrics.percentile(List.of(10.0, 1.0, 3.0, 2.0, 4.0), 50)).isEqualTo(3.0);
    assertThat(Metrics.percentile(List.of(10.0, 1.0, 3.0, 2.0, 4.0), 90)).isEqualTo(7.6);
    // even count: median between the middle two
    assertThat(Metrics.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.5);
  }

  @Test
  void durationsCountOnlyCompletedStaysAndAddUpLoops() {
    List<Metrics.RequestFacts> requests = List.of(
        new Metrics.RequestFacts(1, "a", "A", "NEW_SUBMISSION", RequestStage.PRODUCTION, daysAgo(100), daysAgo(10), 2),
        new Metrics.RequestFacts(2, "b", "B", "NEW_SUBMISSION", RequestStage.FORMAT, daysAgo(60), null, 1),
        new Metrics.RequestFacts(3, "c", "C", "NEW_SUBMISSION", RequestStage.QUEUED, daysAgo(20), null, 0));
    List<StageRepository.Stay> stays = List.of(
        stay(1, RequestStage.QUEUED, 90, 60.0),      // 30 days in the queue
        stay(1, RequestStage.TRANSPORT, 60, 50.0),   // 10 days transport
        stay(1, RequestStage.FORMAT, 50, 45.0),      // format 5 days ...
        stay(1, RequestStage.TRANSPORT, 45, 44.0),   // ... (a loop back is summed: transport 11)
        stay(1, RequestStage.FORMAT, 44, 40.0),      // ... format 5 + 4 = 9
        stay(2, RequestStage.QUEUED, 50, 40.0),      // 10 days in the queue
        stay(2, RequestStage.TRANSPORT, 40, 30.0),   // 10 days transport
        stay(2, RequestStage.FORMAT, 30, null),      // still in format: not counted
        stay(3, RequestStage.QUEUED, 10, null));     // still waiting: not counted
    Metrics m = Metrics.compute(requests, stays, NOW, ZONE, 4, 3);

    assertThat(m.duration(Metrics.QUEUE).orElseThrow()).isEqualTo(new Metrics.DurationStat(Metrics.QUEUE, 2, 20.0, 28.0));
    assertThat(m.duration(RequestStage.TRANSPORT.label()).orElseThrow().medianDays()).isEqualTo(10.5);
    assertThat(m.duration(RequestStage.FORMAT.label()).orElseThrow()).isEqualTo(new Metrics.DurationStat(RequestStage.FORMAT.label(), 1, 9.0, 9.0));
    assertThat(m.duration(Metrics.WORKSHEET_TO_GO_LIVE).orElseThrow()).isEqualTo(new Metrics.DurationStat(Metrics.WORKSHEET_TO_GO_LIVE, 1, 90.0, 90.0));
    assertThat(m.duration(RequestStage.CONTENT.label()).orElseThrow().medianDays()).isNull();

    Metrics.RequestDurations b = m.perRequest().get(1);
    assertThat(b.days().get(Metrics.QUEUE)).isEqualTo(10.0);
    assertThat(b.days().get(RequestStage.FORMAT.label())).isNull();

    // Backlog at the end of each of the last 4 weeks (weeks start on Mondays; the current week counts now).
    assertThat(m.backlog()).extracting(Metrics.Point::value).containsExactly(0, 1, 1, 1);
    assertThat(m.backlog().get(3).start()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
    // Go-lives: request 1 went live 10 days ago, in February.
    assertThat(m.goLives()).extracting(Metrics.Point::label).containsExactly("Jan 2026", "Feb 2026", "Mar 2026");
    assertThat(m.goLives()).extracting(Metrics.Point::value).containsExactly(0, 1, 0);
    // Correction rounds of the requests that went live.
    assertThat(m.correctionRounds()).containsExactly(java.util.Map.entry(2, 1));
    assertThat(m.medianCorrectionRounds()).isEqualTo(2.0);
  }
}
