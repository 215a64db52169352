package org.miic.onboarding.queue.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.common.ProcessVariables;
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
    queue.score(ProcessVariables.requestId(execution));
  }
}
