package org.miic.onboarding.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request's timeline, newest first: the phases it entered and left and its tasks and waits (from the engine's
 * history), the decisions staff took with who and when, and whatever else staff add (emails, messages, documents).
 */
public final class Timeline {

  private Timeline() {}

  public enum Kind {
    PHASE("phase"), TASK("task"), DECISION("decision"), WAIT("wait"), EMAIL("email"), MESSAGES("messages"), DOCUMENT("document"),
    WORKSHEET("worksheet"), END("phase");

    private final String css;

    Kind(String css) {
      this.css = css;
    }

    public String css() {
      return css;
    }
  }

  /** One entry; {@code link} (may be null) opens what it is about. */
  public record Event(Instant at, Kind kind, String title, String detail, String link) {}

  private static final Map<String, String> OUTCOMES = Map.ofEntries(
      Map.entry("complete", "complete"), Map.entry("incomplete", "incomplete: the organization was asked for the missing information"),
      Map.entry("passed", "passed"), Map.entry("corrections", "corrections needed (emailed to the technical contact)"),
      Map.entry("approved", "approved"), Map.entry("fine", "data quality fine"),
      Map.entry("issues", "the organization was asked to address issues"), Map.entry("end", "exchange ended"),
      Map.entry("resolved", "issues resolved"), Map.entry("unresolved", "issues not resolved (asked again)"),
      Map.entry("recorded", "agreement recorded"));

  /** The decision as a phrase: "corrections needed (emailed …)", "go-live on 2026-03-04". */
  public static String outcome(StaffDecision d) {
    if (d.outcome() == null) {
      return "completed";
    }
    if ("Task_CoordinateGoLive".equals(d.taskKey())) {
      return "go-live on " + d.outcome();
    }
    return OUTCOMES.getOrDefault(d.outcome(), d.outcome());
  }

  /** The engine's activities and the staff decisions as events, with the others given, newest first. */
  public static List<Event> build(List<ProcessHistoryPort.Activity> activities, List<StaffDecision> decisions, List<Event> others) {
    List<Event> events = new ArrayList<>(others);
    for (ProcessHistoryPort.Activity a : activities) {
      switch (a.type()) {
        case "subProcess" -> {
          events.add(new Event(a.start(), Kind.PHASE, "Entered " + a.name(), null, null));
          if (a.end() != null) {
            events.add(new Event(a.end(), Kind.PHASE, "Left " + a.name(), null, null));
          }
        }
        case "userTask" -> {
          events.add(new Event(a.start(), Kind.TASK, "Task opened: " + a.name(), null, null));
          boolean decided = decisions.stream().anyMatch(d -> Objects.equals(d.taskId(), a.taskId()));
          if (a.end() != null && !decided) {
            events.add(new Event(a.end(), Kind.TASK, "Task closed without a decision: " + a.name(),
                a.canceled() ? "ended by an event of the process (a timer or a message)" : null, null));
          }
        }
        case "receiveTask" -> events.add(new Event(a.start(), Kind.WAIT, "Waiting: " + a.name(), null, null));
        default -> {
          Instant at = a.end() != null ? a.end() : a.start();
          events.add(new Event(at, a.type().endsWith("EndEvent") ? Kind.END : Kind.WAIT, a.name(), null, null));
        }
      }
    }
    for (StaffDecision d : decisions) {
      events.add(new Event(d.decidedAt(), Kind.DECISION, d.taskName() + ": " + outcome(d),
          (d.decidedBy() == null ? "" : "by " + d.decidedBy()) + (d.notes() == null ? "" : (d.decidedBy() == null ? "" : " — ") + d.notes()),
          null));
    }
    events.removeIf(e -> e.at() == null);
    events.sort(Comparator.comparing(Event::at).reversed());
    return events;
  }
}
