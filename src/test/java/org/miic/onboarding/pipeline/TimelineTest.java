package org.miic.onboarding.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant T0 = Instant.parse("2026-03-03T15:00:00Z");

  @Test
  void phasesTasksAndDecisionsNewestFirstWithWhoDecided() {
    List<ProcessHistoryPort.Activity> activities = List.of(
        new ProcessHistoryPort.Activity("Phase_ReviewAndQueue", "Step 2 – Review and queue", "subProcess", T0, T0.plusSeconds(300), false, null, null),
        new ProcessHistoryPort.Activity("Task_ReviewWorksheet", "Review worksheet", "userTask", T0.plusSeconds(1), T0.plusSeconds(100), false, "t1", "staff1"),
        new ProcessHistoryPort.Activity("Task_ReviewWorksheet", "Review worksheet", "userTask", T0.plusSeconds(200), T0.plusSeconds(250), true, "t2", null));
    List<StaffDecision> decisions = List.of(new StaffDecision(1, "t1", "Task_ReviewWorksheet", "Review worksheet", "incomplete",
        "Add the EHR version", "staff1", T0.plusSeconds(100)));
    List<Timeline.Event> events = Timeline.build(activities, decisions,
        List.of(new Timeline.Event(T0.plusSeconds(150), Timeline.Kind.EMAIL, "Email: information missing", "to a@b.example", "/staff/emails/1")));

    assertThat(events).extracting(Timeline.Event::title).containsExactly(
        "Left Step 2 – Review and queue",
        "Task closed without a decision: Review worksheet",
        "Task opened: Review worksheet",
        "Email: information missing",
        "Review worksheet: incomplete: the organization was asked for the missing information",
        "Task opened: Review worksheet",
        "Entered Step 2 – Review and queue");
    assertThat(events.get(4).detail()).isEqualTo("by staff1 — Add the EHR version");
    assertThat(Timeline.outcome(new StaffDecision(1, "t", "Task_CoordinateGoLive", "Coordinate go-live date", "2026-04-01", null, null, T0)))
        .isEqualTo("go-live on 2026-04-01");
  }
}
