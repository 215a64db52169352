package org.miic.onboarding.onboarding.process;

import org.miic.onboarding.ProcessConstants;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.common.TaskForms;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.onboarding.TestEvidenceProvider;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.WorksheetService;
import org.miic.onboarding.worksheet.WorksheetSummary;
import org.miic.onboarding.worksheet.process.ReviewTaskContent;
import org.springframework.stereotype.Component;

/**
 * Fills the step-3 and step-4 task forms when a task is created: the organization's worksheet, its agreement, its
 * priority in the queue and the test evidence for the task's phase (the task's {@code testingPhase} input parameter),
 * each where the task's form shows it.
 */
@Component("onboardingTask")
class OnboardingTaskListener implements TaskListener {

  static final String LOCAL_ORGANIZATION = "organizationSummary";
  static final String LOCAL_AGREEMENT = "agreementSummary";
  static final String LOCAL_EVIDENCE = "testEvidence";
  static final String LOCAL_TESTING_PHASE = "testingPhase";
  static final String LOCAL_PRIORITY = "priorityBreakdown";

  private final WorksheetService worksheets;
  private final AgreementService agreements;
  private final TestEvidenceProvider evidence;
  private final QueueService queue;
  private final TaskForms forms;

  OnboardingTaskListener(WorksheetService worksheets, AgreementService agreements, TestEvidenceProvider evidence, QueueService queue,
      TaskForms forms) {
    this.forms = forms;
    this.worksheets = worksheets;
    this.agreements = agreements;
    this.evidence = evidence;
    this.queue = queue;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = ProcessVariables.requestId(task);
    long organizationId = ProcessVariables.organizationId(task);
    // Only what the task's form shows: approving the content, for one, shows the evidence alone.
    if (forms.shows(task, LOCAL_ORGANIZATION)) {
      task.setVariableLocal(LOCAL_ORGANIZATION, WorksheetSummary.markdown(worksheets.currentWorksheet(requestId)));
    }
    if (forms.shows(task, LOCAL_AGREEMENT)) {
      task.setVariableLocal(LOCAL_AGREEMENT, ReviewTaskContent.agreementLine(agreements.status(organizationId)));
    }
    if (forms.shows(task, LOCAL_PRIORITY)) {
      task.setVariableLocal(LOCAL_PRIORITY, queue.breakdownMarkdown(requestId));
    }
    Object phase = task.getVariable(LOCAL_TESTING_PHASE);
    if (phase != null) {
      // The notes of the last corrections were emailed before this task came back: a new round starts empty, so that
      // one task's notes are not prefilled into the next (issue 7, item 4).
      task.getExecution().removeVariable(ProcessConstants.VAR_CORRECTION_NOTES);
      task.setVariableLocal(LOCAL_EVIDENCE, evidence.evidenceMarkdown(requestId, TestingPhase.valueOf(phase.toString())));
    }
  }
}
