package org.miic.onboarding.queue.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.queue.QueueService;
import org.springframework.stereotype.Component;

/** "Enter onboarding queue": the entry starts waiting; a dispatch follows once the transaction commits. */
@Component("enterOnboardingQueue")
class EnterQueueDelegate implements JavaDelegate {

  private final QueueService queue;

  EnterQueueDelegate(QueueService queue) {
    this.queue = queue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    queue.enter(ProcessVariables.requestId(execution));
  }
}
