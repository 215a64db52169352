package org.miic.onboarding.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a request stands, as staff list and measure it: one of the waits or tasks of the onboarding process, grouped
 * by the four steps. Each stage starts when the process enters the activity named here ({@link #startedBy}); the
 * stage lasts until the next one starts.
 */
public enum RequestStage {
  WORKSHEET(Step.WORKSHEET, "Worksheet received", "Phase_Worksheet"),
  AGREEMENT(Step.WORKSHEET, "Waiting for the MIIC User Agreement", "Task_EmailAgreementRequest"),
  REVIEW(Step.REVIEW_AND_QUEUE, "Worksheet review", "Phase_ReviewAndQueue", "Task_ReviewWorksheet", "Task_RecheckCompleteness"),
  CORRECTION(Step.REVIEW_AND_QUEUE, "Waiting for the corrected worksheet", "Wait_CorrectedWorksheet"),
  QUEUED(Step.REVIEW_AND_QUEUE, "In the onboarding queue", "Wait_OnboardingSlot"),
  TRANSPORT(Step.ONBOARDING, "Transport set-up and testing", "Phase_Onboarding", "Task_SetUpTransport"),
  FORMAT(Step.ONBOARDING, "Message format testing", "Task_MessageFormatTesting"),
  CONTENT(Step.ONBOARDING, "Message content validation (QA)", "Task_MessageContentValidation"),
  APPROVAL(Step.ONBOARDING, "Content approval", "Task_ApproveMessageContent"),
  QUERY(Step.ONBOARDING, "Query testing", "Task_QueryTesting"),
  GO_LIVE(Step.ONBOARDING, "Go-live date", "Task_CoordinateGoLive"),
  PRODUCTION(Step.ONGOING_EXCHANGE, "In production", "Phase_OngoingExchange", "Task_LiftSuspension"),
  SUSPENDED(Step.ONGOING_EXCHANGE, "Production suspended", "Task_SuspendExchange"),
  WITHDRAWN(Step.CLOSED, "Withdrawn", "End_RequestWithdrawn"),
  ENDED(Step.CLOSED, "Exchange ended", "End_ExchangeEnded"),
  /** A change of a current exchange went live on it; the exchange itself goes on under its own request. */
  CHANGE_LIVE(Step.CLOSED, "Change live on its exchange", "End_ChangeLive");

  /** The four steps of MIIC's onboarding, and the end. */
  public enum Step {
    WORKSHEET(1, "Data Exchange Worksheet"),
    REVIEW_AND_QUEUE(2, "Review and queue"),
    ONBOARDING(3, "Onboarding"),
    ONGOING_EXCHANGE(4, "Ongoing exchange with QA"),
    CLOSED(0, "Closed");

    private final int number;
    private final String label;

    Step(int number, String label) {
      this.number = number;
      this.label = label;
    }

    public int number() {
      return number;
    }

    public String label() {
      return label;
    }

    /** "Step 3 – Onboarding", or "Closed". */
    public String title() {
      return number == 0 ? label : "Step " + number + " – " + label;
    }
  }

  private static final Map<String, RequestStage> BY_ACTIVITY = Arrays.stream(values())
      .flatMap(s -> s.activities.stream().map(a -> Map.entry(a, s)))
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  /** The step-3 testing stages, measured one by one in the metrics. */
  public static final List<RequestStage> TESTING = List.of(TRANSPORT, FORMAT, CONTENT, APPROVAL, QUERY, GO_LIVE);

  private final Step step;
  private final String label;
  private final List<String> activities;

  RequestStage(Step step, String label, String... activities) {
    this.step = step;
    this.label = label;
    this.activities = List.of(activities);
  }

  public Step step() {
    return step;
  }

  public String label() {
    return label;
  }

  /** The BPMN activities whose start begins this stage. */
  public List<String> activities() {
    return activities;
  }

  public boolean closed() {
    return step == Step.CLOSED;
  }

  /** The stage an activity's start begins, if any. */
  public static Optional<RequestStage> startedBy(String activityId) {
    return Optional.ofNullable(activityId == null ? null : BY_ACTIVITY.get(activityId));
  }

  /** Parses a stored name; unknown names (a stage of a newer version) read as empty. */
  public static Optional<RequestStage> parse(String name) {
    return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
  }
}
