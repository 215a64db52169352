package org.miic.onboarding.pipeline.process;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.pipeline.DecisionRepository;
import org.miic.onboarding.pipeline.StaffDecision;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every decision staff take in an onboarding task, with who and when, as the task completes (Camunda's Spring
 * eventing bridge publishes task events in the engine's transaction: a refused completion records nothing).
 */
@Component
class StaffDecisionRecorder {

  /** Per task: the variable holding the decision and the one holding the notes staff wrote. */
  record Fields(String outcome, String notes) {}

  static final Map<String, Fields> TASKS = Map.ofEntries(
      Map.entry(ProcessConstants.TASK_REVIEW_WORKSHEET, new Fields(ProcessConstants.VAR_WORKSHEET_DECISION, ProcessConstants.VAR_REVIEW_NOTES)),
      Map.entry(ProcessConstants.TASK_RECORD_AGREEMENT, new Fields(null, ProcessConstants.VAR_SIGNER_NAME)),
      Map.entry("Task_SetUpTransport", new Fields(ProcessConstants.VAR_TRANSPORT_OUTCOME, ProcessConstants.VAR_CORRECTION_NOTES)),
      Map.entry("Task_MessageFormatTesting", new Fields(ProcessConstants.VAR_FORMAT_OUTCOME, ProcessConstants.VAR_CORRECTION_NOTES)),
      Map.entry("Task_MessageContentValidation", new Fields(ProcessConstants.VAR_CONTENT_OUTCOME, ProcessConstants.VAR_CORRECTION_NOTES)),
      Map.entry("Task_ApproveMessageContent", new Fields(ProcessConstants.VAR_CONTENT_APPROVAL, ProcessConstants.VAR_CORRECTION_NOTES)),
      Map.entry("Task_CoordinateGoLive", new Fields(ProcessConstants.VAR_GO_LIVE_DATE, null)),
      Map.entry("Task_ReviewDataQuality", new Fields(ProcessConstants.VAR_DATA_QUALITY_OUTCOME, ProcessConstants.VAR_DATA_QUALITY_ISSUES)),
      Map.entry("Task_FollowUpDataQuality", new Fields(ProcessConstants.VAR_FOLLOW_UP_OUTCOME, ProcessConstants.VAR_FOLLOW_UP_NOTES)),
      Map.entry(ProcessConstants.TASK_QUERY_TESTING, new Fields(ProcessConstants.VAR_QUERY_OUTCOME, ProcessConstants.VAR_CORRECTION_NOTES)),
      Map.entry(ProcessConstants.TASK_RESUME_EXCHANGE, new Fields(ProcessConstants.VAR_RESUME_OUTCOME, ProcessConstants.VAR_EXCHANGE_END_REASON)));

  private final DecisionRepository decisions;
  private final Clock clock;

  StaffDecisionRecorder(DecisionRepository decisions, Clock clock) {
    this.decisions = decisions;
    this.clock = clock;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    Fields fields = TASKS.get(task.getTaskDefinitionKey());
    if (fields == null || !(task.getVariable(ProcessConstants.VAR_REQUEST_ID) instanceof Number requestId)) {
      return;
    }
    String outcome = fields.outcome() == null ? "recorded" : text(task.getVariable(fields.outcome()));
    String notes = fields.notes() == null ? null : text(task.getVariable(fields.notes()));
    if (ProcessConstants.TASK_RECORD_AGREEMENT.equals(task.getTaskDefinitionKey()) && notes != null) {
      notes = "Signed by " + notes;
    }
    Object reason = task.getVariable(ProcessConstants.VAR_NO_MESSAGES_REASON);
    boolean passed = ProcessConstants.OUTCOME_PASSED.equals(outcome) || ProcessConstants.APPROVAL_APPROVED.equals(outcome);
    if (passed && reason != null && !reason.toString().isBlank() && task.getTaskDefinitionKey().contains("Content")) {
      notes = (notes == null ? "" : notes + "\n") + "Passed without test messages: " + reason;
    }
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = who != null && who.getUserId() != null ? who.getUserId() : task.getAssignee();
    decisions.insert(new StaffDecision(requestId.longValue(), task.getId(), task.getTaskDefinitionKey(), task.getName(), outcome,
        notes, by, clock.instant()));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
