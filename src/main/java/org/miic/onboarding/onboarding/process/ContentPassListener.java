package org.miic.onboarding.onboarding.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.onboarding.TestEvidenceProvider;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.stereotype.Component;

/**
 * Content validation and its approval judge test messages: passing either with no message received during content
 * validation needs the reason, which stays in the process history (issue 7, item 4).
 */
@Component("contentPassCheck")
class ContentPassListener implements TaskListener {

  private final TestEvidenceProvider evidence;

  ContentPassListener(TestEvidenceProvider evidence) {
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean passing = ProcessConstants.OUTCOME_PASSED.equals(task.getVariable(ProcessConstants.VAR_CONTENT_OUTCOME))
        && "Task_MessageContentValidation".equals(task.getTaskDefinitionKey())
        || ProcessConstants.APPROVAL_APPROVED.equals(task.getVariable(ProcessConstants.VAR_CONTENT_APPROVAL))
        && "Task_ApproveMessageContent".equals(task.getTaskDefinitionKey());
    if (!passing || evidence.messageCount(ProcessVariables.requestId(task), TestingPhase.CONTENT) > 0) {
      return;
    }
    Object reason = task.getVariable(ProcessConstants.VAR_NO_MESSAGES_REASON);
    if (reason == null || reason.toString().isBlank()) {
      throw new ProcessEngineException("No test message was received during message content validation. To pass it without one, "
          + "say why in \"Reason for passing without test messages\".");
    }
    task.getExecution().setVariable(ProcessConstants.VAR_NO_MESSAGES_REASON, reason.toString().trim());
  }
}
