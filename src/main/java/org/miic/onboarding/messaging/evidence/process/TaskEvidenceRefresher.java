package org.miic.onboarding.messaging.evidence.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.messaging.evidence.MessageStored;
import org.springframework.context.event.EventListener;
import org.miic.onboarding.messaging.evidence.MessageEvidence;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Keeps the "testEvidence" of the request's open testing tasks current as messages arrive. */
@Component
class TaskEvidenceRefresher {

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

  @EventListener
  public void messageStored(MessageStored stored) {
    long requestId = stored.requestId();
    String trackingId = worksheets.request(requestId).trackingId();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(trackingId).list()) {
      Object phase = tasks.getVariable(task.getId(), LOCAL_PHASE);
      if (phase != null) {
        tasks.setVariableLocal(task.getId(), LOCAL_EVIDENCE, evidence.evidenceMarkdown(requestId, TestingPhase.valueOf(phase.toString())));
      }
    }
  }
}
