package org.miic.onboarding.worksheet.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Component;

/**
 * "Review worksheet": fills the form when the task is created; on completion checks the decision and records it.
 * An incomplete decision needs something to tell the organization: staff notes or automatic findings.
 */
@Component("reviewWorksheetTask")
class ReviewWorksheetTaskListener implements TaskListener {

  /** Local to the task: whether the request changes a current exchange (the form offers the testing phases then). */
  static final String LOCAL_CHANGE = "changeOfExchange";

  private final ReviewTaskContent content;
  private final WorksheetService worksheets;
  private final org.miic.onboarding.exchange.ExchangeService exchanges;

  ReviewWorksheetTaskListener(ReviewTaskContent content, WorksheetService worksheets, org.miic.onboarding.exchange.ExchangeService exchanges) {
    this.content = content;
    this.worksheets = worksheets;
    this.exchanges = exchanges;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = ProcessVariables.requestId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(content.contentFor(requestId));
      // The worksheet may have been corrected, or the organization gone live, since the request was submitted.
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_CHANGE_OF_REQUEST_ID, exchanges.relink(requestId).orElse(null));
      task.setVariableLocal(LOCAL_CHANGE, exchanges.changeOf(requestId).map(id -> "This request changes the production exchange of "
          + worksheets.request(id).organizationName() + " (tracking id " + worksheets.request(id).trackingId() + "): the agreement on file "
          + "is reused, production goes on, and only the testing phases chosen below run.").orElse(null));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    Object decision = task.getVariable(ProcessConstants.VAR_WORKSHEET_DECISION);
    if (!ProcessConstants.DECISION_COMPLETE.equals(decision) && !ProcessConstants.DECISION_INCOMPLETE.equals(decision)) {
      throw new ProcessEngineException("Choose whether the worksheet is complete or incomplete.");
    }
    String notes = (String) task.getVariable(ProcessConstants.VAR_REVIEW_NOTES);
    boolean hasNotes = notes != null && !notes.isBlank();
    if (ProcessConstants.DECISION_INCOMPLETE.equals(decision) && !hasNotes && worksheets.findings(requestId).isEmpty()) {
      throw new ProcessEngineException("The automatic check found nothing missing: describe in the notes what the "
          + "organization has to add or correct, since the email to the organization lists it.");
    }
    if (ProcessConstants.DECISION_COMPLETE.equals(decision)) {
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_CHANGE_OF_REQUEST_ID, exchanges.relink(requestId).orElse(null));
      org.miic.onboarding.exchange.TestingPlan.Result plan = exchanges.plan(requestId, bool(task, ProcessConstants.VAR_TEST_TRANSPORT),
          bool(task, ProcessConstants.VAR_TEST_FORMAT), bool(task, ProcessConstants.VAR_TEST_CONTENT), bool(task, ProcessConstants.VAR_TEST_QUERY));
      if (plan.plan().isEmpty()) {
        throw new ProcessEngineException(plan.refusal());
      }
      org.miic.onboarding.exchange.TestingPlan chosen = plan.plan().get();
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_TEST_TRANSPORT, chosen.transport());
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_TEST_FORMAT, chosen.format());
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_TEST_CONTENT, chosen.content());
      ProcessVariables.setIfChanged(task.getExecution(), ProcessConstants.VAR_TEST_QUERY, chosen.query());
    }
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    worksheets.recordReview(requestId, (String) decision, hasNotes ? notes.trim() : null,
        who != null ? who.getUserId() : task.getAssignee());
  }

  private static Boolean bool(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof Boolean b ? b : value == null ? null : Boolean.valueOf(value.toString());
  }
}
