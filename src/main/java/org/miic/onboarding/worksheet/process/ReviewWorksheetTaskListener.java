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

  private final ReviewTaskContent content;
  private final WorksheetService worksheets;

  ReviewWorksheetTaskListener(ReviewTaskContent content, WorksheetService worksheets) {
    this.content = content;
    this.worksheets = worksheets;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = ProcessVariables.requestId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(content.contentFor(requestId));
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
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    worksheets.recordReview(requestId, (String) decision, hasNotes ? notes.trim() : null,
        who != null ? who.getUserId() : task.getAssignee());
  }
}
