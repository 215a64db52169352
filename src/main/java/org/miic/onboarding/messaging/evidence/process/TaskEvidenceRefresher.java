package org.miic.onboarding.messaging.evidence.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.messaging.evidence.EvidenceListener;
import org.miic.onboarding.messaging.evidence.MessageEvidence;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Keeps the "testEvidence" of the request's open testing tasks current as messages arrive. */
@Component
class TaskEvidenceRefresher implements EvidenceListener {

  static final String LOCAL_EVIDENCE = "testEvidence";
  static final String LOCAL_PHASE = "testingPhase";

  private final TaskService tasks;
  private final WorksheetService worksheets;
  private final MessageEvidence evidence;

  TaskEvidenceRefresher(TaskService tasks, WorksheetService worksheets, @Lazy MessageEvidence evidence) {
    this.tasks = tasks;
    this.worksheets = worksheets;
    this.evidence = evidence;
  }

  @Override
  public void messageReceived(long requestId) {
    String trackingId = worksheets.request(requestId).trackingId();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(trackingId).list()) {
      Object phase = tasks.getVariable(task.getId(), LOCAL_PHASE);
      if (phase != null) {
        tasks.setVariableLocal(task.getId(), LOCAL_EVIDENCE, evidence.evidenceMarkdown(requestId, TestingPhase.valueOf(phase.toString())));
      }
    }
  }
}
