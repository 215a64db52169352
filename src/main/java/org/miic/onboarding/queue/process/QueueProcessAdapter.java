package org.miic.onboarding.queue.process;

import org.camunda.bpm.engine.RuntimeService;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.queue.QueueProcessPort;
import org.springframework.stereotype.Component;

@Component
class QueueProcessAdapter implements QueueProcessPort {

  private final RuntimeService runtime;
  private final ProcessInstances instances;

  QueueProcessAdapter(RuntimeService runtime, ProcessInstances instances) {
    this.runtime = runtime;
    this.instances = instances;
  }

  @Override
  public boolean isWaitingForSlot(String trackingId) {
    return instances.activeOnboarding(trackingId)
        .map(p -> instances.waitsForMessage(p.getId(), ProcessConstants.MSG_ONBOARDING_SLOT_OFFERED))
        .orElse(false);
  }

  @Override
  public void offerSlot(String trackingId) {
    runtime.createMessageCorrelation(ProcessConstants.MSG_ONBOARDING_SLOT_OFFERED)
        .processInstanceBusinessKey(trackingId)
        .correlateWithResult();
  }
}
