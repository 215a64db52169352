package org.miic.onboarding.queue.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.queue.QueueService;
import org.springframework.stereotype.Component;

/** "Calculate priority": scores the reviewed worksheet and stores the breakdown. */
@Component("calculatePriority")
class CalculatePriorityDelegate implements JavaDelegate {

  private final QueueService queue;

  CalculatePriorityDelegate(QueueService queue) {
    this.queue = queue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = ((Number) execution.getVariable(ProcessConstants.VAR_REQUEST_ID)).longValue();
    Number findings = (Number) execution.getVariable(ProcessConstants.VAR_COMPLETENESS_FINDING_COUNT);
    queue.score(requestId, findings == null ? 0 : findings.intValue());
  }
}
